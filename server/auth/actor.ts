// Turns a request into an Actor: an API token (Authorization: Bearer), a signed-in session,
// a guest's signed ticket link (cookie), or anonymous. Used by the tRPC context and by
// route handlers (attachment downloads), so every door resolves identity the same way.
import { db } from "@/server/db/client";
import { pgPool } from "@/server/db/pg-pool";
import type { Actor } from "@/server/domain/actor";
import { anonymous } from "@/server/domain/actor";
import { auth } from "./config";
import { verifyLink, GUEST_COOKIE } from "./signed-links";

import { hashToken } from "./token-hash";
import { isConnectionError } from "@/server/db/errors";

export { hashToken };

type TokenRow = { id: number; last_used_at: Date | null; scope: string; user_id: number; email: string; name: string; role: Extract<Actor, { kind: "user" }>["role"]; locale: string };

/**
 * Every API call starts here, so it is one indexed statement on the plain pg pool (through
 * Prisma the lookup cost a query compilation per request — about as much as the queue read),
 * prepared once per connection (server/db/pg-pool.ts).
 * Revoked and expired tokens and deactivated users are refused by the statement itself, on
 * every call; the token's scope rides on the actor (read tokens: queries only, server/api/trpc.ts).
 */
async function actorFromToken(token: string): Promise<Actor> {
  const { rows } = await pgPool().query<TokenRow>({
    name: "actor-by-token-2",
    text: `SELECT t.id, t.last_used_at, t.scope, u.id AS user_id, u.email, u.name, u.role::text AS role, u.locale
       FROM api_tokens t JOIN users u ON u.id = t.user_id
      WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now()) AND u.is_active`,
    values: [hashToken(token)],
  });
  const row = rows[0];
  if (!row) return anonymous;
  if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > 60_000) {
    await pgPool().query(`UPDATE api_tokens SET last_used_at = now() WHERE id = $1`, [row.id]);
  }
  return { kind: "user", userId: row.user_id, role: row.role, email: row.email, name: row.name, locale: row.locale, via: "token", tokenScope: row.scope === "read" ? "read" : "read-write" };
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

/** The actor of a page request, or "unavailable" when the database does not answer (the page shows a clear "unavailable" screen instead of crashing). */
export async function pageActor(h: Headers): Promise<Actor | "unavailable"> {
  try {
    return await actorFromHeaders(h);
  } catch (e) {
    if (isConnectionError(e)) return "unavailable";
    throw e;
  }
}
