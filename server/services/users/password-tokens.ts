// One-time links mailed to an address: set-password / reset / invite, sign-up confirmation and
// magic sign-in links. 32 random bytes, only the sha256 stored, single use, expiring
// (ASVS 5.0 V6.4.1). Issuing a new one voids older unused ones of the same purpose.
// Using any of them proves that the user reads the mailbox: the address becomes verified.
import crypto from "node:crypto";
import type { Db, Tx } from "@/server/db/client";
import { hashPassword } from "@/server/auth/passwords";
import { clearAccountThrottle } from "@/server/auth/authenticate";
import { revokeCredentials } from "./revoke-credentials";

export type TokenPurpose = "reset" | "set-password" | "invite" | "verify-email" | "magic-link";
const TTL_MS: Record<TokenPurpose, number> = {
  reset: 3600_000,
  "set-password": 7 * 86400_000,
  invite: 7 * 86400_000,
  "verify-email": 2 * 86400_000,
  // a sign-in without a password: short-lived
  "magic-link": 15 * 60_000,
};
/** The purposes the set-password page accepts (a sign-in or confirmation link never sets a password). */
export const PASSWORD_PURPOSES: TokenPurpose[] = ["reset", "set-password", "invite"];

const sha = (t: string) => crypto.createHash("sha256").update(t).digest("hex");

export async function issueToken(tx: Db | Tx, userId: number, purpose: TokenPurpose): Promise<string> {
  const token = crypto.randomBytes(32).toString("base64url");
  await tx.authToken.updateMany({ where: { userId, purpose, usedAt: null }, data: { usedAt: new Date() } });
  await tx.authToken.create({ data: { userId, purpose, tokenHash: sha(token), expiresAt: new Date(Date.now() + TTL_MS[purpose]) } });
  return token;
}

/**
 * Marks a valid, unused token of one of `purposes` used (exactly one caller wins a race) and
 * returns its user; null when the token is unknown, used, expired or of another purpose.
 */
export async function claimToken(tx: Tx, token: string, purposes: TokenPurpose[]): Promise<number | null> {
  const now = new Date();
  const row = await tx.authToken.findUnique({ where: { tokenHash: sha(token) } });
  if (!row || row.usedAt || row.expiresAt < now || !purposes.includes(row.purpose as TokenPurpose)) return null;
  const claimed = await tx.authToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: now } });
  return claimed.count === 1 ? row.userId : null;
}

/**
 * Marks the token used and sets the password in one transaction; null when invalid. The address
 * is proven by the link; every session, API token and other pending link of the account ends.
 */
export async function consumeTokenAndSetPassword(db: Db, token: string, password: string): Promise<number | null> {
  const hash = await hashPassword(password);
  const userId = await db.$transaction(async (tx) => {
    const id = await claimToken(tx, token, PASSWORD_PURPOSES);
    if (!id) return null;
    await revokeCredentials(tx, id);
    const u = await tx.user.update({ where: { id }, data: { passwordHash: hash, emailVerifiedAt: new Date() }, select: { email: true } });
    return { id, email: u.email };
  });
  if (!userId) return null;
  await clearAccountThrottle(userId.email);
  return userId.id;
}

export async function tokenIsValid(db: Db, token: string, purposes: TokenPurpose[] = PASSWORD_PURPOSES): Promise<boolean> {
  const row = await db.authToken.findUnique({ where: { tokenHash: sha(token) }, select: { usedAt: true, expiresAt: true, purpose: true } });
  return !!row && !row.usedAt && row.expiresAt > new Date() && purposes.includes(row.purpose as TokenPurpose);
}

/** The account a still-valid token of `purpose` belongs to (for the page that shows it). */
export async function tokenOwner(db: Db, token: string, purpose: TokenPurpose) {
  const row = await db.authToken.findUnique({ where: { tokenHash: sha(token) }, select: { usedAt: true, expiresAt: true, purpose: true, user: { select: { id: true, email: true, isActive: true } } } });
  if (!row || row.usedAt || row.expiresAt <= new Date() || row.purpose !== purpose || !row.user.isActive) return null;
  return row.user;
}
