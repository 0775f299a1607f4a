// Small shared reads used by several ticket use-cases.
import type { Db, Tx } from "@/server/db/client";
import { badRequest } from "@/server/domain/errors";
import { categoryRejection } from "@/server/domain/tickets/ticket-fields";

export async function defaultStatus(tx: Db | Tx) {
  const s = (await tx.status.findFirst({ where: { isDefault: true } })) ?? (await tx.status.findFirst({ where: { isClosed: false }, orderBy: { sortOrder: "asc" } }));
  if (!s) throw new Error("No statuses configured");
  return s;
}

/** A category a ticket may be filed under (categoryRejection: active, parent active, not a "no tickets" parent). */
export async function activeCategory(tx: Db | Tx, id: number) {
  const c = await tx.category.findUnique({ where: { id } });
  if (!c) throw badRequest("UNKNOWN_CATEGORY");
  const family = await tx.category.findMany({ where: { OR: [{ id: c.parentId ?? -1 }, { parentId: c.id }, { id: c.id }] }, select: { id: true, parentId: true, noTickets: true, archivedAt: true } });
  const facts = family.map((x) => ({ id: x.id, parentId: x.parentId, noTickets: x.noTickets, archived: x.archivedAt !== null }));
  const why = categoryRejection(facts.find((x) => x.id === id), facts);
  if (why) throw badRequest(why);
  return c;
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
