// "Anna is replying…" (issue 16.5): a typing ping from the composer is announced on the same
// NOTIFY channel as ticket changes (SSE listeners) and kept for TYPING_TTL_MS in ticket_typing
// (clients on the polling fallback read it with ticketLiveState). Rate-limited per typist and
// ticket in the database, so every instance agrees: a ping inside the interval changes nothing.
import { pgPool } from "@/server/db/pg-pool";
import type { Actor } from "@/server/domain/actor";
import { notFound } from "@/server/domain/errors";
import { LIVE_CHANNEL, TYPING_MIN_INTERVAL_MS, TYPING_TTL_MS } from "@/server/domain/live/ticket-event";
import { assertStaff } from "@/server/services/tickets/staff-write";
import { assertTicketInScope } from "@/server/services/scope/staff-scope";

async function visibleTicket(actor: Actor, ticketId: number) {
  assertStaff(actor);
  const { rows } = await pgPool().query<{ category_id: number; version: number }>({
    name: "live-ticket-1", text: "SELECT category_id, version FROM tickets WHERE id = $1", values: [ticketId],
  });
  const t = rows[0];
  if (!t) throw notFound("TICKET_NOT_FOUND");
  await assertTicketInScope(actor, t.category_id);
  return { actor, categoryId: t.category_id, version: t.version };
}

/** `sent`: false when the ping came inside the interval of the previous one (nothing announced). */
export async function pingTyping(a: Actor, ticketId: number): Promise<{ sent: boolean }> {
  const { actor, categoryId } = await visibleTicket(a, ticketId);
  // one statement: insert or extend unless the last ping is younger than the interval, and
  // announce in the same transaction (the NOTIFY goes out at commit, only when a row changed)
  const { rows } = await pgPool().query<{ sent: boolean }>({
    name: "live-typing-1",
    text: `WITH up AS (
             INSERT INTO ticket_typing (ticket_id, user_id, name, until)
             VALUES ($1, $2, $3, now() + make_interval(secs => $4::float8 / 1000))
             ON CONFLICT (ticket_id, user_id) DO UPDATE SET until = EXCLUDED.until, name = EXCLUDED.name
              WHERE ticket_typing.until < now() + make_interval(secs => ($4::float8 - $5::float8) / 1000)
             RETURNING 1)
           SELECT true AS sent, pg_notify($6, json_build_object('t', $1::int, 'k', 'typing', 'v', NULL, 'a', $2::int, 'c', $7::int, 'n', $3::text)::text)
             FROM up`,
    values: [ticketId, actor.userId, actor.name.slice(0, 120), TYPING_TTL_MS, TYPING_MIN_INTERVAL_MS, LIVE_CHANNEL, categoryId],
  });
  return { sent: rows.length > 0 };
}

/** The polling fallback: the ticket's version and who else is typing now. */
export async function ticketLiveState(a: Actor, ticketId: number) {
  const { actor, version } = await visibleTicket(a, ticketId);
  const { rows } = await pgPool().query<{ user_id: number; name: string }>({
    name: "live-typists-1",
    text: "SELECT user_id, name FROM ticket_typing WHERE ticket_id = $1 AND user_id <> $2 AND until > now() ORDER BY name",
    values: [ticketId, actor.userId],
  });
  return { version, typing: rows.map((r) => ({ userId: r.user_id, name: r.name })) };
}
