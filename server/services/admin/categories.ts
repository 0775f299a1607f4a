// Categories (admin): create, rename, order, archive, default assignee; one level of
// sub-categories and the "no tickets" flag of a parent (issue 15.2, rules in domain/tickets/ticket-fields).
import { db } from "@/server/db/client";
import { badRequest, notFound } from "@/server/domain/errors";
import { parentRejection } from "@/server/domain/tickets/ticket-fields";

export type CategoryInput = {
  nameRu: string; nameEn: string; sortOrder?: number; defaultAssigneeId?: number | null; parentId?: number | null; noTickets?: boolean;
  assignmentRule?: "NONE" | "ROUND_ROBIN" | "FEWEST_OPEN";
};

async function checkParent(id: number | null, parentId: number | null | undefined) {
  if (parentId == null) return;
  const all = await db().category.findMany({ select: { id: true, parentId: true, noTickets: true, archivedAt: true } });
  const why = parentRejection(id, parentId, all.map((c) => ({ id: c.id, parentId: c.parentId, noTickets: c.noTickets, archived: c.archivedAt !== null })));
  if (why) throw badRequest(why);
}

export async function listCategories(opts: { includeArchived: boolean }) {
  const rows = await db().category.findMany({
    where: opts.includeArchived ? {} : { archivedAt: null },
    orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
    include: { defaultAssignee: { select: { id: true, name: true } } },
  });
  return rows.map((c) => ({ id: c.id, name: { ru: c.nameRu, en: c.nameEn }, sortOrder: c.sortOrder, archived: c.archivedAt !== null, defaultAssignee: c.defaultAssignee, parentId: c.parentId, noTickets: c.noTickets, assignmentRule: c.assignmentRule }));
}

async function checkAssignee(id: number | null | undefined) {
  if (id == null) return;
  const u = await db().user.findUnique({ where: { id }, select: { role: true, isActive: true } });
  if (!u || u.role === "CUSTOMER" || !u.isActive) throw badRequest("UNKNOWN_ASSIGNEE");
}

export async function createCategory(input: CategoryInput) {
  await checkAssignee(input.defaultAssigneeId);
  await checkParent(null, input.parentId);
  const max = await db().category.aggregate({ _max: { sortOrder: true } });
  return db().category.create({ data: { ...input, sortOrder: input.sortOrder ?? (max._max.sortOrder ?? 0) + 10 } });
}

export async function updateCategory(input: CategoryInput & { id: number }) {
  await checkAssignee(input.defaultAssigneeId);
  await checkParent(input.id, input.parentId);
  const { id, ...data } = input;
  const r = await db().category.updateMany({ where: { id }, data });
  if (!r.count) throw notFound();
  return { id };
}

export async function setCategoryArchived(id: number, archived: boolean) {
  if (archived) {
    const active = await db().category.count({ where: { archivedAt: null, id: { not: id } } });
    if (active === 0) throw badRequest("LAST_CATEGORY");
  }
  const r = await db().category.updateMany({ where: { id }, data: { archivedAt: archived ? new Date() : null } });
  if (!r.count) throw notFound();
  return { id };
}

export async function reorderCategories(ids: number[]) {
  await db().$transaction(ids.map((id, i) => db().category.updateMany({ where: { id }, data: { sortOrder: (i + 1) * 10 } })));
  return { ok: true };
}
