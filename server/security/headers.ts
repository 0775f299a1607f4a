// Security headers in one place (ASVS 5.0 V3.4): the per-request Content-Security-Policy built by
// proxy.ts with a fresh nonce, and the static headers next.config.ts sends on every response.
// Pure functions, so the policy is tested as a table (server/security/headers.test.ts).

export type CspOptions = { nonce: string; dev?: boolean; https?: boolean };

/**
 * Scripts run only with this request's nonce ('strict-dynamic' lets Next's own loader add its
 * chunks); no 'unsafe-inline' for scripts (V3.4.3). Inline style attributes stay allowed because
 * React/Tailwind components set colours through `style` (e.g. Badge) — CSS cannot run script.
 */
export function buildCsp({ nonce, dev = false, https = false }: CspOptions): string {
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    // React's dev build evaluates source maps / fast refresh with eval; never in production
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    ["style-src", "'self'", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'", "data:"],
    ["connect-src", "'self'", ...(dev ? ["ws:"] : [])],
    ["object-src", "'none'"],
    ["base-uri", "'none'"],
    ["frame-ancestors", "'none'"],
    ["form-action", "'self'"],
    ...(https ? ([["upgrade-insecure-requests"]] as [string][]) : []),
  ];
  return directives.map((d) => d.join(" ")).join("; ");
}

/** 16 random bytes, base64: unguessable and valid as a CSP nonce-source. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export type BaseHeaderOptions = { production: boolean; appUrl: string };

/** Headers for every response. HSTS only in production behind https (V3.4.1). */
export function baseSecurityHeaders({ production, appUrl }: BaseHeaderOptions): { key: string; value: string }[] {
  return [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
    ...(production && appUrl.startsWith("https://") ? [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }] : []),
  ];
}
