// ticket.setPriority: staff change a ticket's priority (issue 15.1); the history keeps from/to.
import { db, type Tx } from "@/server/db/client";
import type { Actor } from "@/server/domain/actor";
import { recordEvent } from "@/server/platform/audit";
import { priorityById } from "./lookups";
import { assertStaff, lockTicket } from "./staff-write";

export async function setPriority(actor: Actor, input: { ticketId: number; version?: number; priorityId: number }) {
  assertStaff(actor);
  return db().$transaction(async (tx) => {
    const t = await lockTicket(tx, input.ticketId, input.version, actor);
    await priorityById(tx, input.priorityId);
    return applyPriority(tx, actor, t, input.priorityId);
  });
}

export async function applyPriority(tx: Tx, actor: Actor, t: { id: number; priorityId: number; version: number }, priorityId: number) {
  if (t.priorityId === priorityId) return { id: t.id, version: t.version };
  const u = await tx.ticket.update({ where: { id: t.id }, data: { priorityId, version: { increment: 1 } }, select: { version: true } });
  await recordEvent(tx, { ticketId: t.id, actor, type: "ticket.priority", data: { from: t.priorityId, to: priorityId } });
  return { id: t.id, version: u.version };
}
