// ticket.setCategory: move a ticket to another (active) category. The new category's custom
// fields come with it: the move is refused with the field errors while one of its required
// fields stays empty; the values to fill them travel with the move (validateCategoryMove).
import { db, type Tx } from "@/server/db/client";
import type { Actor } from "@/server/domain/actor";
import type { FieldValues } from "@/server/domain/tickets/custom-fields";
import { recordEvent } from "@/server/platform/audit";
import { activeCategory } from "./lookups";
import { assertStaff, lockTicket } from "./staff-write";
import { validateCategoryMove, writeFieldValues } from "./ticket-field-values";

export async function setCategory(actor: Actor, input: { ticketId: number; version?: number; categoryId: number; customFields?: Record<string, unknown> }) {
  assertStaff(actor);
  return db().$transaction(async (tx) => {
    const t = await lockTicket(tx, input.ticketId, input.version, actor);
    const c = await activeCategory(tx, input.categoryId);
    if (t.categoryId === c.id) return { id: t.id, version: t.version };
    const fields = await validateCategoryMove(tx, actor, c, (t.customFields ?? {}) as FieldValues, input.customFields ?? {});
    const r = await applyCategory(tx, actor, t, input.categoryId);
    const f = await writeFieldValues(tx, actor, t, fields);
    return { id: t.id, version: f.version ?? r.version };
  });
}

export async function applyCategory(tx: Tx, actor: Actor, t: { id: number; categoryId: number; version: number }, categoryId: number) {
  if (t.categoryId === categoryId) return { id: t.id, version: t.version };
  const u = await tx.ticket.update({ where: { id: t.id }, data: { categoryId, version: { increment: 1 } }, select: { version: true } });
  await recordEvent(tx, { ticketId: t.id, actor, type: "ticket.category", data: { from: t.categoryId, to: categoryId } });
  return { id: t.id, version: u.version };
}
