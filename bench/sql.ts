// The SQL of the app's hot paths, written out for `pg` so the floor server runs exactly what
// the app runs (server/services/tickets/list-queue.ts, queue-counts.ts, get-ticket.ts and the
// write path of create-ticket.ts / reply-to-ticket.ts). When those files change their SQL,
// change it here too — bench/README.md says so.
import type pg from "pg";
import { TICKET_SQL, THREAD_SQL, ATTACHMENTS_SQL, PARTICIPANTS_SQL } from "@/server/services/tickets/ticket-thread-sql";
import { kbSearchQuery, KB_TRGM_THRESHOLD_SQL } from "@/server/services/kb/search-sql";
import { searchKey } from "@/server/domain/kb/slug";

export type QueueParams = {
  statusId?: number; categoryId?: number; search?: string; cursor?: { at: Date; id: number } | null; limit: number;
  /** issue 15: priority filter and one custom-field containment filter (JSON text) */
  priorityId?: number; fieldJson?: string;
};

const SELECT_LIST = `t.id, t.title, t.source::text AS source, t.created_at, t.last_activity_at, t.rating, t.custom_fields,
  s.id AS status_id, s.name_ru AS status_ru, s.name_en AS status_en, s.color AS status_color, s.is_closed AS status_closed,
  c.id AS category_id, c.name_ru AS category_ru, c.name_en AS category_en,
  p.id AS priority_id, p.name_ru AS priority_ru, p.name_en AS priority_en, p.color AS priority_color, p.sort_order AS priority_rank,
  r.id AS requester_id, r.name AS requester_name, r.email AS requester_email,
  a.id AS assignee_id, a.name AS assignee_name, a.email AS assignee_email`;

/** list-queue.ts's statement for the given filter (same shape, same parameters). */
export function queueSql(p: QueueParams): { text: string; values: unknown[] } {
  const values: unknown[] = [];
  const w: string[] = [];
  const v = (x: unknown) => {
    values.push(x);
    return `$${values.length}`;
  };
  if (p.statusId) w.push(`t.status_id = ${v(p.statusId)}`);
  if (p.categoryId) {
    const c = v(p.categoryId);
    w.push(`t.category_id IN (SELECT id FROM categories WHERE id = ${c} OR parent_id = ${c})`);
  }
  if (p.priorityId) w.push(`t.priority_id = ${v(p.priorityId)}`);
  const q = p.search?.trim();
  // the ticket's vector holds its messages' words too (migration 0002)
  if (q) w.push(`t.search_vector @@ websearch_to_tsquery('russian', ${v(q)})`);
  if (p.fieldJson) w.push(`t.custom_fields @> ${v(p.fieldJson)}::jsonb`);
  if (p.cursor) w.push(`(t.last_activity_at, t.id) < (${v(p.cursor.at)}, ${v(p.cursor.id)})`);
  const where = w.length ? `WHERE ${w.join(" AND ")}` : "";
  const text = `SELECT ${SELECT_LIST}
    FROM (SELECT t.* FROM tickets t ${where} ORDER BY t.last_activity_at DESC, t.id DESC LIMIT ${v(p.limit + 1)}) t
    JOIN statuses s ON s.id = t.status_id
    JOIN categories c ON c.id = t.category_id
    JOIN priorities p ON p.id = t.priority_id
    JOIN users r ON r.id = t.requester_id
    LEFT JOIN users a ON a.id = t.assignee_id
    ORDER BY t.last_activity_at DESC, t.id DESC`;
  return { text, values };
}

/** queue-counts.ts: the badges from migration 0002's ticket_counters, in one statement. */
export async function countsSql(db: pg.Pool, userId: number) {
  const { rows } = await db.query(
    `SELECT c.status_id, s.is_closed, sum(c.n) AS n,
            sum(c.n) FILTER (WHERE c.assignee_id = $1) AS mine,
            sum(c.n) FILTER (WHERE c.assignee_id = 0) AS unassigned
       FROM ticket_counters c JOIN statuses s ON s.id = c.status_id
      GROUP BY c.status_id, s.is_closed`,
    [userId],
  );
  // queue-counts.ts's capped count of open urgent tickets (issue 15.1)
  const urgent = await db.query(`SELECT count(*) AS n FROM (SELECT 1 FROM tickets t WHERE t.priority_id IN (SELECT id FROM priorities WHERE is_urgent)
    AND t.status_id IN (SELECT id FROM statuses WHERE NOT is_closed) LIMIT 1000) x`);
  return { rows, urgent: urgent.rows[0] };
}

/** get-ticket.ts: the settings row of the group, then the four statements of ticket-thread-sql.ts side by side. */
export async function ticketSql(db: pg.Pool, id: number) {
  const settings = await db.query(`SELECT key, value FROM settings WHERE key LIKE $1`, ["tickets.%"]);
  const [t, msgs, atts, cc] = await Promise.all([db.query(TICKET_SQL, [id]), db.query(THREAD_SQL, [id]), db.query(ATTACHMENTS_SQL, [id]), db.query(PARTICIPANTS_SQL, [id])]);
  return { ticket: t.rows[0] ?? null, messages: msgs.rows, attachments: atts.rows, participants: cc.rows, settings: settings.rows };
}

/** create-ticket.ts's transaction: the ticket, its history entry, the acknowledgement and the staff notifications in the outbox. */
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
    await c.query("COMMIT");
    return id;
  } catch (e) {
    await c.query("ROLLBACK");
    throw e;
  }
}

/** reply-to-ticket.ts's transaction (staff reply): lock, message, ticket update, history, the customer's mail. */
export async function replySql(c: pg.PoolClient, p: { ticketId: number; authorId: number; body: string }) {
  await c.query("BEGIN");
  try {
    await c.query(`SELECT id FROM tickets WHERE id = $1 FOR UPDATE`, [p.ticketId]);
    const t = await c.query<{ requester_id: number; title: string }>(`SELECT requester_id, title FROM tickets WHERE id = $1`, [p.ticketId]);
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
    await c.query("COMMIT");
    return m.rows[0]!.id;
  } catch (e) {
    await c.query("ROLLBACK");
    throw e;
  }
}

/** The KB search, the very statement kb.search runs (server/services/kb/search-sql.ts). */
export async function kbSearchSql(db: pg.Pool, q: string) {
  const c = await db.connect();
  try {
    await c.query("BEGIN");
    await c.query(KB_TRGM_THRESHOLD_SQL);
    const r = await c.query(kbSearchQuery({ q, key: searchKey(q), lang: "ru", levels: ["PUBLIC"], drafts: false, limit: 10 }));
    await c.query("COMMIT");
    return r.rows;
  } catch (e) {
    await c.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    c.release();
  }
}
