// Side effects that follow ticket events inside the same transaction: notifications go to
// the outbox here (server/mail/outbound), so the mail is committed with the action or not at all.
import type { Tx } from "@/server/db/client";
import type { Actor } from "@/server/domain/actor";
import { notify } from "@/server/mail/outbound/notify";

/** `passwordToken`: a new password-less requester's set-password link goes into the acknowledgement */
/** `notifyCustomer` false: staff opened it for a customer with "do not notify" (no acknowledgement) */
export async function afterTicketCreated(tx: Tx, ticketId: number, actor: Actor, passwordToken?: string, notifyCustomer = true) {
  await notify(tx, { type: "ticket.created", ticketId, actor, passwordToken, quiet: !notifyCustomer });
}

export async function afterReply(tx: Tx, ticketId: number, messageId: number, actor: Actor, byStaff: boolean) {
  await notify(tx, { type: byStaff ? "reply.staff" : "reply.customer", ticketId, messageId, actor });
}

export async function afterStatusChange(tx: Tx, ticketId: number, actor: Actor, closed: boolean) {
  if (closed) await notify(tx, { type: "ticket.closed", ticketId, actor });
}
