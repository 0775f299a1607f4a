// Shared step of every staff write on a ticket: lock the row, check the version the caller
// loaded (optimistic concurrency → CONFLICT / STALE_UPDATE), and hand back the ticket.
import type { Tx } from "@/server/db/client";
import { lockAndLoadTicket } from "@/server/db/lock-ticket";
import type { Actor } from "@/server/domain/actor";
import { isStaff } from "@/server/domain/actor";
import { conflict, forbidden, notFound } from "@/server/domain/errors";
import { assertTicketInScope } from "@/server/services/scope/staff-scope";

export function assertStaff(actor: Actor): asserts actor is Extract<Actor, { kind: "user" }> {
  if (!isStaff(actor)) throw forbidden("STAFF_ONLY");
}

/**
 * Locks the ticket for the rest of the transaction; `version` undefined skips the check.
 * `actor`: a ticket outside their category scope is NOT_FOUND (issue 16); null only where the
 * same transaction already checked this ticket for this actor.
 */
export async function lockTicket(tx: Tx, ticketId: number, version: number | undefined, actor: Actor | null) {
  const t = await lockAndLoadTicket(tx, ticketId);
  if (!t) throw notFound("TICKET_NOT_FOUND");
  if (actor) await assertTicketInScope(actor, t.categoryId);
  if (version !== undefined && t.version !== version) throw conflict("STALE_UPDATE");
  return t;
}
