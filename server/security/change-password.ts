// A signed-in user changes their own password (ASVS 5.0 V6.2.2, V6.2.3, V7.4.3): the current
// password is required and throttled like a login, and every existing session of the account
// ends in the same transaction as the new hash.
import type { Db } from "@/server/db/client";
import { hashPassword, verifyPassword, MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH } from "@/server/auth/passwords";
import { LIMITS, take, clear } from "@/server/auth/rate-limit";

export type ChangePasswordResult =
  | { ok: true }
  | { ok: false; reason: "WRONG_CURRENT" | "RATE_LIMITED" | "PASSWORD_TOO_SHORT" | "TOO_LONG" | "SAME_AS_CURRENT" | "INACTIVE" };

export async function changeOwnPassword(db: Db, userId: number, current: string, next: string): Promise<ChangePasswordResult> {
  if (next.length < MIN_PASSWORD_LENGTH) return { ok: false, reason: "PASSWORD_TOO_SHORT" };
  if (next.length > MAX_PASSWORD_LENGTH || current.length > 1024) return { ok: false, reason: "TOO_LONG" };
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, passwordHash: true, isActive: true } });
  if (!user?.isActive) return { ok: false, reason: "INACTIVE" };
  // its own per-account budget: only a session of this account can spend it (issue 14.10)
  if (!(await take(LIMITS.loginAccount(), user.email))) return { ok: false, reason: "RATE_LIMITED" };
  if (!(await verifyPassword(user.passwordHash, current))) return { ok: false, reason: "WRONG_CURRENT" };
  await clear(LIMITS.loginAccount(), user.email);
  if (current === next) return { ok: false, reason: "SAME_AS_CURRENT" };
  const hash = await hashPassword(next);
  await db.$transaction([
    db.user.update({ where: { id: userId }, data: { passwordHash: hash, sessionVersion: { increment: 1 } } }),
    db.userSession.deleteMany({ where: { userId } }),
  ]);
  return { ok: true };
}
