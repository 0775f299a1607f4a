// The staff queue, the hottest read of the app: one SQL statement (server/db/sql/queue.ts, which
// the bench's floor sends too) with keyset pagination on (last_activity_at, id) and full-text
// search, narrowed to the agent's scope. Sent through the plain pg pool: this read is measured
// against the raw floor (bench/).
import type { Prisma } from "@/server/generated/prisma/client";
import { preparedName } from "@/server/db/pg-pool";
import { readPool } from "@/server/db/replica";
import type { Actor } from "@/server/domain/actor";
import { isStaff } from "@/server/domain/actor";
import { forbidden } from "@/server/domain/errors";
import { scopeSql } from "@/server/db/scope-sql";
import { FIELD_DEF_SQL, fieldContains, queueConditions, queuePageSql, type QueueFilter, type QueueRow } from "@/server/db/sql/queue";
import { loadScope } from "@/server/services/scope/staff-scope";
import { ticketSummary } from "./ticket-dto";
import { decodeCursor, encodeCursor } from "./list-my-tickets";
import { fieldFilterJson, type FieldType } from "@/server/domain/tickets/custom-fields";

export type { QueueFilter };

export async function listQueue(actor: Actor, f: QueueFilter) {
  if (!isStaff(actor)) throw forbidden("STAFF_ONLY");
  const byPriority = f.sort === "priority";
  const c = decodeCursor(f.cursor);
  const w = queueConditions(actor.userId, f);
  const field = await fieldCondition(f);
  if (field === "none") return { items: [], nextCursor: null };
  if (field) w.push(field);
  const scoped = scopeSql(await loadScope(actor));
  if (scoped) w.push(scoped);
  const sql = queuePageSql(w, { byPriority, cursor: c, limit: f.limit });
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
export async function fieldCondition(f: Pick<QueueFilter, "fieldId" | "fieldValue">): Promise<Prisma.Sql | null | "none"> {
  if (!f.fieldId || f.fieldValue === undefined) return null;
  // one indexed row through the plain pool (this is the queue's hot path, not Prisma's)
  const { rows } = await readPool().query<{ id: number; type: FieldType }>({ name: "queue-field-def", text: FIELD_DEF_SQL, values: [f.fieldId] });
  const def = rows[0];
  const json = def ? fieldFilterJson(def, f.fieldValue) : null;
  return json ? fieldContains(json) : "none";
}

function toSummary(r: QueueRow) {
  return ticketSummary({
    id: r.id, title: r.title, source: r.source, createdAt: r.created_at, lastActivityAt: r.last_activity_at, rating: r.rating, version: r.version,
    status: { id: r.status_id, nameRu: r.status_ru, nameEn: r.status_en, color: r.status_color, isClosed: r.status_closed },
    category: { id: r.category_id, nameRu: r.category_ru, nameEn: r.category_en },
    priority: { id: r.priority_id, nameRu: r.priority_ru, nameEn: r.priority_en, color: r.priority_color },
    customFields: r.custom_fields ?? {},
    requester: { id: r.requester_id, name: r.requester_name, email: r.requester_email },
    assignee: r.assignee_id ? { id: r.assignee_id, name: r.assignee_name ?? "", email: r.assignee_email ?? "" } : null,
  } as Parameters<typeof ticketSummary>[0]);
}
