// Email + password check with throttling keyed so a stranger cannot lock out a known account
// (server/auth/rate-limit.ts). Every failure gives the same neutral answer, so the form reveals
// neither which accounts exist nor which are locked; only someone who knows the password learns
// that the address is not confirmed yet (UNVERIFIED — the page then offers to resend the link).
import { db } from "@/server/db/client";
import { hashPassword, needsRehash, verifyPassword } from "./passwords";
import { LIMITS, take, clear, seen } from "./rate-limit";
export type AuthResult = { ok: true; userId: number; version: number } | { ok: false; reason: "INVALID" | "RATE_LIMITED" | "UNVERIFIED" };
const pair = (email: string, ip: string) => `${email}|${ip}`;
/** Consumes the attempt from every budget that applies; false when one is spent. */
async function withinLimits(email: string, ip: string): Promise<boolean> {
  const known = await seen(LIMITS.loginKnown(), pair(email, ip));
  const checks = [take(LIMITS.loginIp(), ip), take(LIMITS.loginAccountIp(), pair(email, ip))];
  // the per-account ceiling only counts addresses the owner has never signed in from
  if (!known) checks.push(take(LIMITS.loginAccountCeiling(), email));
  return (await Promise.all(checks)).every(Boolean);
}
export async function authenticate(emailRaw: string, password: string, ip: string): Promise<AuthResult> {
  const email = emailRaw.trim().toLowerCase();
  if (!email || !password || password.length > 1024) return { ok: false, reason: "INVALID" };
  if (!(await withinLimits(email, ip))) return { ok: false, reason: "RATE_LIMITED" };
  const user = await db().user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, isActive: true, sessionVersion: true, emailVerifiedAt: true },
  });
  const valid = await verifyPassword(user?.passwordHash, password);
  if (!user || !valid || !user.isActive) return { ok: false, reason: "INVALID" };
  // an imported Patchesoft hash is replaced by argon2id at its first successful use; the
  // `where` on the old hash keeps a concurrent password change from being overwritten
  if (needsRehash(user.passwordHash)) {
    await db().user.updateMany({ where: { id: user.id, passwordHash: user.passwordHash }, data: { passwordHash: await hashPassword(password) } });
  }
  await clear(LIMITS.loginAccountIp(), pair(email, ip));
  if (!user.emailVerifiedAt) return { ok: false, reason: "UNVERIFIED" };
  await take(LIMITS.loginKnown(), pair(email, ip));
  return { ok: true, userId: user.id, version: user.sessionVersion };
}
/** After a mailed link proved the owner (reset, set-password): lift the per-account ceiling. */
export async function clearAccountThrottle(emailRaw: string): Promise<void> {
  await clear(LIMITS.loginAccountCeiling(), emailRaw.trim().toLowerCase());
}
