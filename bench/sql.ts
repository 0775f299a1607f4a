// The floor's side of each measure, on `pg`. The reads send the app's own statements, imported
// from server/db/sql/ (queue, counts, ticket page) and server/services/kb/search-sql.ts, so the
// floor runs exactly what the app runs with nothing to keep in step. The write transactions
// below are the floor's own: the app writes the same rows through its services (deciders,
// templates, Prisma), and what that costs on top is the ratio the bench reports.
import type pg from "pg";
import { TICKET_SQL, THREAD_SQL, ATTACHMENTS_SQL, PARTICIPANTS_SQL } from "@/server/db/sql/ticket-page";
import { queueConditions, queuePageSql, fieldContains } from "@/server/db/sql/queue";
import { COUNTS_SQL, SCOPED_COUNTS_SQL, SCOPED_URGENT_OPEN_SQL, URGENT_OPEN_SQL } from "@/server/db/sql/counts";
import { runKbSearch } from "@/server/services/kb/search-sql";
import { searchKey } from "@/server/domain/kb/slug";
import { scopeSql } from "@/server/db/scope-sql";
import { IN_APP_EXCERPT, NOTIFICATIONS_INSERT_SQL, NOTIFICATIONS_TRIM_SQL } from "@/server/platform/notifications";
import { notificationRecipients, type TicketEvent } from "@/server/domain/notifications/recipients";
import { readPrefs } from "@/server/domain/notifications/prefs";
import { excerpt } from "@/server/domain/notifications/excerpt";
import { STAFF_ROLES, type Role } from "@/server/domain/actor";

export type QueueParams = {
  statusId?: number; categoryId?: number; search?: string; cursor?: { at: Date; id: number } | null; limit: number;
  /** issue 15: priority filter and one custom-field containment filter (JSON text) */
  priorityId?: number; fieldJson?: string;
  /** issue 16: a scoped agent's categories (the clause of server/db/scope-sql.ts) */
  scopeIds?: number[];
};

/** list-queue.ts's statement for the given filter (an unscoped agent, the activity order). */
export function queueSql(p: QueueParams): { text: string; values: unknown[] } {
  const w = queueConditions(0, { statusId: p.statusId, categoryId: p.categoryId, priorityId: p.priorityId, search: p.search });
  if (p.fieldJson) w.push(fieldContains(p.fieldJson));
  // the app's own scope clause (server/db/scope-sql.ts)
  if (p.scopeIds) w.push(scopeSql({ all: false, categoryIds: p.scopeIds })!);
  const sql = queuePageSql(w, { byPriority: false, cursor: p.cursor ?? null, limit: p.limit });
  return { text: sql.text, values: sql.values as unknown[] };
}

/** queue-counts.ts: the badges from the counter tables, then the capped urgent count. */
export async function countsSql(db: pg.Pool, userId: number) {
  const { rows } = await db.query(COUNTS_SQL, [userId]);
  const urgent = await db.query(URGENT_OPEN_SQL);
  return { rows, urgent: urgent.rows[0] };
}

/** queue-counts.ts for a scoped agent: the per-category counters of their categories, and their urgent badge. */
export async function scopedCountsSql(db: pg.Pool, userId: number, categoryIds: number[]) {
  const { rows } = await db.query(SCOPED_COUNTS_SQL, [userId, categoryIds]);
  const urgent = await db.query(SCOPED_URGENT_OPEN_SQL, [categoryIds]);
  return { rows, urgent: urgent.rows[0] };
}

/** get-ticket.ts: the settings row of the group, then the four statements of ticket-page.ts side by side. */
export async function ticketSql(db: pg.Pool, id: number) {
  const settings = await db.query(`SELECT key, value FROM settings WHERE key LIKE $1`, ["tickets.%"]);
  const [t, msgs, atts, cc] = await Promise.all([db.query(TICKET_SQL, [id]), db.query(THREAD_SQL, [id]), db.query(ATTACHMENTS_SQL, [id]), db.query(PARTICIPANTS_SQL, [id])]);
  return { ticket: t.rows[0] ?? null, messages: msgs.rows, attachments: atts.rows, participants: cc.rows, settings: settings.rows };
}

type StaffFacts = { id: number; role: Role; away: boolean; prefs: ReturnType<typeof readPrefs>; teamIds: number[] };
// The staff and the category links, read once (as the app's ingest reads them once per run):
// who gets an in-app row is the app's own decider, so both sides write the same rows.
let staffFacts: Promise<{ staff: StaffFacts[]; links: Array<{ teamId: number; categoryId: number }> }> | null = null;

async function inAppRows(c: pg.PoolClient, event: TicketEvent, ticket: { categoryId: number; assigneeId: number | null }, actorId: number | null) {
  staffFacts ??= (async () => {
    const staff = (await c.query<{ id: number; role: Role; away: boolean; notify_prefs: unknown; team_ids: number[] }>(
      `SELECT u.id, u.role, u.away, u.notify_prefs, coalesce(array_agg(m.team_id) FILTER (WHERE m.team_id IS NOT NULL), '{}') AS team_ids
         FROM users u LEFT JOIN team_members m ON m.user_id = u.id
        WHERE u.is_active AND u.role = ANY($1::"Role"[]) GROUP BY u.id ORDER BY u.id LIMIT 500`, [[...STAFF_ROLES]])).rows;
    const links = (await c.query<{ teamId: number; categoryId: number }>(`SELECT team_id AS "teamId", category_id AS "categoryId" FROM team_categories`)).rows;
    return { staff: staff.map((s) => ({ id: s.id, role: s.role, away: s.away, prefs: readPrefs(s.notify_prefs), teamIds: s.team_ids })), links };
  })();
  const f = await staffFacts;
  const links = f.links.filter((l) => l.categoryId === ticket.categoryId);
  return notificationRecipients({ event, ticket, actorId, staff: f.staff, categoryLinks: links }).filter((r) => r.app);
}

/** platform/notifications.ts's statements: the rows, and on one event in TRIM_EVERY the trim. */
async function notificationsSql(c: pg.PoolClient, ticketId: number, actorId: number | null, text: string, rows: Array<{ userId: number; event: string }>) {
  if (rows.length === 0) return;
  const users = rows.map((r) => r.userId);
  const r = await c.query<{ trim: boolean }>(NOTIFICATIONS_INSERT_SQL, [users, ticketId, actorId, excerpt(text, IN_APP_EXCERPT - 2), rows.map((x) => x.event)]);
  if (r.rows[0]!.trim) await c.query(NOTIFICATIONS_TRIM_SQL, [users]);
}

/** create-ticket.ts's transaction: the ticket, its history entry, the acknowledgement and the staff notifications in the outbox and the bell. */
export async function createSql(c: pg.PoolClient, p: { title: string; body: string; categoryId: number; requesterId: number }) {
  await c.query("BEGIN");
  try {
    const st = await c.query<{ id: number }>(`SELECT id FROM statuses WHERE is_default LIMIT 1`);
    const t = await c.query<{ id: number }>(
      `INSERT INTO tickets (title, body, body_html, category_id, status_id, requester_id, source, locale, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'API', 'ru', now()) RETURNING id`,
      [p.title, p.body, `<p>${p.body}</p>`, p.categoryId, st.rows[0]!.id, p.requesterId],
    );
    const id = t.rows[0]!.id;
    await c.query(`INSERT INTO audit_events (ticket_id, actor_id, type, data) VALUES ($1, $2, 'ticket.created', '{}')`, [id, p.requesterId]);
    await c.query(
      `INSERT INTO outbox_mails (ticket_id, template, locale, to_email, subject, text, html, message_id_header)
       SELECT $1::int, 'ticket.created', 'ru', u.email, $2, $3, $3, '<' || $1::text || '.ack@bench.test>' FROM users u WHERE u.id = $4`,
      [id, p.title, p.body, p.requesterId],
    );
    await c.query(
      `INSERT INTO outbox_mails (ticket_id, template, locale, to_email, subject, text, html, message_id_header)
       SELECT $1::int, 'staff.new-ticket', u.locale, u.email, $2, $3, $3, '<' || $1::text || '.' || u.id || '@bench.test>'
       FROM users u WHERE u.role IN ('AGENT', 'ADMIN') AND u.is_active`,
      [id, p.title, p.body],
    );
    await notificationsSql(c, id, null, p.body, await inAppRows(c, { type: "ticket.created" }, { categoryId: p.categoryId, assigneeId: null }, null));
    await c.query("COMMIT");
    return id;
  } catch (e) {
    await c.query("ROLLBACK");
    throw e;
  }
}

/** reply-to-ticket.ts's transaction (staff reply): lock, message, ticket update, history, the customer's mail, the other agents' bell. */
export async function replySql(c: pg.PoolClient, p: { ticketId: number; authorId: number; body: string }) {
  await c.query("BEGIN");
  try {
    await c.query(`SELECT id FROM tickets WHERE id = $1 FOR UPDATE`, [p.ticketId]);
    const t = await c.query<{ requester_id: number; title: string; category_id: number; assignee_id: number | null }>(`SELECT requester_id, title, category_id, assignee_id FROM tickets WHERE id = $1`, [p.ticketId]);
    const m = await c.query<{ id: number }>(
      `INSERT INTO messages (ticket_id, author_id, body_text, body_html, source) VALUES ($1, $2, $3, $4, 'API') RETURNING id`,
      [p.ticketId, p.authorId, p.body, `<p>${p.body}</p>`],
    );
    await c.query(`UPDATE tickets SET last_activity_at = now(), version = version + 1, first_response_at = coalesce(first_response_at, now()), updated_at = now() WHERE id = $1`, [p.ticketId]);
    await c.query(`INSERT INTO audit_events (ticket_id, actor_id, type, data) VALUES ($1, $2, 'ticket.replied', $3)`, [p.ticketId, p.authorId, { messageId: m.rows[0]!.id }]);
    await c.query(
      `INSERT INTO outbox_mails (ticket_id, template, locale, to_email, subject, text, html, message_id_header)
       SELECT $1::int, 'reply.staff', u.locale, u.email, $2, $3, $3, '<' || $4::text || '.reply@bench.test>' FROM users u WHERE u.id = $5`,
      [p.ticketId, t.rows[0]!.title, p.body, m.rows[0]!.id, t.rows[0]!.requester_id],
    );
    const tk = { categoryId: t.rows[0]!.category_id, assigneeId: t.rows[0]!.assignee_id };
    await notificationsSql(c, p.ticketId, p.authorId, p.body, await inAppRows(c, { type: "reply.staff" }, tk, p.authorId));
    await c.query("COMMIT");
    return m.rows[0]!.id;
  } catch (e) {
    await c.query("ROLLBACK");
    throw e;
  }
}

/** The KB search, the very statement and runner kb.search uses (server/services/kb/search-sql.ts). */
export async function kbSearchSql(db: pg.Pool, q: string) {
  return runKbSearch(db, { q, key: searchKey(q), lang: "ru", levels: ["PUBLIC"], drafts: false, limit: 10 });
}
