// The customer's auto-close reminder ("ticket.reminder"): sent by the auto-close job inside its
// transaction, in the ticket's language, with the same link and markers as every ticket mail.
import type { Tx } from "@/server/db/client";
import { enqueueMail, type EnqueueContext } from "./enqueue";
import { loadTicket, ticketVars } from "./notify";

export async function enqueueAutoCloseReminder(tx: Tx, ticketId: number, daysLeft: number, ctx: EnqueueContext): Promise<boolean> {
  const t = await loadTicket(tx, ticketId);
  if (!t.requester.isActive) return false;
  await enqueueMail(tx, { template: "ticket.reminder", locale: t.locale, to: t.requester.email, ticketId: t.id, audience: "customer", vars: { ...ticketVars(t), "close.days": daysLeft } }, ctx);
  return true;
}
