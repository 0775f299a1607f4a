// One-time set-password / reset links: 32 random bytes, only the sha256 stored, single use,
// expiring (ASVS 5.0 V6.4.1). Issuing a new one voids older unused ones of the same purpose.
import crypto from "node:crypto";
import type { Db, Tx } from "@/server/db/client";
import { hashPassword } from "@/server/auth/passwords";

export type TokenPurpose = "reset" | "set-password" | "invite";
const TTL_MS: Record<TokenPurpose, number> = { reset: 3600_000, "set-password": 7 * 86400_000, invite: 7 * 86400_000 };

const sha = (t: string) => crypto.createHash("sha256").update(t).digest("hex");

export async function issueToken(tx: Db | Tx, userId: number, purpose: TokenPurpose): Promise<string> {
  const token = crypto.randomBytes(32).toString("base64url");
  await tx.authToken.updateMany({ where: { userId, purpose, usedAt: null }, data: { usedAt: new Date() } });
  await tx.authToken.create({ data: { userId, purpose, tokenHash: sha(token), expiresAt: new Date(Date.now() + TTL_MS[purpose]) } });
  return token;
}

/** Marks the token used and sets the password in one transaction; null when invalid. */
export async function consumeTokenAndSetPassword(db: Db, token: string, password: string): Promise<number | null> {
  const hash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const now = new Date();
    const row = await tx.authToken.findUnique({ where: { tokenHash: sha(token) } });
    if (!row || row.usedAt || row.expiresAt < now) return null;
    const claimed = await tx.authToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: now } });
    if (claimed.count !== 1) return null;
    await tx.user.update({ where: { id: row.userId }, data: { passwordHash: hash, sessionVersion: { increment: 1 } } });
    await tx.userSession.deleteMany({ where: { userId: row.userId } });
    return row.userId;
  });
}

export async function tokenIsValid(db: Db, token: string): Promise<boolean> {
  const row = await db.authToken.findUnique({ where: { tokenHash: sha(token) }, select: { usedAt: true, expiresAt: true } });
  return !!row && !row.usedAt && row.expiresAt > new Date();
}
