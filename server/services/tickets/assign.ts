// ticket.assign: give a ticket to an active agent/admin (or nobody).
import { db, type Tx } from "@/server/db/client";
import type { Actor } from "@/server/domain/actor";
import { badRequest } from "@/server/domain/errors";
import { recordEvent } from "@/server/platform/audit";
import { assertStaff, lockTicket } from "./staff-write";
import { notify } from "@/server/mail/outbound/notify";

export async function assertAssignable(tx: Tx, assigneeId: number | null) {
  if (assigneeId === null) return;
  const u = await tx.user.findUnique({ where: { id: assigneeId }, select: { role: true, isActive: true } });
  if (!u || u.role === "CUSTOMER" || !u.isActive) throw badRequest("UNKNOWN_ASSIGNEE");
}

export async function assignTicket(actor: Actor, input: { ticketId: number; version?: number; assigneeId: number | null }) {
  assertStaff(actor);
  return db().$transaction(async (tx) => {
    const t = await lockTicket(tx, input.ticketId, input.version, actor);
    await assertAssignable(tx, input.assigneeId);
    return applyAssignee(tx, actor, t, input.assigneeId);
  });
}

export async function applyAssignee(tx: Tx, actor: Actor, t: { id: number; assigneeId: number | null; version: number }, assigneeId: number | null) {
  if (t.assigneeId === assigneeId) return { id: t.id, version: t.version };
  const u = await tx.ticket.update({ where: { id: t.id }, data: { assigneeId, version: { increment: 1 } }, select: { version: true } });
  await recordEvent(tx, { ticketId: t.id, actor, type: "ticket.assigned", data: { from: t.assigneeId, to: assigneeId } });
  // the new assignee hears of it per their preference (not when they took it themselves)
  if (assigneeId !== null) await notify(tx, { type: "ticket.assigned", ticketId: t.id, actor });
  return { id: t.id, version: u.version };
}
