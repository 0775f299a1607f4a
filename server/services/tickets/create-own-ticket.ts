// ticket.create: a signed-in user opens a ticket as its requester. A visitor without an
// account is told to sign in (they have the guest form, ticket.createGuest, instead).
import type { Actor } from "@/server/domain/actor";
import { DomainError } from "@/server/domain/errors";
import { createTicket, type CreateTicketInput } from "./create-ticket";

export function createOwnTicket(actor: Actor, input: CreateTicketInput) {
  if (actor.kind !== "user") throw new DomainError("UNAUTHORIZED", "LOGIN_REQUIRED");
  return createTicket(actor, input);
}
