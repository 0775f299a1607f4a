// A ticket staff open for a customer (a phone call, a walk-in; issue 15.5). The same rows and
// the same acknowledgement as any new ticket (insertTicket → notify "ticket.created"): an
// existing customer, or a new address that gets a password-less account and — in that one
// acknowledgement — a set-password link. "Do not notify" sends nothing to the customer and says
// so in the history. An unproven sign-up of the address is handed to the mailbox owner, as the
// mail door does (mail-writes.ts requesterOf): whoever filled the sign-up form gets nothing.
import { db, type Tx } from "@/server/db/client";
import type { Actor } from "@/server/domain/actor";
import { unprovenSignUp } from "@/server/domain/actor";
import { badRequest, forbidden } from "@/server/domain/errors";
import { canCreateForCustomer } from "@/server/domain/tickets/action-policies";
import { loadSettings } from "@/server/platform/settings/settings-store";
import { issueToken } from "@/server/services/users/password-tokens";
import { revokeCredentials } from "@/server/services/users/revoke-credentials";
import { emailSchema } from "@/server/services/users/register-user";
import { insertTicket, type CreateTicketInput } from "./create-ticket";

export type CreateForCustomerInput = CreateTicketInput & {
  /** an existing customer picked from the search, or an address (and a name for a new account) */
  customer: { userId: number } | { email: string; name?: string; locale?: "ru" | "en" };
  notifyCustomer: boolean;
};

const customerSelect = { id: true, role: true, isActive: true, passwordHash: true, emailVerifiedAt: true } as const;

/** The requester's account: found, reclaimed from an unproven sign-up, or made password-less. */
async function requesterFor(tx: Tx, actor: Actor, c: CreateForCustomerInput["customer"]) {
  const found = "userId" in c
    ? await tx.user.findUnique({ where: { id: c.userId }, select: customerSelect })
    : await tx.user.findUnique({ where: { email: emailSchema.parse(c.email) }, select: customerSelect });
  if ("userId" in c && !found) throw badRequest("UNKNOWN_CUSTOMER");
  const decision = canCreateForCustomer(actor, found);
  if (!decision.ok) throw decision.reason === "STAFF_ONLY" ? forbidden(decision.reason) : badRequest(decision.reason);
  if (found) {
    const unproven = unprovenSignUp({ role: found.role, hasPassword: found.passwordHash !== null, verified: found.emailVerifiedAt !== null });
    if (!unproven) return { userId: found.id, passwordToken: undefined, isNew: false };
    await revokeCredentials(tx, found.id, { clearPassword: true, unverify: true });
    return { userId: found.id, passwordToken: await issueToken(tx, found.id, "set-password"), isNew: false };
  }
  const email = emailSchema.parse((c as { email: string }).email);
  const name = (c as { name?: string }).name?.trim() || email.split("@")[0]!;
  const locale = (c as { locale?: string }).locale === "en" ? "en" : "ru";
  const user = await tx.user.create({ data: { email, name, role: "CUSTOMER", locale, passwordHash: null }, select: { id: true } });
  return { userId: user.id, passwordToken: await issueToken(tx, user.id, "set-password"), isNew: true };
}

export async function createTicketForCustomer(actor: Actor, input: CreateForCustomerInput) {
  const decision = canCreateForCustomer(actor, null);
  if (!decision.ok) throw forbidden(decision.reason);
  const settings = await loadSettings("tickets");
  const t = await db().$transaction(async (tx) => {
    const r = await requesterFor(tx, actor, input.customer);
    // "do not notify": no acknowledgement, so no set-password link either (a later reset works)
    const token = input.notifyCustomer ? r.passwordToken : undefined;
    const history = { forCustomer: true, newAccount: r.isNew, notified: input.notifyCustomer };
    return insertTicket(tx, actor, input, r.userId, settings, token, { notifyCustomer: input.notifyCustomer, history });
  });
  return { id: t.id, number: t.id };
}

/** The staff picker: customers whose e-mail or name contains the query (at most 10). */
export async function findCustomers(actor: Actor, query: string) {
  if (!canCreateForCustomer(actor, null).ok) throw forbidden("STAFF_ONLY");
  const q = query.trim();
  if (q.length < 2) return [];
  return db().user.findMany({
    where: { role: "CUSTOMER", isActive: true, OR: [{ email: { contains: q.toLowerCase() } }, { name: { contains: q, mode: "insensitive" } }] },
    select: { id: true, name: true, email: true },
    orderBy: { email: "asc" },
    take: 10,
  });
}
