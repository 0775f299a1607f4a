// The staff queue, the hottest read of the app: one SQL statement with keyset pagination on
// (last_activity_at, id) — never OFFSET — and PostgreSQL full-text search over the ticket's
// title, body and messages through its GIN-indexed search_vector. Sent through the plain pg
// pool: this read is measured against the raw floor (bench/).
import { Prisma } from "@/server/generated/prisma/client";
import { preparedName } from "@/server/db/pg-pool";
import { readPool } from "@/server/db/replica";
import type { Actor } from "@/server/domain/actor";
import { isStaff } from "@/server/domain/actor";
import { forbidden } from "@/server/domain/errors";
import { scopeSql } from "@/server/db/scope-sql";
import { loadScope } from "@/server/services/scope/staff-scope";
import { ticketSummary } from "./ticket-dto";
import { decodeCursor, encodeCursor } from "./list-my-tickets";

export type QueueFilter = {
  cursor?: string | null;
  limit: number;
  statusId?: number;
  open?: boolean;
  categoryId?: number;
  assignee?: "me" | "unassigned" | "any" | number;
  /** requester e-mail (exact, case-insensitive) or a part of it */
  requester?: string;
  search?: string;
  /** created on or after / before this instant */
  from?: Date;
  to?: Date;
};

type QueueRow = {
  id: number; title: string; source: string; created_at: Date; last_activity_at: Date; rating: number | null;
  status_id: number; status_ru: string; status_en: string; status_color: string; status_closed: boolean;
  category_id: number; category_ru: string; category_en: string;
  requester_id: number; requester_name: string; requester_email: string;
  assignee_id: number | null; assignee_name: string | null; assignee_email: string | null;
};

/** The WHERE conditions of a queue filter, shared by the list and the counts. */
export function queueConditions(actor: Extract<Actor, { kind: "user" }>, f: Omit<QueueFilter, "cursor" | "limit">): Prisma.Sql[] {
  const w: Prisma.Sql[] = [];
  if (f.statusId) w.push(Prisma.sql`t.status_id = ${f.statusId}`);
  else if (f.open) w.push(Prisma.sql`t.status_id IN (SELECT id FROM statuses WHERE NOT is_closed)`);
  if (f.categoryId) w.push(Prisma.sql`t.category_id = ${f.categoryId}`);
  if (f.assignee === "me") w.push(Prisma.sql`t.assignee_id = ${actor.userId}`);
  else if (f.assignee === "unassigned") w.push(Prisma.sql`t.assignee_id IS NULL`);
  else if (typeof f.assignee === "number") w.push(Prisma.sql`t.assignee_id = ${f.assignee}`);
  const requester = f.requester?.trim().toLowerCase();
  if (requester) {
    w.push(
      requester.includes("@")
        ? Prisma.sql`t.requester_id IN (SELECT id FROM users WHERE email = ${requester})`
        : Prisma.sql`t.requester_id IN (SELECT id FROM users WHERE email LIKE ${`%${requester.replace(/[\\%_]/g, "\\$&")}%`})`,
    );
  }
  if (f.from) w.push(Prisma.sql`t.created_at >= ${f.from}`);
  if (f.to) w.push(Prisma.sql`t.created_at < ${f.to}`);
  const q = f.search?.trim();
  if (q) {
    const byNumber = /^#?\d{1,9}$/.test(q) ? Prisma.sql` OR t.id = ${Number(q.replace("#", ""))}` : Prisma.empty;
    // tickets.search_vector also holds every message's words (migration 0002), so one GIN
    // lookup covers title, body and replies
    w.push(Prisma.sql`(t.search_vector @@ websearch_to_tsquery('russian', ${q})${byNumber})`);
  }
  return w;
}

export async function listQueue(actor: Actor, f: QueueFilter) {
  if (!isStaff(actor)) throw forbidden("STAFF_ONLY");
  const c = decodeCursor(f.cursor);
  const w = queueConditions(actor, f);
  const scoped = scopeSql(await loadScope(actor));
  if (scoped) w.push(scoped);
  if (c) w.push(Prisma.sql`(t.last_activity_at, t.id) < (${c.at}, ${c.id})`);
  const where = w.length ? Prisma.sql`WHERE ${Prisma.join(w, " AND ")}` : Prisma.empty;
  const sql = Prisma.sql`
    SELECT t.id, t.title, t.source::text AS source, t.created_at, t.last_activity_at, t.rating,
           s.id AS status_id, s.name_ru AS status_ru, s.name_en AS status_en, s.color AS status_color, s.is_closed AS status_closed,
           c.id AS category_id, c.name_ru AS category_ru, c.name_en AS category_en,
           r.id AS requester_id, r.name AS requester_name, r.email AS requester_email,
           a.id AS assignee_id, a.name AS assignee_name, a.email AS assignee_email
    FROM (SELECT t.* FROM tickets t ${where} ORDER BY t.last_activity_at DESC, t.id DESC LIMIT ${f.limit + 1}) t
    JOIN statuses s ON s.id = t.status_id
    JOIN categories c ON c.id = t.category_id
    JOIN users r ON r.id = t.requester_id
    LEFT JOIN users a ON a.id = t.assignee_id
    ORDER BY t.last_activity_at DESC, t.id DESC`;
  // prepared per connection, except with a search term: its plan depends on how common the
  // term is (GIN lookup for a rare word, the ordered index for a common one), which a generic
  // plan cannot know
  const { rows } = await readPool().query<QueueRow>({ name: f.search?.trim() ? undefined : preparedName("queue", sql.text), text: sql.text, values: sql.values as unknown[] });
  const more = rows.length > f.limit;
  const page = rows.slice(0, f.limit);
  const last = page[page.length - 1];
  return { items: page.map(toSummary), nextCursor: more && last ? encodeCursor({ at: last.last_activity_at, id: last.id }) : null };
}

function toSummary(r: QueueRow) {
  return ticketSummary({
    id: r.id, title: r.title, source: r.source, createdAt: r.created_at, lastActivityAt: r.last_activity_at, rating: r.rating,
    status: { id: r.status_id, nameRu: r.status_ru, nameEn: r.status_en, color: r.status_color, isClosed: r.status_closed },
    category: { id: r.category_id, nameRu: r.category_ru, nameEn: r.category_en },
    requester: { id: r.requester_id, name: r.requester_name, email: r.requester_email },
    assignee: r.assignee_id ? { id: r.assignee_id, name: r.assignee_name ?? "", email: r.assignee_email ?? "" } : null,
  } as Parameters<typeof ticketSummary>[0]);
}
