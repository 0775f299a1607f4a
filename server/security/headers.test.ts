// The security headers as a table (ASVS 5.0 V3.4): the CSP proxy.ts sends with each page and
// the static headers next.config.ts adds to every response.
import { describe, it, expect } from "vitest";
import { buildCsp, newNonce, baseSecurityHeaders } from "./headers";

function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(";").map((d) => d.trim().split(/\s+/)).filter((p) => p[0]).map(([k, ...v]) => [k!, v]));
}

describe("Content-Security-Policy", () => {
  it.each([
    { dev: false, https: false },
    { dev: false, https: true },
    { dev: true, https: false },
  ])("ASVS 5.0 V3.4.3: scripts need the nonce, never 'unsafe-inline' (%o)", ({ dev, https }) => {
    const d = directives(buildCsp({ nonce: "abc123==", dev, https }));
    const script = d.get("script-src")!;
    expect(script).toEqual(expect.arrayContaining(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]));
    expect(script).not.toContain("'unsafe-inline'");
    expect(script.includes("'unsafe-eval'")).toBe(dev);
    expect(d.get("object-src")).toEqual(["'none'"]);
    expect(d.get("base-uri")).toEqual(["'none'"]);
    expect(d.get("frame-ancestors")).toEqual(["'none'"]);
    expect(d.get("form-action")).toEqual(["'self'"]);
    expect(d.get("img-src")).toEqual(["'self'", "data:", "blob:"]);
    expect(d.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(d.has("upgrade-insecure-requests")).toBe(https);
  });

  it("ASVS 5.0 V3.4.3: every nonce is fresh, 128 bits, base64", () => {
    const seen = new Set(Array.from({ length: 200 }, () => newNonce()));
    expect(seen.size).toBe(200);
    for (const n of seen) expect(n).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe("static security headers", () => {
  const get = (h: { key: string; value: string }[], k: string) => h.find((x) => x.key === k)?.value;
  it.each([
    { production: true, appUrl: "https://support.example.com", hsts: true },
    { production: true, appUrl: "http://support.example.com", hsts: false },
    { production: false, appUrl: "https://support.example.com", hsts: false },
    { production: false, appUrl: "http://localhost:3000", hsts: false },
  ])("ASVS 5.0 V3.4.1/V3.4.4/V3.4.5: $appUrl production=$production → HSTS $hsts", ({ production, appUrl, hsts }) => {
    const h = baseSecurityHeaders({ production, appUrl });
    expect(get(h, "X-Content-Type-Options")).toBe("nosniff");
    expect(get(h, "X-Frame-Options")).toBe("DENY");
    expect(get(h, "Referrer-Policy")).toBe("strict-origin-when-cross-origin");
    expect(get(h, "Strict-Transport-Security") !== undefined).toBe(hsts);
    if (hsts) expect(get(h, "Strict-Transport-Security")).toMatch(/max-age=(\d{8,})/);
  });
});
