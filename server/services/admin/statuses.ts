// Statuses (admin): create, rename, colour, order, closed flag, the default; a status in use is
// never deleted — it is merged into another (its tickets move, with history).
import { db } from "@/server/db/client";
import type { Actor } from "@/server/domain/actor";
import { badRequest, conflict, notFound } from "@/server/domain/errors";
import { recordEvent } from "@/server/platform/audit";

export type StatusInput = { nameRu: string; nameEn: string; color: string; isClosed: boolean; sortOrder?: number };

export async function listStatuses() {
  const rows = await db().status.findMany({ orderBy: [{ sortOrder: "asc" }, { id: "asc" }] });
  const counts = await db().ticket.groupBy({ by: ["statusId"], _count: { _all: true } });
  const n = new Map(counts.map((c) => [c.statusId, c._count._all]));
  return rows.map((s) => ({ id: s.id, key: s.key, name: { ru: s.nameRu, en: s.nameEn }, color: s.color, isClosed: s.isClosed, isDefault: s.isDefault, sortOrder: s.sortOrder, ticketCount: n.get(s.id) ?? 0 }));
}

export async function createStatus(input: StatusInput) {
  const max = await db().status.aggregate({ _max: { sortOrder: true } });
  return db().status.create({ data: { ...input, sortOrder: input.sortOrder ?? (max._max.sortOrder ?? 0) + 10 } });
}

export async function updateStatus(input: StatusInput & { id: number }) {
  const s = await db().status.findUnique({ where: { id: input.id } });
  if (!s) throw notFound();
  if (s.isDefault && input.isClosed) throw badRequest("DEFAULT_STATUS_CLOSED");
  const { id, ...data } = input;
  return db().status.update({ where: { id }, data });
}

export async function reorderStatuses(ids: number[]) {
  await db().$transaction(ids.map((id, i) => db().status.updateMany({ where: { id }, data: { sortOrder: (i + 1) * 10 } })));
  return { ok: true };
}

export async function setDefaultStatus(id: number) {
  return db().$transaction(async (tx) => {
    const s = await tx.status.findUnique({ where: { id } });
    if (!s) throw notFound();
    if (s.isClosed) throw badRequest("DEFAULT_STATUS_CLOSED");
    await tx.status.updateMany({ where: { isDefault: true }, data: { isDefault: false } });
    await tx.status.update({ where: { id }, data: { isDefault: true } });
    return { id };
  });
}

export async function deleteStatus(id: number) {
  return db().$transaction(async (tx) => {
    const s = await tx.status.findUnique({ where: { id } });
    if (!s) throw notFound();
    if (s.isDefault) throw conflict("STATUS_IS_DEFAULT");
    if (await tx.ticket.findFirst({ where: { statusId: id }, select: { id: true } })) throw conflict("STATUS_IN_USE");
    await tx.status.delete({ where: { id } });
    return { id };
  });
}

/** Moves every ticket of `fromId` to `intoId` (history per ticket) and deletes `fromId`. */
export async function mergeStatus(actor: Actor, fromId: number, intoId: number) {
  if (fromId === intoId) throw badRequest("SAME_STATUS");
  return db().$transaction(async (tx) => {
    const [from, into] = await Promise.all([tx.status.findUnique({ where: { id: fromId } }), tx.status.findUnique({ where: { id: intoId } })]);
    if (!from || !into) throw notFound();
    const moved = await tx.$queryRaw<Array<{ id: number }>>`
      UPDATE tickets SET status_id = ${intoId}, version = version + 1, updated_at = now(),
        closed_at = CASE WHEN ${into.isClosed} THEN coalesce(closed_at, now()) ELSE NULL END
      WHERE status_id = ${fromId} RETURNING id`;
    if (moved.length) {
      await tx.auditEvent.createMany({
        data: moved.map((t) => ({ ticketId: t.id, actorId: actor.kind === "user" ? actor.userId : null, type: "ticket.status", data: { from: fromId, to: intoId, merge: true } })),
      });
    }
    if (from.isDefault) await tx.status.update({ where: { id: intoId }, data: { isDefault: true } });
    await tx.status.delete({ where: { id: fromId } });
    await recordEvent(tx, { ticketId: null, actor, type: "settings.updated", data: { statusMerged: { from: fromId, into: intoId, tickets: moved.length } } });
    return { moved: moved.length };
  }, { timeout: 120_000 });
}
