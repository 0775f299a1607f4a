// The first step of every customer-side ticket write: lock the row (concurrent writes to one
// ticket serialise), load it, and hide a ticket the actor may not see behind NOT_FOUND.
import type { Tx } from "@/server/db/client";
import { lockAndLoadTicket } from "@/server/db/lock-ticket";
import type { Actor } from "@/server/domain/actor";
import { notFound } from "@/server/domain/errors";
import { canViewTicket, type TicketFacts } from "@/server/domain/tickets/policies";
import type { TicketSettings } from "@/server/domain/settings/schema";
import { assertTicketInScope } from "@/server/services/scope/staff-scope";

export async function lockVisibleTicket(tx: Tx, actor: Actor, ticketId: number, settings: TicketSettings) {
  const t = await lockAndLoadTicket(tx, ticketId);
  const facts: TicketFacts | null = t && { id: t.id, requesterId: t.requesterId, isClosed: t.status.isClosed, mergedIntoId: t.mergedIntoId };
  if (!t || !facts || !canViewTicket(actor, facts, settings).ok) throw notFound("TICKET_NOT_FOUND");
  await assertTicketInScope(actor, t.categoryId);
  return { t, facts };
}
