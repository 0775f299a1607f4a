// Writes the in-app rows of one ticket event (the bell, issue 16 point 3) in the caller's
// transaction, beside the staff mails. Bounded per user: after the insert, rows beyond the
// newest MAX_PER_USER and read rows older than READ_KEEP_DAYS of those users are deleted — the
// table never grows faster than the staff can read, and nothing needs a cron job.
import type { Tx } from "@/server/db/client";
import type { NotifyEventKey } from "@/server/domain/notifications/prefs";
import { excerpt } from "@/server/domain/notifications/excerpt";

export const MAX_PER_USER = 200;
export const READ_KEEP_DAYS = 30;
export const IN_APP_EXCERPT = 200;

export async function writeNotifications(tx: Tx, o: { ticketId: number; actorId: number | null; text: string; rows: Array<{ userId: number; event: NotifyEventKey }> }) {
  if (o.rows.length === 0) return;
  const text = excerpt(o.text, IN_APP_EXCERPT - 2);
  await tx.notification.createMany({ data: o.rows.map((r) => ({ userId: r.userId, ticketId: o.ticketId, event: r.event, actorId: o.actorId, excerpt: text })) });
  const users = o.rows.map((r) => r.userId);
  await tx.$executeRaw`
    DELETE FROM notifications n
     USING (SELECT id, read_at, created_at, row_number() OVER (PARTITION BY user_id ORDER BY id DESC) AS rn
              FROM notifications WHERE user_id = ANY(${users}::int[])) x
     WHERE n.id = x.id
       AND (x.rn > ${MAX_PER_USER} OR (x.read_at IS NOT NULL AND x.created_at < now() - make_interval(days => ${READ_KEEP_DAYS})))`;
}
