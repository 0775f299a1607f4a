// A ticket from a visitor without an account (allowGuestTickets, and requireLogin off).
// Anti-bot first (honeypot, per-IP limit), then one transaction: a password-less account for
// the email, the ticket, a one-time set-password link (account mail) and a signed link to the
// ticket (the `guest.ticket-link` template). An email that already has an account is told to
// sign in; that account is never touched, so a guest form cannot take an account over.
import { db } from "@/server/db/client";
import type { Actor } from "@/server/domain/actor";
import { DomainError, badRequest, forbidden } from "@/server/domain/errors";
import { canCreateTicket } from "@/server/domain/tickets/policies";
import { loadSettings } from "@/server/services/settings/settings-store";
import { issueToken } from "@/server/services/users/password-tokens";
import { emailSchema } from "@/server/services/users/register-user";
import { isUniqueViolation } from "@/server/db/errors";
import { enqueueAccountMail } from "@/server/mail/outbound/account-mail";
import { enqueueMail } from "@/server/mail/outbound/enqueue";
import { signLink } from "@/server/auth/signed-links";
import { LIMITS, take } from "@/server/auth/rate-limit";
import { env } from "@/server/env";
import { insertTicket, type CreateTicketInput } from "./create-ticket";

export type GuestTicketInput = CreateTicketInput & { name: string; email: string; website?: string; locale: string; ip: string };

export function guestTicketUrl(token: string) {
  return new URL(`/t/${encodeURIComponent(token)}`, env().APP_URL).toString();
}

export async function createGuestTicket(actor: Actor, input: GuestTicketInput) {
  const settings = await loadSettings("tickets");
  const decision = canCreateTicket(actor, settings);
  if (!decision.ok) throw forbidden(decision.reason);
  // a human never sees the honeypot field; anything in it is a bot
  if (input.website && input.website.trim() !== "") throw badRequest("SPAM_SUSPECTED");
  if (!(await take(LIMITS.guestTicketIp(), input.ip))) throw new DomainError("TOO_MANY_REQUESTS", "RATE_LIMITED");

  const email = emailSchema.parse(input.email);
  const exists = await db().user.findUnique({ where: { email }, select: { id: true } });
  if (exists) throw new DomainError("CONFLICT", "ACCOUNT_EXISTS");
  const locale = input.locale === "en" ? "en" : "ru";

  try {
    return await db().$transaction(async (tx) => {
      const user = await tx.user.create({ data: { email, name: input.name.trim(), role: "CUSTOMER", locale, passwordHash: null }, select: { id: true } });
      const t = await insertTicket(tx, actor, { ...input, attachmentIds: [] }, user.id, settings);
      const token = await issueToken(tx, user.id, "set-password");
      await enqueueAccountMail(tx, { kind: "account.set-password", to: email, name: input.name.trim(), locale, token });
      // through the catalog like every customer mail: editable template, ticket/reply-string
      // markers, subject token, thread headers and the anti-loop headers
      await enqueueMail(tx, {
        template: "guest.ticket-link",
        locale,
        to: email,
        ticketId: t.id,
        audience: "customer",
        vars: { "customer.name": input.name.trim(), "ticket.number": t.id, "ticket.title": t.title, link: guestTicketUrl(signLink("ticket", t.id, user.id)) },
      });
      return { id: t.id, number: t.id, guest: true as const };
    });
  } catch (e) {
    // two forms for the same new email at once: the loser is told to sign in too
    if (isUniqueViolation(e)) throw new DomainError("CONFLICT", "ACCOUNT_EXISTS");
    throw e;
  }
}
