// ticket.counts: badges per status and for "mine" / "unassigned" open tickets, read from the
// counter tables (kept by statement triggers, migrations 0002 and 0017) instead of counting a
// million tickets: a sum over a few hundred rows, through the plain pg pool. A scoped agent's
// badges come from the per-category counters, limited to the categories of their scope.
import { readPool } from "@/server/db/replica";
import type { Actor } from "@/server/domain/actor";
import { isStaff } from "@/server/domain/actor";
import { forbidden } from "@/server/domain/errors";
import { loadScope } from "@/server/services/scope/staff-scope";

/** Badge cap: the urgent count reads at most this many index entries, whatever the table size. */
export const URGENT_CAP = 1000;

/** Open tickets in an "urgent" priority (issue 15.1), counted up to URGENT_CAP (the badge shows "999+"). */
async function urgentOpen() {
  const { rows } = await readPool().query<{ n: string }>(
    `SELECT count(*) AS n FROM (
       SELECT 1 FROM tickets t
        WHERE t.priority_id IN (SELECT id FROM priorities WHERE is_urgent)
          AND t.status_id IN (SELECT id FROM statuses WHERE NOT is_closed)
        LIMIT ${URGENT_CAP}) x`,
  );
  return Number(rows[0]?.n ?? 0);
}

type Row = { status_id: number; is_closed: boolean; n: string; mine: string; unassigned: string };

export async function queueCounts(actor: Actor) {
  if (!isStaff(actor)) throw forbidden("STAFF_ONLY");
  const scope = await loadScope(actor);
  const { rows } = scope.all
    ? await readPool().query<Row>(
        `SELECT c.status_id, s.is_closed, sum(c.n) AS n,
                sum(c.n) FILTER (WHERE c.assignee_id = $1) AS mine,
                sum(c.n) FILTER (WHERE c.assignee_id = 0) AS unassigned
           FROM ticket_counters c JOIN statuses s ON s.id = c.status_id
          GROUP BY c.status_id, s.is_closed`,
        [actor.userId],
      )
    : await scopedRows(actor.userId, scope.categoryIds);
  const byStatus: Record<number, number> = {};
  let open = 0, all = 0, mine = 0, unassigned = 0;
  for (const r of rows) {
    const n = Number(r.n);
    if (n === 0) continue;
    byStatus[r.status_id] = n;
    all += n;
    if (!r.is_closed) {
      open += n;
      mine += Number(r.mine ?? 0);
      unassigned += Number(r.unassigned ?? 0);
    }
  }
  return { byStatus, open, all, mine, unassigned, urgent: await urgentOpen() };
}

/**
 * Per status within the categories; "mine" counts the agent's assigned tickets in those
 * categories with one indexed read of (assignee_id, status_id), not the whole table.
 */
function scopedRows(userId: number, categoryIds: number[]) {
  return readPool().query<Row>(
    `SELECT s.id AS status_id, s.is_closed, coalesce(c.n, 0) AS n, coalesce(m.n, 0) AS mine, coalesce(c.unassigned, 0) AS unassigned
       FROM statuses s
       LEFT JOIN (SELECT status_id, sum(n) AS n, sum(n) FILTER (WHERE unassigned) AS unassigned
                    FROM ticket_category_counters WHERE category_id = ANY($2::int[]) GROUP BY status_id) c ON c.status_id = s.id
       LEFT JOIN (SELECT status_id, count(*) AS n FROM tickets
                   WHERE assignee_id = $1 AND category_id = ANY($2::int[]) GROUP BY status_id) m ON m.status_id = s.id`,
    [userId, categoryIds],
  );
}
