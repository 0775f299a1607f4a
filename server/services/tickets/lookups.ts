// Small shared reads used by several ticket use-cases.
import type { Db, Tx } from "@/server/db/client";
import { badRequest } from "@/server/domain/errors";
import { categoryRejection } from "@/server/domain/tickets/ticket-fields";

type DefaultStatus = { id: number; isClosed: boolean; nameRu: string; nameEn: string };

/** The status of a new ticket: the default one, else the first open one (one statement). */
export async function defaultStatus(tx: Db | Tx): Promise<DefaultStatus> {
  const [s] = await tx.$queryRawUnsafe<DefaultStatus[]>(
    `SELECT id, is_closed AS "isClosed", name_ru AS "nameRu", name_en AS "nameEn" FROM statuses WHERE is_default OR NOT is_closed ORDER BY is_default DESC, sort_order, id LIMIT 1`,
  );
  if (!s) throw new Error("No statuses configured");
  return s;
}

/** A category a ticket may be filed under (categoryRejection: active, parent active, not a "no tickets" parent). */
export type ActiveCategory = { id: number; parentId: number | null; defaultAssigneeId: number | null; assignmentRule: "NONE" | "ROUND_ROBIN" | "FEWEST_OPEN" };

/** One statement for the category and its family (issue 21: it runs in every ticket creation). */
export async function activeCategory(tx: Db | Tx, id: number): Promise<ActiveCategory> {
  const family = await tx.$queryRawUnsafe<Array<ActiveCategory & { noTickets: boolean; archived: boolean }>>(
    `WITH c AS (SELECT id, parent_id FROM categories WHERE id = $1::int)
     SELECT x.id, x.parent_id AS "parentId", x.default_assignee_id AS "defaultAssigneeId", x.assignment_rule::text AS "assignmentRule",
            x.no_tickets AS "noTickets", x.archived_at IS NOT NULL AS archived
       FROM categories x, c WHERE x.id = c.id OR x.id = c.parent_id OR x.parent_id = c.id`,
    id,
  );
  const c = family.find((x) => x.id === id);
  if (!c) throw badRequest("UNKNOWN_CATEGORY");
  const why = categoryRejection(c, family);
  if (why) throw badRequest(why);
  return { id: c.id, parentId: c.parentId, defaultAssigneeId: c.defaultAssigneeId, assignmentRule: c.assignmentRule };
}

export async function priorityById(tx: Db | Tx, id: number) {
  const p = await tx.priority.findUnique({ where: { id } });
  if (!p) throw badRequest("UNKNOWN_PRIORITY");
  return p;
}

export async function statusById(tx: Db | Tx, id: number) {
  const s = await tx.status.findUnique({ where: { id } });
  if (!s) throw badRequest("UNKNOWN_STATUS");
  return s;
}
