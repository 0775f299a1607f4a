// Writes the in-app rows of one ticket event (the bell, issue 16 point 3) in the caller's
// transaction, beside the staff mails. Bounded per user: rows beyond the newest MAX_PER_USER and
// read rows older than READ_KEEP_DAYS of the event's users are deleted — the table never grows
// faster than the staff can read, and nothing needs a cron job. The trim reads every row of
// those users (a window over ~10,000 rows for a 50-agent team), so it runs on one event in
// TRIM_EVERY (a sequence counts them, migration 0026) and whenever one call gives a user more
// than one row: between trims a user holds at most a few events over the bound.
// Plain SQL: the statements are the same for the app and the bench's floor (bench/sql.ts).
import type { Tx } from "@/server/db/client";
import type { NotifyEventKey } from "@/server/domain/notifications/prefs";
import { excerpt } from "@/server/domain/notifications/excerpt";

export const MAX_PER_USER = 200;
export const READ_KEEP_DAYS = 30;
export const IN_APP_EXCERPT = 200;
/** One event in this many trims its users' rows. */
export const TRIM_EVERY = 16;

/** $1 user ids, $2 ticket, $3 actor, $4 excerpt, $5 events (one per user id); answers the event's count. */
export const NOTIFICATIONS_INSERT_SQL = `
  WITH ins AS (
    INSERT INTO notifications (user_id, ticket_id, event, actor_id, excerpt, created_at)
    SELECT x.u, $2::int, x.e, $3::int, $4::text, now() AT TIME ZONE 'UTC' FROM unnest($1::int[], $5::text[]) WITH ORDINALITY AS x(u, e, n) ORDER BY x.n
    RETURNING 1)
  SELECT nextval('notification_events')::bigint % ${TRIM_EVERY} = 0 AS trim, (SELECT count(*) FROM ins)::int AS n`;

/** $1 user ids */
export const NOTIFICATIONS_TRIM_SQL = `
  DELETE FROM notifications n
   USING (SELECT id, read_at, created_at, row_number() OVER (PARTITION BY user_id ORDER BY id DESC) AS rn
            FROM notifications WHERE user_id = ANY($1::int[])) x
   WHERE n.id = x.id
     AND (x.rn > ${MAX_PER_USER} OR (x.read_at IS NOT NULL AND x.created_at < now() - make_interval(days => ${READ_KEEP_DAYS})))`;

export async function writeNotifications(tx: Tx, o: { ticketId: number; actorId: number | null; text: string; rows: Array<{ userId: number; event: NotifyEventKey }> }) {
  if (o.rows.length === 0) return;
  const users = o.rows.map((r) => r.userId);
  const [r] = await tx.$queryRawUnsafe<{ trim: boolean }[]>(NOTIFICATIONS_INSERT_SQL, users, o.ticketId, o.actorId, excerpt(o.text, IN_APP_EXCERPT - 2), o.rows.map((x) => x.event));
  if (r!.trim || new Set(users).size < users.length) await tx.$executeRawUnsafe(NOTIFICATIONS_TRIM_SQL, [...new Set(users)]);
}
