// Who is acting. Built from the session or an API token in the tRPC context, from the CLI,
// or as "system" for cron jobs. Pure data: policies take it as an argument.

/** MANAGER (issue 16): every ticket and report, no settings; an AGENT is scoped to categories (./scope.ts) */
export type Role = "CUSTOMER" | "AGENT" | "ADMIN" | "MANAGER";

export type Actor =
  | { kind: "anonymous" }
  | {
      kind: "user"; userId: number; role: Role; email: string; name: string; locale: string; via: "session" | "token" | "mail";
      /** via "token": a "read" token may call queries only (issue 14.7); absent means read-write */
      tokenScope?: "read" | "read-write";
    }
  /** holder of a signed ticket link (a guest who has not set a password yet): one ticket only */
  | { kind: "guest"; userId: number; ticketId: number; locale: string }
  | { kind: "system" }
  /** a Cc of one ticket writing by mail (the web has no door for them): that ticket only */
  | { kind: "participant"; ticketId: number; email: string; userId: number | null; locale: string }
  /** a deactivated account writing by mail: may do nothing */
  | { kind: "inactive"; userId: number };

export const anonymous: Actor = { kind: "anonymous" };
export const system: Actor = { kind: "system" };

/** Every role that works in the staff area (lists of agents, staff notifications). */
export const STAFF_ROLES = ["AGENT", "ADMIN", "MANAGER"] as const satisfies readonly Role[];

export function isStaff(a: Actor): a is Extract<Actor, { kind: "user" }> & { role: "AGENT" | "ADMIN" | "MANAGER" } {
  return a.kind === "user" && (a.role === "AGENT" || a.role === "ADMIN" || a.role === "MANAGER");
}

export function isAdmin(a: Actor): boolean {
  return a.kind === "user" && a.role === "ADMIN";
}

export function userId(a: Actor): number | null {
  return a.kind === "user" ? a.userId : null;
}

// ---- the mail door: who is the sender of an incoming mail? ------------------------------------
// `From:` is a claim. Staff rights need a signed marker of the matched ticket on top of an active
// staff address; a customer account counts only once its address is proven (emailVerifiedAt).

export type MailSenderKind =
  | "staff" // active staff, with a signed marker of the matched ticket
  | "unverified-staff" // a staff address whose mail carries no signed marker of the ticket it claims
  | "requester" // the matched ticket's requester (with or without a password)
  | "cc" // a participant of the matched ticket
  | "customer" // an account with a password and a proven address (not of this ticket)
  | "customer-passwordless" // an account made by mail or the guest form (not of this ticket)
  | "unknown" // no account, or an unproven sign-up (treated as no account)
  | "inactive";

export type MailSenderFacts = {
  email: string;
  /** the account of the From address, null when none */
  user: { id: number; role: Role; email: string; name: string; locale: string; isActive: boolean; hasPassword: boolean; verified: boolean } | null;
  /** the ticket the mail claims (thread-match), null when none */
  ticket: { id: number; requesterId: number; ccEmails: string[] } | null;
  /** the claim was made by a signed rule (our Message-ID, plus-token, ticket string) */
  signed: boolean;
  locale: string;
};

export type MailSender = { kind: MailSenderKind; actor: Actor };

/**
 * A customer sign-up with a password its owner never proved by following the link mailed to the
 * address. Staff accounts are made by an admin (invite, CLI, setup), never by a sign-up form.
 */
export function unprovenSignUp(u: { role: Role; hasPassword: boolean; verified: boolean }): boolean {
  return u.role === "CUSTOMER" && u.hasPassword && !u.verified;
}

const sameEmail = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The sender as an actor, for the same policies the web asks (server/domain/tickets/policies.ts). */
export function mailSender(f: MailSenderFacts): MailSender {
  const u = f.user;
  // an unproven sign-up is an address without an account (issue 12 point 3): its password,
  // set by whoever filled the sign-up form, proves nothing about the mailbox
  const owned = u && !unprovenSignUp(u) ? u : null;
  if (owned && !owned.isActive) return { kind: "inactive", actor: { kind: "inactive", userId: owned.id } };
  const asUser = (role: Role): Actor => ({ kind: "user", userId: owned!.id, role, email: owned!.email, name: owned!.name, locale: owned!.locale, via: "mail" });
  const staffAddress = !!owned && owned.role !== "CUSTOMER";
  const t = f.ticket;
  if (t && staffAddress) {
    return f.signed ? { kind: "staff", actor: asUser(owned!.role) } : { kind: "unverified-staff", actor: anonymous };
  }
  if (t && owned && owned.id === t.requesterId) {
    return { kind: "requester", actor: owned.hasPassword ? asUser("CUSTOMER") : { kind: "guest", userId: owned.id, ticketId: t.id, locale: owned.locale } };
  }
  if (t && t.ccEmails.some((c) => sameEmail(c, f.email))) {
    return { kind: "cc", actor: { kind: "participant", ticketId: t.id, email: f.email, userId: owned?.id ?? null, locale: owned?.locale ?? f.locale } };
  }
  if (!owned) return { kind: "unknown", actor: anonymous };
  // a staff address opening a new ticket proves nothing more than any customer's mail would
  if (owned.hasPassword) return { kind: "customer", actor: asUser("CUSTOMER") };
  // like a visitor of the guest form: the mailbox that gets the ticket link owns the ticket
  return { kind: "customer-passwordless", actor: anonymous };
}

/** The actor the new ticket's requester will be (for the attachment rules of a new ticket by mail). */
export function requesterAfterCreate(s: MailSender, userId: number): Actor {
  if (s.actor.kind === "user") return s.actor;
  return { kind: "guest", userId, ticketId: 0, locale: "ru" };
}

/** The requester of a ticket as the policies see them when they answer one of our mails. */
export function requesterActor(r: { id: number; email: string; name: string; locale: string; hasPassword: boolean }, ticketId: number): Actor {
  if (r.hasPassword) return { kind: "user", userId: r.id, role: "CUSTOMER", email: r.email, name: r.name, locale: r.locale, via: "mail" };
  return { kind: "guest", userId: r.id, ticketId, locale: r.locale };
}
