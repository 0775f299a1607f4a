// Application secrets: AUTH_SECRET (sessions), CRON_SECRET (cron URLs), SETTINGS_KEY
// (AES-256-GCM key for passwords stored in settings), SIGNING_KEY (signed links and mail
// markers). From the environment when set; otherwise generated once into
// <DATA_DIR>/secrets.json (mode 600) and reused, so even the zero-setup start is secure.
// With DATABASE_URL set (an own PostgreSQL, maybe several instances) nothing is generated: each
// secret comes from the environment (or an existing secrets.json), or the start stops.
// A secret that is given but weak is refused at start.
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { env, dataDir } from "./env";

export const SECRET_NAMES = ["AUTH_SECRET", "CRON_SECRET", "SETTINGS_KEY", "SIGNING_KEY"] as const;
export type SecretName = (typeof SECRET_NAMES)[number];
export type Secrets = Record<SecretName, string> & { EMBEDDED_PG_PASSWORD: string };

/**
 * How many random bytes a secret string carries, judged conservatively: hex and base64 count
 * their decoded length; other text needs 32+ bytes and enough distinct characters.
 */
export function secretStrength(value: string): { ok: boolean; reason?: string } {
  const v = value.trim();
  if (/^[0-9a-f]+$/i.test(v)) {
    if (v.length < 64) return { ok: false, reason: "hex secrets need at least 64 characters (32 bytes)" };
    return distinct(v) >= 8 ? { ok: true } : { ok: false, reason: "too repetitive" };
  }
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(v) && v.length >= 43) return distinct(v) >= 16 ? { ok: true } : { ok: false, reason: "too repetitive" };
  if (Buffer.byteLength(v) < 32) return { ok: false, reason: "shorter than 32 bytes" };
  if (distinct(v) < 16) return { ok: false, reason: "too repetitive" };
  return { ok: true };
}

function distinct(v: string) {
  return new Set(v).size;
}

export function generateSecret(): string {
  return crypto.randomBytes(32).toString("base64url");
}

let cached: Secrets | undefined;

export function secrets(): Secrets {
  if (cached) return cached;
  const file = path.join(dataDir(), "secrets.json");
  let stored: Partial<Secrets> = {};
  if (fs.existsSync(file)) stored = JSON.parse(fs.readFileSync(file, "utf8"));
  const e = env();
  const out: Partial<Secrets> = {};
  const missing: SecretName[] = [];
  let changed = false;
  for (const name of SECRET_NAMES) {
    const given = e[name as keyof typeof e] as string | undefined;
    if (given) {
      const s = secretStrength(given);
      if (!s.ok) throw new Error(`${name} is too weak (${s.reason}). Use at least 32 random bytes, e.g.: openssl rand -base64 32`);
      out[name] = given;
    } else if (stored[name]) {
      out[name] = stored[name];
    } else if (e.DATABASE_URL) {
      // an own database may be shared by several instances: a secret made up here would differ
      // on each (sessions, signed links and sealed settings break across them)
      missing.push(name);
    } else {
      out[name] = stored[name] = generateSecret();
      changed = true;
    }
  }
  if (missing.length) {
    throw new Error(`${missing.join(", ")} must be set in the environment when DATABASE_URL is set (every instance needs the same values). Generate each with: openssl rand -base64 32`);
  }
  if (!stored.EMBEDDED_PG_PASSWORD && !e.DATABASE_URL) {
    stored.EMBEDDED_PG_PASSWORD = generateSecret();
    changed = true;
  }
  out.EMBEDDED_PG_PASSWORD = stored.EMBEDDED_PG_PASSWORD ?? "";
  if (changed) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
    fs.chmodSync(file, 0o600);
  }
  cached = out as Secrets;
  return cached;
}

export function resetSecretsCache() {
  cached = undefined;
}

/** Derived keys, so one secret never serves two purposes. */
export function deriveKey(name: SecretName, purpose: string): Buffer {
  return crypto.createHmac("sha256", secrets()[name]).update(purpose).digest();
}

/** Constant-time comparison of two strings of any length. */
export function safeEqual(a: string, b: string): boolean {
  const ha = crypto.createHash("sha256").update(a).digest();
  const hb = crypto.createHash("sha256").update(b).digest();
  return crypto.timingSafeEqual(ha, hb) && a.length === b.length;
}
