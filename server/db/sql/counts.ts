// ticket.counts' statements: badges per status from the counter tables kept by statement
// triggers (migrations 0002 and 0017), the capped count of open urgent tickets, and a scoped
// agent's per-category badges. Sent by server/services/tickets/queue-counts.ts and by the
// bench's floor (bench/floor-server.ts).

/** Badge cap: the urgent count reads at most this many index entries, whatever the table size. */
export const URGENT_CAP = 1000;

/** Open tickets in an "urgent" priority (issue 15.1), counted up to URGENT_CAP (the badge shows "999+"). */
export const URGENT_OPEN_SQL = `SELECT count(*) AS n FROM (
       SELECT 1 FROM tickets t
        WHERE t.priority_id IN (SELECT id FROM priorities WHERE is_urgent)
          AND t.status_id IN (SELECT id FROM statuses WHERE NOT is_closed)
        LIMIT ${URGENT_CAP}) x`;

/** URGENT_OPEN_SQL within a scoped agent's categories ($1): the badge never counts tickets they cannot open. The id
 * lists as arrays (InitPlans) let all three columns be index conditions of the (priority_id,
 * status_id, category_id) index: an index-only scan that stops at the cap (migration 0025). */
export const SCOPED_URGENT_OPEN_SQL = `SELECT count(*) AS n FROM (
       SELECT 1 FROM tickets t
        WHERE t.priority_id = ANY(ARRAY(SELECT id FROM priorities WHERE is_urgent))
          AND t.status_id = ANY(ARRAY(SELECT id FROM statuses WHERE NOT is_closed))
          AND t.category_id = ANY($1::int[])
        LIMIT ${URGENT_CAP}) x`;

/** Per status: all, the agent's ($1) and the unassigned tickets. */
export const COUNTS_SQL = `SELECT c.status_id, s.is_closed, sum(c.n) AS n,
                sum(c.n) FILTER (WHERE c.assignee_id = $1) AS mine,
                sum(c.n) FILTER (WHERE c.assignee_id = 0) AS unassigned
           FROM ticket_counters c JOIN statuses s ON s.id = c.status_id
          GROUP BY c.status_id, s.is_closed`;

/**
 * Per status within the categories ($2); "mine" counts the agent's ($1) assigned tickets in
 * those categories with one indexed read of (assignee_id, status_id), not the whole table.
 */
export const SCOPED_COUNTS_SQL = `SELECT s.id AS status_id, s.is_closed, coalesce(c.n, 0) AS n, coalesce(m.n, 0) AS mine, coalesce(c.unassigned, 0) AS unassigned
       FROM statuses s
       LEFT JOIN (SELECT status_id, sum(n) AS n, sum(n) FILTER (WHERE unassigned) AS unassigned
                    FROM ticket_category_counters WHERE category_id = ANY($2::int[]) GROUP BY status_id) c ON c.status_id = s.id
       LEFT JOIN (SELECT status_id, count(*) AS n FROM tickets
                   WHERE assignee_id = $1 AND category_id = ANY($2::int[]) GROUP BY status_id) m ON m.status_id = s.id`;

export type CountsRow = { status_id: number; is_closed: boolean; n: string; mine: string; unassigned: string };
