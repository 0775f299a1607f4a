// Server-side session records behind the Auth.js JWT. The JWT holds only a random session id;
// a session is valid while its row exists and its version equals the user's sessionVersion.
// Sign-in creates a new id (rotation), sign-out deletes it, a password change or
// deactivation bumps the version (ASVS 5.0 V7.2.4, V7.4.1, V7.4.3).
import crypto from "node:crypto";
import type { Db } from "@/server/db/client";

export const SESSION_MAX_AGE_S = 30 * 24 * 3600;

const hashSid = (sid: string) => crypto.createHash("sha256").update(sid).digest("hex");

export async function createSession(db: Db, userId: number, version: number): Promise<string> {
  const sid = crypto.randomBytes(32).toString("base64url");
  await db.userSession.create({
    data: { id: hashSid(sid), userId, version, expiresAt: new Date(Date.now() + SESSION_MAX_AGE_S * 1000) },
  });
  return sid;
}

export type SessionUser = { id: number; email: string; name: string; role: "CUSTOMER" | "AGENT" | "ADMIN" | "MANAGER"; locale: string };

export async function validateSession(db: Db, sid: string): Promise<SessionUser | null> {
  const row = await db.userSession.findUnique({
    where: { id: hashSid(sid) },
    select: { version: true, expiresAt: true, user: { select: { id: true, email: true, name: true, role: true, locale: true, isActive: true, sessionVersion: true } } },
  });
  if (!row || row.expiresAt < new Date() || !row.user.isActive || row.user.sessionVersion !== row.version) return null;
  const { id, email, name, role, locale } = row.user;
  return { id, email, name, role, locale };
}

export async function revokeSession(db: Db, sid: string) {
  await db.userSession.deleteMany({ where: { id: hashSid(sid) } });
}

/** Password change / deactivation: every session of the user dies. */
export async function revokeAllSessions(db: Db, userId: number) {
  await db.$transaction([
    db.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } }),
    db.userSession.deleteMany({ where: { userId } }),
  ]);
}
