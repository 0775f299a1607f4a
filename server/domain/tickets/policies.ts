// Every ticket decision the settings control, as pure functions of (actor, ticket, settings).
// Services enforce them; the ticket DTO carries their results as `permissions` so the UI
// shows only what the server will accept. Reason codes are translated by the UI.
import type { Actor } from "../actor";
import { isStaff } from "../actor";
import type { TicketSettings } from "../settings/schema";

export type Decision = { ok: true } | { ok: false; reason: PolicyReason };
export type PolicyReason =
  | "LOGIN_REQUIRED"
  | "GUESTS_DISABLED"
  | "NOT_OWNER"
  | "REPLIES_CLOSED"
  | "EDIT_DISABLED"
  | "TICKET_CLOSED"
  | "RATING_DISABLED"
  | "NOT_CLOSED"
  | "UPLOADS_DISABLED"
  | "STAFF_ONLY"
  | "ACCOUNT_INACTIVE"
  | "FILE_TOO_BIG"
  | "TICKET_MERGED";

/** What a policy needs to know about a ticket. `mergedIntoId`: merged into another (issue 15.4). */
export type TicketFacts = { requesterId: number; isClosed: boolean; id: number; mergedIntoId?: number | null };

const OK: Decision = { ok: true };
const no = (reason: PolicyReason): Decision => ({ ok: false, reason });

/** The customer side of a ticket: its requester, or a guest holding the ticket's signed link. */
export function isTicketCustomer(actor: Actor, t: TicketFacts): boolean {
  if (actor.kind === "user") return actor.userId === t.requesterId;
  if (actor.kind === "guest") return actor.ticketId === t.id && actor.userId === t.requesterId;
  return false;
}

/** A Cc of this ticket writing by mail: may read and reply like the customer, never edit or rate. */
function isTicketParticipant(actor: Actor, t: TicketFacts): boolean {
  return actor.kind === "participant" && actor.ticketId === t.id;
}

export function canOpenPortal(actor: Actor, s: TicketSettings): Decision {
  if (s.requireLogin && actor.kind !== "user") return no("LOGIN_REQUIRED");
  return OK;
}

export function canCreateTicket(actor: Actor, s: TicketSettings): Decision {
  if (actor.kind === "user") return OK;
  if (actor.kind === "inactive") return no("ACCOUNT_INACTIVE");
  if (s.requireLogin) return no("LOGIN_REQUIRED");
  if (!s.allowGuestTickets) return no("GUESTS_DISABLED");
  return OK;
}

export function canViewTicket(actor: Actor, t: TicketFacts, s: TicketSettings): Decision {
  if (isStaff(actor)) return OK;
  if (actor.kind === "inactive") return no("ACCOUNT_INACTIVE");
  if (actor.kind === "anonymous" || actor.kind === "system") return no("LOGIN_REQUIRED");
  // guests and Cc's hold no session: where sign-in is required they must sign in first
  if ((actor.kind === "guest" || actor.kind === "participant") && s.requireLogin) return no("LOGIN_REQUIRED");
  return isTicketCustomer(actor, t) || isTicketParticipant(actor, t) ? OK : no("NOT_OWNER");
}

export function canReply(actor: Actor, t: TicketFacts, s: TicketSettings): Decision {
  // a merged ticket's conversation continues in the ticket it was merged into, for everyone
  if (t.mergedIntoId) return no("TICKET_MERGED");
  if (isStaff(actor)) return OK;
  const view = canViewTicket(actor, t, s);
  if (!view.ok) return view;
  if (t.isClosed && s.noRepliesAfterClose) return no("REPLIES_CLOSED");
  return OK;
}

export function canEditTicket(actor: Actor, t: TicketFacts, s: TicketSettings): Decision {
  if (isStaff(actor)) return OK;
  const view = canViewTicket(actor, t, s);
  if (!view.ok) return view;
  if (actor.kind === "participant") return no("NOT_OWNER");
  if (!s.allowTicketEdit) return no("EDIT_DISABLED");
  if (t.isClosed) return no("TICKET_CLOSED");
  return OK;
}

export function canRateTicket(actor: Actor, t: TicketFacts, s: TicketSettings): Decision {
  if (isStaff(actor)) return no("NOT_OWNER");
  // the work on a merged ticket is rated on the ticket it was merged into
  if (t.mergedIntoId) return no("TICKET_MERGED");
  const view = canViewTicket(actor, t, s);
  if (!view.ok) return view;
  if (actor.kind === "participant") return no("NOT_OWNER");
  if (!s.allowRating) return no("RATING_DISABLED");
  if (!t.isClosed) return no("NOT_CLOSED");
  return OK;
}

/**
 * Uploading a file (before a ticket exists, or to a reply). Every upload belongs to an
 * account (its uploader claims it later), so an anonymous visitor cannot upload: a guest
 * attaches files from the ticket link once the ticket exists.
 */
export function canUpload(actor: Actor, s: TicketSettings): Decision {
  if (isStaff(actor)) return OK;
  if (!s.allowUploads) return no("UPLOADS_DISABLED");
  if (actor.kind === "user") return OK;
  if (actor.kind === "guest" || actor.kind === "participant") return s.requireLogin ? no("LOGIN_REQUIRED") : OK;
  return no("LOGIN_REQUIRED");
}

/** One file of an upload or of an incoming mail, by size (its type: platform/storage/file-check). */
export function canAttachFile(file: { size: number }, s: TicketSettings): Decision {
  return file.size > s.maxUploadMb * 1024 * 1024 ? no("FILE_TOO_BIG") : OK;
}

/**
 * What a customer's reply to this closed ticket would do, for the wording of our mails: "reopens"
 * (accepted, and the automatic status moves it to an open status), "adds" (accepted, the ticket
 * stays closed) or "refused" (the customer must open a new ticket). `reopenStatusClosed`: whether
 * the status statusOnClientReply names is itself a closed one.
 */
export function replyToClosedTicket(actor: Actor, t: TicketFacts, s: TicketSettings, reopenStatusClosed = false): "reopens" | "adds" | "refused" {
  if (!canReply(actor, { ...t, isClosed: true }, s).ok) return "refused";
  return autoStatusOnReply(s, "customer") !== null && !reopenStatusClosed ? "reopens" : "adds";
}

export function canSeeInternal(actor: Actor): boolean {
  return isStaff(actor);
}

export type TicketPermissions = {
  canReply: boolean;
  replyBlockedReason: PolicyReason | null;
  canEdit: boolean;
  canRate: boolean;
  canUpload: boolean;
  isStaff: boolean;
};

export function ticketPermissions(actor: Actor, t: TicketFacts, s: TicketSettings): TicketPermissions {
  const reply = canReply(actor, t, s);
  return {
    canReply: reply.ok,
    replyBlockedReason: reply.ok ? null : reply.reason,
    canEdit: canEditTicket(actor, t, s).ok,
    canRate: canRateTicket(actor, t, s).ok,
    canUpload: canUpload(actor, s).ok,
    isStaff: isStaff(actor),
  };
}

/** The status a reply moves the ticket to, or null to leave it ("do nothing"). */
export function autoStatusOnReply(s: TicketSettings, by: "staff" | "customer"): number | null {
  const v = by === "staff" ? s.statusOnStaffReply : s.statusOnClientReply;
  return v === "none" ? null : v;
}
