// Signed, expiring links: a guest's view of one ticket, and the rating link in mail. HMAC
// over the fields with a key derived from SIGNING_KEY; compared in constant time.
import crypto from "node:crypto";
import { deriveKey } from "@/server/secrets";

export type LinkPurpose = "ticket" | "rate";

const b64 = (b: Buffer) => b.toString("base64url");

function mac(purpose: LinkPurpose, body: string): string {
  return b64(crypto.createHmac("sha256", deriveKey("SIGNING_KEY", `link:${purpose}`)).update(body).digest()).slice(0, 32);
}

export function signLink(purpose: LinkPurpose, ticketId: number, userId: number, ttlDays = 90, now = Date.now()): string {
  const exp = Math.floor(now / 1000) + ttlDays * 86400;
  const body = `${ticketId}.${userId}.${exp}`;
  return `${body}.${mac(purpose, body)}`;
}

export function verifyLink(purpose: LinkPurpose, token: string, now = Date.now()): { ticketId: number; userId: number } | null {
  const m = /^(\d{1,10})\.(\d{1,10})\.(\d{1,12})\.([A-Za-z0-9_-]{32})$/.exec(token ?? "");
  if (!m) return null;
  const body = `${m[1]}.${m[2]}.${m[3]}`;
  const expected = Buffer.from(mac(purpose, body));
  const given = Buffer.from(m[4]!);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return null;
  if (Number(m[3]) * 1000 < now) return null;
  return { ticketId: Number(m[1]), userId: Number(m[2]) };
}

export const GUEST_COOKIE = "hd_guest";
