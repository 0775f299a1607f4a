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
import { fieldFilterJson, type FieldType } from "@/server/domain/tickets/custom-fields";

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
  priorityId?: number;
  /** custom field filter (issue 15.3): `custom_fields @> {id: value}` through the GIN index */
  fieldId?: number;
  fieldValue?: string;
  /** "priority": most urgent first (priority sort_order descending), then newest activity */
  sort?: "activity" | "priority";
};

type QueueRow = {
  id: number; title: string; source: string; created_at: Date; last_activity_at: Date; rating: number | null;
  status_id: number; status_ru: string; status_en: string; status_color: string; status_closed: boolean;
  category_id: number; category_ru: string; category_en: string;
  priority_id: number; priority_ru: string; priority_en: string; priority_color: string; priority_rank: number; custom_fields: unknown;
  requester_id: number; requester_name: string; requester_email: string;
  assignee_id: number | null; assignee_name: string | null; assignee_email: string | null;
};

/** The WHERE conditions of a queue filter, shared by the list and the counts. */
export function queueConditions(actor: Extract<Actor, { kind: "user" }>, f: Omit<QueueFilter, "cursor" | "limit">): Prisma.Sql[] {
  const w: Prisma.Sql[] = [];
  if (f.statusId) w.push(Prisma.sql`t.status_id = ${f.statusId}`);
  else if (f.open) w.push(Prisma.sql`t.status_id IN (SELECT id FROM statuses WHERE NOT is_closed)`);
  // a parent's filter covers its children (categoryFilterIds, one level)
  if (f.categoryId) w.push(Prisma.sql`t.category_id IN (SELECT id FROM categories WHERE id = ${f.categoryId} OR parent_id = ${f.categoryId})`);
  if (f.priorityId) w.push(Prisma.sql`t.priority_id = ${f.priorityId}`);
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
  const byPriority = f.sort === "priority";
  const c = decodeCursor(f.cursor);
  const w = queueConditions(actor, f);
  const field = await fieldCondition(f);
  if (field === "none") return { items: [], nextCursor: null };
  if (field) w.push(field);
  const scoped = scopeSql(await loadScope(actor));
  if (scoped) w.push(scoped);
  if (c && byPriority) w.push(Prisma.sql`(p.sort_order, t.last_activity_at, t.id) < (${c.rank ?? 0}, ${c.at}, ${c.id})`);
  else if (c) w.push(Prisma.sql`(t.last_activity_at, t.id) < (${c.at}, ${c.id})`);
  const where = w.length ? Prisma.sql`WHERE ${Prisma.join(w, " AND ")}` : Prisma.empty;
  const order = byPriority ? Prisma.sql`p.sort_order DESC, t.last_activity_at DESC, t.id DESC` : Prisma.sql`t.last_activity_at DESC, t.id DESC`;
  // the priority join sits inside the page's subquery only when the sort or cursor needs it
  const inner = byPriority ? Prisma.sql`JOIN priorities p ON p.id = t.priority_id` : Prisma.empty;
  const sql = Prisma.sql`
    SELECT t.id, t.title, t.source::text AS source, t.created_at, t.last_activity_at, t.rating, t.custom_fields,
           s.id AS status_id, s.name_ru AS status_ru, s.name_en AS status_en, s.color AS status_color, s.is_closed AS status_closed,
           c.id AS category_id, c.name_ru AS category_ru, c.name_en AS category_en,
           p.id AS priority_id, p.name_ru AS priority_ru, p.name_en AS priority_en, p.color AS priority_color, p.sort_order AS priority_rank,
           r.id AS requester_id, r.name AS requester_name, r.email AS requester_email,
           a.id AS assignee_id, a.name AS assignee_name, a.email AS assignee_email
    FROM (SELECT t.* FROM tickets t ${inner} ${where} ORDER BY ${order} LIMIT ${f.limit + 1}) t
    JOIN statuses s ON s.id = t.status_id
    JOIN categories c ON c.id = t.category_id
    JOIN priorities p ON p.id = t.priority_id
    JOIN users r ON r.id = t.requester_id
    LEFT JOIN users a ON a.id = t.assignee_id
    ORDER BY ${order}`;
  // prepared per connection, except with a search term, a priority or a field value: the plan
  // depends on how common the value is (GIN / priority index for a rare one, the ordered
  // activity index for a common one), which a generic plan cannot know (bench: the prepared
  // field filter was ~10x the floor)
  const skewed = Boolean(f.search?.trim() || f.priorityId || field);
  const { rows } = await readPool().query<QueueRow>({ name: skewed ? undefined : preparedName("queue", sql.text), text: sql.text, values: sql.values as unknown[] });
  const more = rows.length > f.limit;
  const page = rows.slice(0, f.limit);
  const last = page[page.length - 1];
  const next = more && last ? encodeCursor({ at: last.last_activity_at, id: last.id, ...(byPriority ? { rank: last.priority_rank } : {}) }) : null;
  return { items: page.map(toSummary), nextCursor: next };
}

/** The custom-field condition, null without one, "none" when the value cannot match (wrong type). */
async function fieldCondition(f: QueueFilter): Promise<Prisma.Sql | null | "none"> {
  if (!f.fieldId || f.fieldValue === undefined) return null;
  // one indexed row through the plain pool (this is the queue's hot path, not Prisma's)
  const { rows } = await readPool().query<{ id: number; type: FieldType }>({ name: "queue-field-def", text: "SELECT id, type FROM custom_fields WHERE id = $1", values: [f.fieldId] });
  const def = rows[0];
  const json = def ? fieldFilterJson(def, f.fieldValue) : null;
  return json ? Prisma.sql`t.custom_fields @> ${json}::jsonb` : "none";
}

function toSummary(r: QueueRow) {
  return ticketSummary({
    id: r.id, title: r.title, source: r.source, createdAt: r.created_at, lastActivityAt: r.last_activity_at, rating: r.rating,
    status: { id: r.status_id, nameRu: r.status_ru, nameEn: r.status_en, color: r.status_color, isClosed: r.status_closed },
    category: { id: r.category_id, nameRu: r.category_ru, nameEn: r.category_en },
    priority: { id: r.priority_id, nameRu: r.priority_ru, nameEn: r.priority_en, color: r.priority_color },
    customFields: r.custom_fields ?? {},
    requester: { id: r.requester_id, name: r.requester_name, email: r.requester_email },
    assignee: r.assignee_id ? { id: r.assignee_id, name: r.assignee_name ?? "", email: r.assignee_email ?? "" } : null,
  } as Parameters<typeof ticketSummary>[0]);
}
