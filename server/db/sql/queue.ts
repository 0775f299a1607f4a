// The staff queue's statement (ticket.list, the hottest read): the filter's conditions and the
// keyset page over (last_activity_at, id) — never OFFSET — with full-text search through the
// ticket's GIN-indexed search_vector. server/services/tickets/list-queue.ts adds the scope and
// the custom-field condition and sends it; bench/floor-server.ts sends the very same statement.
import { Prisma } from "@/server/generated/prisma/client";

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

export type QueueRow = {
  id: number; title: string; source: string; created_at: Date; last_activity_at: Date; rating: number | null; version: number;
  status_id: number; status_ru: string; status_en: string; status_color: string; status_closed: boolean;
  category_id: number; category_ru: string; category_en: string;
  priority_id: number; priority_ru: string; priority_en: string; priority_color: string; priority_rank: number; custom_fields: unknown;
  requester_id: number; requester_name: string; requester_email: string;
  assignee_id: number | null; assignee_name: string | null; assignee_email: string | null;
};

/** The WHERE conditions of a queue filter, shared by the list and the counts. */
export function queueConditions(userId: number, f: Omit<QueueFilter, "cursor" | "limit">): Prisma.Sql[] {
  const w: Prisma.Sql[] = [];
  if (f.statusId) w.push(Prisma.sql`t.status_id = ${f.statusId}`);
  else if (f.open) w.push(Prisma.sql`t.status_id IN (SELECT id FROM statuses WHERE NOT is_closed)`);
  // a parent's filter covers its children (categoryFilterIds, one level)
  if (f.categoryId) w.push(Prisma.sql`t.category_id IN (SELECT id FROM categories WHERE id = ${f.categoryId} OR parent_id = ${f.categoryId})`);
  if (f.priorityId) w.push(Prisma.sql`t.priority_id = ${f.priorityId}`);
  if (f.assignee === "me") w.push(Prisma.sql`t.assignee_id = ${userId}`);
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

export type QueueCursor = { at: Date; id: number; rank?: number };

/** The page: `w` conditions, newest activity first (or most urgent first), `limit + 1` rows to tell if more follow. */
export function queuePageSql(w: Prisma.Sql[], o: { byPriority: boolean; cursor: QueueCursor | null; limit: number }): Prisma.Sql {
  const c = o.cursor;
  const all = [...w];
  if (c && o.byPriority) all.push(Prisma.sql`(p.sort_order, t.last_activity_at, t.id) < (${c.rank ?? 0}, ${c.at}, ${c.id})`);
  else if (c) all.push(Prisma.sql`(t.last_activity_at, t.id) < (${c.at}, ${c.id})`);
  const where = all.length ? Prisma.sql`WHERE ${Prisma.join(all, " AND ")}` : Prisma.empty;
  const order = o.byPriority ? Prisma.sql`p.sort_order DESC, t.last_activity_at DESC, t.id DESC` : Prisma.sql`t.last_activity_at DESC, t.id DESC`;
  // the priority join sits inside the page's subquery only when the sort or cursor needs it
  const inner = o.byPriority ? Prisma.sql`JOIN priorities p ON p.id = t.priority_id` : Prisma.empty;
  return Prisma.sql`
    SELECT t.id, t.title, t.source::text AS source, t.created_at, t.last_activity_at, t.rating, t.custom_fields, t.version,
           s.id AS status_id, s.name_ru AS status_ru, s.name_en AS status_en, s.color AS status_color, s.is_closed AS status_closed,
           c.id AS category_id, c.name_ru AS category_ru, c.name_en AS category_en,
           p.id AS priority_id, p.name_ru AS priority_ru, p.name_en AS priority_en, p.color AS priority_color, p.sort_order AS priority_rank,
           r.id AS requester_id, r.name AS requester_name, r.email AS requester_email,
           a.id AS assignee_id, a.name AS assignee_name, a.email AS assignee_email
    FROM (SELECT t.* FROM tickets t ${inner} ${where} ORDER BY ${order} LIMIT ${o.limit + 1}) t
    JOIN statuses s ON s.id = t.status_id
    JOIN categories c ON c.id = t.category_id
    JOIN priorities p ON p.id = t.priority_id
    JOIN users r ON r.id = t.requester_id
    LEFT JOIN users a ON a.id = t.assignee_id
    ORDER BY ${order}`;
}

/** The custom-field definition the field condition needs (one indexed row). */
export const FIELD_DEF_SQL = "SELECT id, type FROM custom_fields WHERE id = $1";

/** The custom-field containment condition (GIN jsonb_path_ops), from fieldFilterJson's JSON. */
export const fieldContains = (json: string) => Prisma.sql`t.custom_fields @> ${json}::jsonb`;
