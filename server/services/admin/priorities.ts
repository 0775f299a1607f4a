// Priorities (admin, issue 15.1): rename, colour, order, the default, the "urgent" badge flag.
// A priority in use is deleted only by moving its tickets to another one (history per ticket).
import { db } from "@/server/db/client";
import type { Actor } from "@/server/domain/actor";
import { badRequest, conflict, notFound } from "@/server/domain/errors";
import { recordEvent } from "@/server/platform/audit";

export type PriorityInput = { nameRu: string; nameEn: string; color: string; isUrgent: boolean };

export async function listPriorities() {
  const rows = await db().priority.findMany({ orderBy: [{ sortOrder: "asc" }, { id: "asc" }] });
  const counts = await db().ticket.groupBy({ by: ["priorityId"], _count: { _all: true } });
  const n = new Map(counts.map((c) => [c.priorityId, c._count._all]));
  return rows.map((p) => ({ id: p.id, key: p.key, name: { ru: p.nameRu, en: p.nameEn }, color: p.color, isDefault: p.isDefault, isUrgent: p.isUrgent, sortOrder: p.sortOrder, ticketCount: n.get(p.id) ?? 0 }));
}

export async function createPriority(input: PriorityInput) {
  const max = await db().priority.aggregate({ _max: { sortOrder: true } });
  return db().priority.create({ data: { ...input, sortOrder: (max._max.sortOrder ?? 0) + 10 } });
}

export async function updatePriority(input: PriorityInput & { id: number }) {
  const { id, ...data } = input;
  const r = await db().priority.updateMany({ where: { id }, data });
  if (!r.count) throw notFound();
  return { id };
}

/** `ids` from the least to the most urgent: the queue's priority sort follows this order. */
export async function reorderPriorities(ids: number[]) {
  await db().$transaction(ids.map((id, i) => db().priority.updateMany({ where: { id }, data: { sortOrder: (i + 1) * 10 } })));
  return { ok: true };
}

export async function setDefaultPriority(id: number) {
  return db().$transaction(async (tx) => {
    if (!(await tx.priority.findUnique({ where: { id } }))) throw notFound();
    await tx.priority.updateMany({ where: { isDefault: true }, data: { isDefault: false } });
    await tx.priority.update({ where: { id }, data: { isDefault: true } });
    return { id };
  });
}

/** Deletes a priority; its tickets (if any) move to `intoId`, each with a history entry. */
export async function deletePriority(actor: Actor, id: number, intoId: number | undefined) {
  if (id === intoId) throw badRequest("SAME_PRIORITY");
  return db().$transaction(async (tx) => {
    const p = await tx.priority.findUnique({ where: { id } });
    if (!p) throw notFound();
    if (p.isDefault) throw conflict("PRIORITY_IS_DEFAULT");
    const used = await tx.ticket.findFirst({ where: { priorityId: id }, select: { id: true } });
    if (used && intoId === undefined) throw conflict("PRIORITY_IN_USE");
    let moved: Array<{ id: number }> = [];
    if (used && intoId !== undefined) {
      if (!(await tx.priority.findUnique({ where: { id: intoId } }))) throw notFound();
      moved = await tx.$queryRaw<Array<{ id: number }>>`UPDATE tickets SET priority_id = ${intoId}, version = version + 1, updated_at = now() WHERE priority_id = ${id} RETURNING id`;
      const actorId = actor.kind === "user" ? actor.userId : null;
      await tx.auditEvent.createMany({ data: moved.map((t) => ({ ticketId: t.id, actorId, type: "ticket.priority", data: { from: id, to: intoId, merge: true } })) });
    }
    await tx.priority.delete({ where: { id } });
    await recordEvent(tx, { ticketId: null, actor, type: "settings.updated", data: { priorityDeleted: { id, into: intoId ?? null, tickets: moved.length } } });
    return { moved: moved.length };
  }, { timeout: 120_000 });
}
