// Email + password check with per-account and per-IP throttling. Every failure gives the
// same neutral answer, so the form reveals neither which accounts exist nor which are locked.
import { db } from "@/server/db/client";
import { verifyPassword } from "./passwords";
import { LIMITS, take, clear } from "./rate-limit";

export type AuthResult = { ok: true; userId: number; version: number } | { ok: false; reason: "INVALID" | "RATE_LIMITED" };

export async function authenticate(emailRaw: string, password: string, ip: string): Promise<AuthResult> {
  const email = emailRaw.trim().toLowerCase();
  if (!email || !password || password.length > 1024) return { ok: false, reason: "INVALID" };
  const [ipOk, accountOk] = await Promise.all([take(LIMITS.loginIp(), ip), take(LIMITS.loginAccount(), email)]);
  if (!ipOk || !accountOk) return { ok: false, reason: "RATE_LIMITED" };
  const user = await db().user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, isActive: true, sessionVersion: true },
  });
  const valid = await verifyPassword(user?.passwordHash, password);
  if (!user || !valid || !user.isActive) return { ok: false, reason: "INVALID" };
  await clear(LIMITS.loginAccount(), email);
  return { ok: true, userId: user.id, version: user.sessionVersion };
}
