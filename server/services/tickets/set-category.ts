// ticket.setCategory: move a ticket to another (active) category.
import { db, type Tx } from "@/server/db/client";
import type { Actor } from "@/server/domain/actor";
import { recordEvent } from "@/server/services/audit";
import { activeCategory } from "./lookups";
import { assertStaff, lockTicket } from "./staff-write";

export async function setCategory(actor: Actor, input: { ticketId: number; version?: number; categoryId: number }) {
  assertStaff(actor);
  return db().$transaction(async (tx) => {
    const t = await lockTicket(tx, input.ticketId, input.version, actor);
    await activeCategory(tx, input.categoryId);
    return applyCategory(tx, actor, t, input.categoryId);
  });
}

export async function applyCategory(tx: Tx, actor: Actor, t: { id: number; categoryId: number; version: number }, categoryId: number) {
  if (t.categoryId === categoryId) return { id: t.id, version: t.version };
  const u = await tx.ticket.update({ where: { id: t.id }, data: { categoryId, version: { increment: 1 } }, select: { version: true } });
  await recordEvent(tx, { ticketId: t.id, actor, type: "ticket.category", data: { from: t.categoryId, to: categoryId } });
  return { id: t.id, version: u.version };
}
