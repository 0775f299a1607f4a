// The customer's mail about a merge (issue 15.4, template "ticket.merged"): to the merged ticket's
// requester, with its Cc's in copy, in the merged ticket's language. It carries the TARGET's
// markers, so a reply threads straight into the ticket the conversation continues in (mail to the
// old ticket's markers gets there too: decide-mail.ts follows the pointer).
import type { Tx } from "@/server/db/client";
import { env } from "@/server/env";
import { signLink } from "@/server/auth/signed-links";
import { enqueueMail } from "./enqueue";

const url = (path: string) => new URL(path, env().APP_URL).toString();

export async function notifyMerged(tx: Tx, ev: { sourceId: number; targetId: number }) {
  const [s, t] = await Promise.all([
    tx.ticket.findUniqueOrThrow({ where: { id: ev.sourceId }, select: { id: true, title: true, locale: true, requesterId: true, requester: { select: { id: true, email: true, name: true, isActive: true, passwordHash: true } } } }),
    tx.ticket.findUniqueOrThrow({ where: { id: ev.targetId }, select: { id: true, title: true, requesterId: true, participants: { select: { email: true } } } }),
  ]);
  if (!s.requester.isActive) return;
  // the same requester follows the target; another requester is a Cc of the target (mail only), so
  // the link shows their own ticket with its pointer — never someone else's ticket page
  const shown = s.requesterId === t.requesterId ? t.id : s.id;
  const link = s.requester.passwordHash ? url(`/tickets/${shown}`) : url(`/t/${encodeURIComponent(signLink("ticket", shown, s.requester.id))}`);
  // the source's Cc's are now the target's: they hear about it in copy (the requester is not a Cc of itself)
  const cc = t.participants.map((p) => p.email).filter((e) => e !== s.requester.email);
  await enqueueMail(tx, {
    template: "ticket.merged", locale: s.locale, to: s.requester.email, cc: s.requesterId === t.requesterId ? cc : [], ticketId: t.id, audience: "customer",
    vars: { "ticket.number": s.id, "ticket.title": s.title, "customer.name": s.requester.name, "target.number": t.id, "target.title": t.title, link },
  });
}
