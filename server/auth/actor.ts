// Turns a request into an Actor: an API token (Authorization: Bearer), a signed-in session,
// a guest's signed ticket link (cookie), or anonymous. Used by the tRPC context and by
// route handlers (attachment downloads), so every door resolves identity the same way.
import { db } from "@/server/db/client";
import type { Actor } from "@/server/domain/actor";
import { anonymous } from "@/server/domain/actor";
import { auth } from "./config";
import { verifyLink, GUEST_COOKIE } from "./signed-links";

import { hashToken } from "./token-hash";

export { hashToken };

async function actorFromToken(token: string): Promise<Actor> {
  const row = await db().apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, revokedAt: true, lastUsedAt: true, user: { select: { id: true, email: true, name: true, role: true, locale: true, isActive: true } } },
  });
  if (!row || row.revokedAt || !row.user.isActive) return anonymous;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db().apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  const u = row.user;
  return { kind: "user", userId: u.id, role: u.role, email: u.email, name: u.name, locale: u.locale, via: "token" };
}

function readCookie(h: Headers, name: string): string | null {
  const raw = h.get("cookie");
  if (!raw) return null;
  for (const part of raw.split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return decodeURIComponent(v.join("="));
  }
  return null;
}

export async function actorFromHeaders(h: Headers): Promise<Actor> {
  const authz = h.get("authorization");
  if (authz) {
    const m = /^Bearer\s+(\S+)$/i.exec(authz);
    return m ? actorFromToken(m[1]!) : anonymous;
  }
  const session = await auth();
  const u = session?.user;
  if (u?.id) return { kind: "user", userId: u.id, role: u.role, email: u.email, name: u.name, locale: u.locale, via: "session" };
  const guest = readCookie(h, GUEST_COOKIE);
  if (guest) {
    const link = verifyLink("ticket", guest);
    if (link) {
      const user = await db().user.findUnique({ where: { id: link.userId }, select: { locale: true, isActive: true } });
      if (user?.isActive) return { kind: "guest", userId: link.userId, ticketId: link.ticketId, locale: user.locale };
    }
  }
  return anonymous;
}
