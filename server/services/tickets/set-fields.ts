// ticket.setFields: change custom field values of a ticket (issue 15.3). Staff may change every
// field (version-checked like other staff writes); the customer only fields not hidden from
// them and marked "customer may edit", and only while they may edit the ticket (canEditTicket).
import { db } from "@/server/db/client";
import type { Actor } from "@/server/domain/actor";
import { isStaff } from "@/server/domain/actor";
import { forbidden } from "@/server/domain/errors";
import { canEditTicket } from "@/server/domain/tickets/policies";
import { loadSettings } from "@/server/platform/settings/settings-store";
import { lockVisibleTicket } from "./lock-ticket";
import { lockTicket } from "./staff-write";
import { validateFieldValues, writeFieldValues } from "./ticket-field-values";

export async function setFields(actor: Actor, input: { ticketId: number; version?: number; values: Record<string, unknown> }) {
  const settings = await loadSettings("tickets");
  return db().$transaction(async (tx) => {
    let t;
    if (isStaff(actor)) t = await lockTicket(tx, input.ticketId, input.version, actor);
    else {
      const v = await lockVisibleTicket(tx, actor, input.ticketId, settings);
      const d = canEditTicket(actor, v.facts, settings);
      if (!d.ok) throw forbidden(d.reason);
      t = v.t;
    }
    const category = await tx.category.findUniqueOrThrow({ where: { id: t.categoryId }, select: { id: true, parentId: true } });
    const changes = await validateFieldValues(tx, actor, category, input.values, true);
    const r = await writeFieldValues(tx, actor, t, changes);
    return { id: t.id, version: r.version ?? t.version, changed: r.changed };
  });
}
