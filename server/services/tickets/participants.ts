// The Cc list of a ticket (issue 15.6): staff add and remove; the ticket's customer adds when the
// ticket setting allows; later mails of the requester or staff add their Cc's (mail-writes.ts,
// through adoptMailCcs below). Every change is a history entry (ticket.cc_added / cc_removed).
import { db, type Tx } from "@/server/db/client";
import { lockAndLoadTicket } from "@/server/db/lock-ticket";
import type { Actor } from "@/server/domain/actor";
import { badRequest, forbidden, notFound } from "@/server/domain/errors";
import { canAddCc, canRemoveCc, ccFromMail, checkCcAddress } from "@/server/domain/tickets/action-policies";
import { canViewTicket } from "@/server/domain/tickets/policies";
import { loadSettings } from "@/server/platform/settings/settings-store";
import { recordEvent } from "@/server/platform/audit";
import { assertTicketInScope } from "@/server/services/scope/staff-scope";
import { fromAddress } from "@/server/mail/outbound/compose";
import { emailSchema } from "@/server/services/users/register-user";

/** The helpdesk's own addresses: never a Cc (a mail to them would loop). */
async function ownAddresses(tx: Tx): Promise<string[]> {
  const [mail, outbound] = await Promise.all([loadSettings("mail", { db: tx }), loadSettings("outbound", { db: tx })]);
  return [mail.username, outbound.fromEmail, fromAddress(mail, outbound)].filter((a) => a.includes("@"));
}

async function lockForCc(tx: Tx, actor: Actor, ticketId: number) {
  // the Cc list needs the requester's address and the Cc count on top of the shared load
  const locked = await lockAndLoadTicket(tx, ticketId);
  const t = locked && await tx.ticket.findUnique({
    where: { id: ticketId },
    select: { id: true, requesterId: true, categoryId: true, mergedIntoId: true, status: { select: { isClosed: true } }, requester: { select: { email: true } }, _count: { select: { participants: true } } },
  });
  const settings = await loadSettings("tickets", { db: tx });
  const facts = t && { id: t.id, requesterId: t.requesterId, isClosed: t.status.isClosed, mergedIntoId: t.mergedIntoId };
  // a ticket the caller may not see does not exist for them
  if (!t || !facts || !canViewTicket(actor, facts, settings).ok) throw notFound("TICKET_NOT_FOUND");
  // staff outside the ticket's categories (issue 16): the same answer
  await assertTicketInScope(actor, t.categoryId);
  return { t, facts, settings };
}

export async function addCc(actor: Actor, input: { ticketId: number; email: string; name?: string | null }) {
  const email = emailSchema.parse(input.email);
  return db().$transaction(async (tx) => {
    const { t, facts, settings } = await lockForCc(tx, actor, input.ticketId);
    const may = canAddCc(actor, facts, settings);
    if (!may.ok) throw forbidden(may.reason);
    const check = checkCcAddress(email, { requesterEmail: t.requester.email, ownAddresses: await ownAddresses(tx), count: t._count.participants });
    if (!check.ok) throw badRequest(check.reason);
    const r = await tx.ticketParticipant.createMany({ data: [{ ticketId: t.id, email, name: input.name?.trim() || null }], skipDuplicates: true });
    if (r.count > 0) await recordEvent(tx, { ticketId: t.id, actor, type: "ticket.cc_added", data: { emails: [email], via: "web" } });
    return { added: r.count > 0 };
  });
}

export async function removeCc(actor: Actor, input: { ticketId: number; email: string }) {
  const may = canRemoveCc(actor);
  if (!may.ok) throw forbidden(may.reason);
  const email = input.email.trim().toLowerCase();
  return db().$transaction(async (tx) => {
    const { t } = await lockForCc(tx, actor, input.ticketId);
    const r = await tx.ticketParticipant.deleteMany({ where: { ticketId: t.id, email } });
    if (r.count > 0) await recordEvent(tx, { ticketId: t.id, actor, type: "ticket.cc_removed", data: { emails: [email] } });
    return { removed: r.count > 0 };
  });
}

/**
 * The Cc's of a later mail on a ticket (the ingest, inside its transaction): added within the
 * cap when the requester or staff wrote it, recorded in the history with how many did not fit.
 */
export async function adoptMailCcs(tx: Tx, f: { ticketId: number; actor: Actor; sender: "requester" | "staff" | "other"; senderEmail: string; cc: string[]; requesterEmail: string; ownAddresses: string[]; cap: number }) {
  if (f.sender === "other" || f.cc.length === 0) return;
  const existing = (await tx.ticketParticipant.findMany({ where: { ticketId: f.ticketId }, select: { email: true } })).map((p) => p.email);
  const { add, notAdded } = ccFromMail({ ...f, existing });
  if (add.length) await tx.ticketParticipant.createMany({ data: add.map((email) => ({ ticketId: f.ticketId, email })), skipDuplicates: true });
  if (add.length || notAdded) await recordEvent(tx, { ticketId: f.ticketId, actor: f.actor, type: "ticket.cc_added", data: { emails: add, via: "email", notAdded: notAdded || undefined } });
}
