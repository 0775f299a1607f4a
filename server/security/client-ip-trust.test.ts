// ASVS 5.0 V4.1.3 / V15.3.4: the client address behind the per-IP limits (login, sign-up,
// reset, guest tickets) cannot be chosen by the client. The review's case: outside bin/serve.ts
// (Vercel, a bare `next start`) x-helpdesk-client-ip was taken as sent, and without it everyone
// shared one "unknown" bucket.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CLIENT_IP_HEADER, bootClientIpKey, clientIp, clientIpHeaderValue } from "@/server/auth/client-ip";
import { resetEnvCache } from "@/server/env";

const saved = { NODE_ENV: process.env.NODE_ENV, TRUSTED_IP_HEADER: process.env.TRUSTED_IP_HEADER, VERCEL: process.env.VERCEL,
  DATABASE_URL: process.env.DATABASE_URL, STORAGE: process.env.STORAGE, S3_BUCKET: process.env.S3_BUCKET };
const setEnv = (k: keyof typeof saved, v: string | undefined) => {
  if (v === undefined) delete process.env[k];
  else (process.env as Record<string, string>)[k] = v;
};

beforeEach(() => {
  setEnv("NODE_ENV", "production");
  resetEnvCache();
});
afterEach(() => {
  for (const [k, v] of Object.entries(saved)) setEnv(k as keyof typeof saved, v);
  resetEnvCache();
});

const h = (o: Record<string, string>) => new Headers(o);

describe("ASVS 5.0 V4.1.3: the internal client-IP header is believed only from bin/serve.ts", () => {
  it("a client's own x-helpdesk-client-ip is ignored (no key, a wrong key, a key of another length)", () => {
    const key = bootClientIpKey();
    const wrong = key.slice(0, -1) + (key.endsWith("A") ? "B" : "A");
    for (const forged of ["1.2.3.4", "x 1.2.3.4", `${wrong} 1.2.3.4`, `${key}x 1.2.3.4`, `${key.slice(1)} 1.2.3.4`]) {
      expect(clientIp(h({ [CLIENT_IP_HEADER]: forged })), forged).not.toBe("1.2.3.4");
    }
    // nor is X-Forwarded-For, outside tests
    expect(clientIp(h({ "x-forwarded-for": "1.2.3.4" }))).not.toBe("1.2.3.4");
  });

  it("the value bin/serve.ts sets (with this boot's key) is the address", () => {
    expect(clientIp(h({ [CLIENT_IP_HEADER]: clientIpHeaderValue(bootClientIpKey(), "203.0.113.9") }))).toBe("203.0.113.9");
  });

  it("no shared 'unknown' bucket: two requests without an address never share a key", () => {
    const a = clientIp(h({}));
    const b = clientIp(h({}));
    expect(a).not.toBe(b);
    expect(a).not.toBe("unknown");
  });

  it("trusted-proxy mode (Vercel): TRUSTED_IP_HEADER names the header the platform overwrites", () => {
    setEnv("TRUSTED_IP_HEADER", "x-real-ip");
    resetEnvCache();
    expect(clientIp(h({ "x-real-ip": "198.51.100.7", [CLIENT_IP_HEADER]: "1.2.3.4" }))).toBe("198.51.100.7");
    // the internal header with the key still wins (bin/serve.ts behind that platform)
    expect(clientIp(h({ "x-real-ip": "198.51.100.7", [CLIENT_IP_HEADER]: clientIpHeaderValue(bootClientIpKey(), "203.0.113.9") }))).toBe("203.0.113.9");
  });

  it("on Vercel (VERCEL set by the platform) x-real-ip is the default, a client-sent internal header is not", () => {
    // what a Vercel deployment must have anyway (server/env.ts refuses to start without it)
    for (const [k, v] of [["VERCEL", "1"], ["DATABASE_URL", "postgresql://u:p@db.example/helpdesk"], ["STORAGE", "s3"], ["S3_BUCKET", "helpdesk"]] as const) setEnv(k, v);
    resetEnvCache();
    expect(clientIp(h({ "x-real-ip": "198.51.100.7", [CLIENT_IP_HEADER]: "1.2.3.4" }))).toBe("198.51.100.7");
    expect(clientIp(h({ [CLIENT_IP_HEADER]: "1.2.3.4" }))).not.toBe("1.2.3.4");
  });
});
