// ticket.byId: one ticket with its thread, if the actor may see it. A ticket the actor may
// not see answers NOT_FOUND (not FORBIDDEN), so ids of other people's tickets leak nothing.
import { db } from "@/server/db/client";
import type { Actor } from "@/server/domain/actor";
import { isStaff } from "@/server/domain/actor";
import { notFound } from "@/server/domain/errors";
import { canViewTicket } from "@/server/domain/tickets/policies";
import { loadSettings } from "@/server/platform/settings/settings-store";
import { assertTicketInScope } from "@/server/services/scope/staff-scope";
import { ticketDetail } from "./ticket-dto";
import { loadTicketThread } from "./ticket-thread-sql";
import { loadFieldDefs } from "./field-defs";

export async function getTicket(actor: Actor, id: number) {
  const settings = await loadSettings("tickets");
  const t = await loadTicketThread(id);
  if (!t || !canViewTicket(actor, { id: t.id, requesterId: t.requesterId, isClosed: t.status.isClosed }, settings).ok) throw notFound("TICKET_NOT_FOUND");
  await assertTicketInScope(actor, t.category.id);
  const opening = t.source === "EMAIL" && isStaff(actor)
    ? await db().inboundMail.findFirst({ where: { ticketId: t.id, outcome: "created" }, select: { id: true }, orderBy: { id: "asc" } })
    : null;
  // archived definitions too: a value stored under one stays visible (or hidden) by its flags
  const defs = await loadFieldDefs(db(), { includeArchived: true });
  return ticketDetail(actor, { ...t, openingMailId: opening?.id ?? null }, settings, defs);
}
