// AES-256-GCM for secrets kept in the settings table (IMAP/SMTP passwords, API keys).
// The key is derived from SETTINGS_KEY (environment or data/secrets.json).
import crypto from "node:crypto";
import { deriveKey } from "@/server/secrets";

const PREFIX = "enc:v1:";

export function seal(plain: string, key = deriveKey("SETTINGS_KEY", "settings-aes-256-gcm")): string {
  if (plain === "") return "";
  const iv = crypto.randomBytes(12);
  const c = crypto.createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([c.update(plain, "utf8"), c.final()]);
  return PREFIX + Buffer.concat([iv, c.getAuthTag(), body]).toString("base64");
}

export function open(sealed: string, key = deriveKey("SETTINGS_KEY", "settings-aes-256-gcm")): string {
  if (sealed === "") return "";
  if (!sealed.startsWith(PREFIX)) throw new Error("secret is not sealed");
  const buf = Buffer.from(sealed.slice(PREFIX.length), "base64");
  const d = crypto.createDecipheriv("aes-256-gcm", key, buf.subarray(0, 12));
  d.setAuthTag(buf.subarray(12, 28));
  return Buffer.concat([d.update(buf.subarray(28)), d.final()]).toString("utf8");
}

export function isSealed(v: unknown): boolean {
  return typeof v === "string" && v.startsWith(PREFIX);
}
