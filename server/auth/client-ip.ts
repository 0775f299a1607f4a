// The client's address for rate limiting (ASVS 5.0 V4.1.3, V15.3.4; per-IP limits V6.3.1).
// No header a client can send is believed as it is:
//  - bin/serve.ts (the production entry) computes the address from the socket and
//    TRUSTED_PROXY_HOPS and passes it in CLIENT_IP_HEADER together with a key made at boot, in
//    this process's memory only. A value without that key — a client's own header on Vercel or
//    a bare `next start` — is ignored, so it cannot pick its own rate-limit bucket.
//  - Trusted-proxy mode (Vercel, a platform that overwrites a header itself): TRUSTED_IP_HEADER
//    names that header (e.g. `x-real-ip` on Vercel), and only then is it read.
//  - Otherwise the address is unknown and each request gets a bucket of its own: per-IP limits
//    then do nothing (the per-account ones still apply), rather than one "unknown" bucket that
//    every visitor shares and one attacker can fill.
import crypto from "node:crypto";
import { env } from "@/server/env";
import { logger } from "@/server/logger";

export const CLIENT_IP_HEADER = "x-helpdesk-client-ip";

const g = globalThis as unknown as { __helpdeskClientIpKey?: string; __helpdeskClientIpWarned?: boolean };

/** Called once by bin/serve.ts at boot: the key its header carries. */
export function bootClientIpKey(): string {
  return (g.__helpdeskClientIpKey ??= crypto.randomBytes(24).toString("base64url"));
}

/** The header value bin/serve.ts sets for one request: "<boot key> <address>". */
export function clientIpHeaderValue(key: string, address: string): string {
  return `${key} ${address}`;
}

/**
 * `hops` = how many reverse proxies in front of the app append to X-Forwarded-For (0 when the
 * app faces the internet). The client is the address just before the trusted proxies.
 */
export function resolveClientAddress(xff: string | undefined, socketAddress: string | undefined, hops: number): string {
  const chain = [...(xff ?? "").split(",").map((s) => s.trim()).filter(Boolean), socketAddress ?? "unknown"];
  const i = chain.length - 1 - Math.max(0, hops);
  return chain[Math.max(0, i)]!;
}

function fromServerEntry(value: string | null): string | null {
  const key = g.__helpdeskClientIpKey;
  if (!value || !key) return null;
  const space = value.indexOf(" ");
  if (space !== key.length) return null;
  const given = Buffer.from(value.slice(0, space));
  if (!crypto.timingSafeEqual(given, Buffer.from(key))) return null;
  return value.slice(space + 1) || null;
}

function unknownClient(): string {
  if (!g.__helpdeskClientIpWarned) {
    g.__helpdeskClientIpWarned = true;
    logger.warn("client address unknown: per-IP limits are off; serve with bin/serve.ts (npm start) or set TRUSTED_IP_HEADER");
  }
  return `unknown:${crypto.randomUUID()}`;
}

export function clientIp(h: Headers): string {
  const served = fromServerEntry(h.get(CLIENT_IP_HEADER));
  if (served) return served;
  // Vercel's edge overwrites x-real-ip with the connecting address on every request
  const trusted = env().TRUSTED_IP_HEADER ?? (env().VERCEL ? "x-real-ip" : undefined);
  if (trusted) {
    const v = h.get(trusted)?.split(",")[0]?.trim();
    if (v) return v;
  }
  // Integration tests call procedures without the server entry.
  if (env().NODE_ENV === "test") return h.get("x-forwarded-for")?.split(",")[0]?.trim() || unknownClient();
  return unknownClient();
}
