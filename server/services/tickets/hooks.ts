// Side effects that follow ticket events inside the same transaction: notifications go to
// the outbox here (server/mail/outbound), so the mail is committed with the action or not at all.
import type { Tx } from "@/server/db/client";
import type { Actor } from "@/server/domain/actor";
import { notify } from "@/server/mail/outbound/notify";

/** `passwordToken`: a new password-less requester's set-password link goes into the acknowledgement */
export async function afterTicketCreated(tx: Tx, ticketId: number, actor: Actor, passwordToken?: string) {
  await notify(tx, { type: "ticket.created", ticketId, actor, passwordToken });
}

export async function afterReply(tx: Tx, ticketId: number, messageId: number, actor: Actor, byStaff: boolean) {
  await notify(tx, { type: byStaff ? "reply.staff" : "reply.customer", ticketId, messageId, actor });
}

export async function afterStatusChange(tx: Tx, ticketId: number, actor: Actor, closed: boolean) {
  if (closed) await notify(tx, { type: "ticket.closed", ticketId, actor });
}
