// A ticket from a visitor without an account (allowGuestTickets, and requireLogin off).
// Anti-bot first (honeypot, per-IP limit), then one transaction: a password-less account for
// the email, the ticket, and ONE mail — the acknowledgement with the signed ticket link and a
// one-time set-password link (the mailbox that receives it owns the account).
// The form's answer is the same whether or not the address has an account (ASVS 5.0 V6.3.8,
// issue 14 point 10): an existing account is never touched and its owner is mailed instead
// ("sign in to send your request"), so the form cannot be used to learn who is a customer.
import { db, type Tx } from "@/server/db/client";
import type { Actor } from "@/server/domain/actor";
import { DomainError, badRequest, forbidden } from "@/server/domain/errors";
import { canCreateTicket } from "@/server/domain/tickets/policies";
import { loadSettings } from "@/server/platform/settings/settings-store";
import { issueToken } from "@/server/services/users/password-tokens";
import { emailSchema } from "@/server/services/users/register-user";
import { isUniqueViolation } from "@/server/db/errors";
import { enqueueMail } from "@/server/mail/outbound/enqueue";
import { LIMITS, take } from "@/server/auth/rate-limit";
import { env } from "@/server/env";
import { insertTicket, type CreateTicketInput } from "./create-ticket";

export type GuestTicketInput = CreateTicketInput & { name: string; email: string; website?: string; locale: string; ip: string };

/** The form's one answer: "check your mailbox", whatever the address. */
export type GuestTicketResult = { guest: true; sent: true };
const SENT: GuestTicketResult = { guest: true, sent: true };

export function guestTicketUrl(token: string) {
  return new URL(`/t/${encodeURIComponent(token)}`, env().APP_URL).toString();
}

/** The owner of an address someone typed into the guest form: told to sign in, nothing else happens. */
async function mailOwner(tx: Tx, owner: { email: string; name: string; locale: string }, subject: string) {
  const link = new URL("/sign-in?next=%2Ftickets%2Fnew", env().APP_URL).toString();
  await enqueueMail(tx, { template: "guest.account-exists", locale: owner.locale, to: owner.email, audience: "account", vars: { "user.name": owner.name, "user.email": owner.email, "original.subject": subject, link } });
}

export async function createGuestTicket(actor: Actor, input: GuestTicketInput): Promise<GuestTicketResult> {
  const settings = await loadSettings("tickets");
  const decision = canCreateTicket(actor, settings);
  if (!decision.ok) throw forbidden(decision.reason);
  // a human never sees the honeypot field; anything in it is a bot
  if (input.website && input.website.trim() !== "") throw badRequest("SPAM_SUSPECTED");
  if (!(await take(LIMITS.guestTicketIp(), input.ip))) throw new DomainError("TOO_MANY_REQUESTS", "RATE_LIMITED");

  const email = emailSchema.parse(input.email);
  const locale = input.locale === "en" ? "en" : "ru";
  const owner = await db().user.findUnique({ where: { email }, select: { email: true, name: true, locale: true } });
  if (owner) {
    await db().$transaction((tx) => mailOwner(tx, owner, input.title));
    return SENT;
  }
  try {
    await db().$transaction(async (tx) => {
      const user = await tx.user.create({ data: { email, name: input.name.trim(), role: "CUSTOMER", locale, passwordHash: null }, select: { id: true } });
      const token = await issueToken(tx, user.id, "set-password");
      // the acknowledgement (ticket.created) carries the signed ticket link and this set-password link
      await insertTicket(tx, actor, { ...input, attachmentIds: [] }, user.id, settings, token);
    });
  } catch (e) {
    // two forms for the same new email at once: the loser gets the same answer
    if (!isUniqueViolation(e)) throw e;
  }
  return SENT;
}
