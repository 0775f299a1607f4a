// The rules of the staff ticket actions of issue 15 (points 4–8): a ticket opened by staff for a
// customer, the Cc list, editing or deleting one's own reply, merging. Pure functions of (actor,
// facts, settings, now), like policies.ts: web, API, CLI and the mail ingest ask these, and the
// ticket DTO carries their answers so the UI shows only what the server will accept.
import type { Actor } from "../actor";
import { isStaff } from "../actor";
import { normaliseAddress, stripPlusTag } from "../mail/addresses";
import type { TicketSettings } from "../settings/schema";
import { isTicketCustomer, type TicketFacts } from "./policies";

export type ActionReason =
  | "STAFF_ONLY"
  | "REQUESTER_IS_STAFF"
  | "ACCOUNT_INACTIVE"
  | "CC_DISABLED"
  | "NOT_OWNER"
  | "TICKET_CLOSED"
  | "TICKET_MERGED"
  | "CC_LIMIT"
  | "CC_IS_REQUESTER"
  | "CC_IS_OURS"
  | "NOT_AUTHOR"
  | "NOT_EDITABLE"
  | "REPLY_EDIT_DISABLED"
  | "EDIT_WINDOW_PASSED"
  | "SAME_TICKET"
  | "ALREADY_MERGED"
  | "TARGET_MERGED";

export type ActionDecision = { ok: true } | { ok: false; reason: ActionReason };
const OK: ActionDecision = { ok: true };
const no = (reason: ActionReason): ActionDecision => ({ ok: false, reason });

/** The most Cc's one ticket holds, whoever adds them (the settings' cap for mail is at most this). */
export const MAX_PARTICIPANTS = 200;

// ---- 5. a ticket opened by staff for a customer ----------------------------------------------

/** `customer`: the account of the address staff picked or typed; null when it is a new address. */
export function canCreateForCustomer(actor: Actor, customer: { role: string; isActive: boolean } | null): ActionDecision {
  if (!isStaff(actor)) return no("STAFF_ONLY");
  if (!customer) return OK;
  if (customer.role !== "CUSTOMER") return no("REQUESTER_IS_STAFF");
  if (!customer.isActive) return no("ACCOUNT_INACTIVE");
  return OK;
}

// ---- 6. the Cc list ---------------------------------------------------------------------------

export type CcFacts = TicketFacts & { mergedIntoId?: number | null };

/** Staff add Cc's; the ticket's customer may when the setting allows, while the ticket is open. */
export function canAddCc(actor: Actor, t: CcFacts, s: TicketSettings): ActionDecision {
  if (t.mergedIntoId) return no("TICKET_MERGED");
  if (isStaff(actor)) return OK;
  if (!isTicketCustomer(actor, t)) return no("NOT_OWNER");
  if (!s.customersMayAddCc) return no("CC_DISABLED");
  if (t.isClosed) return no("TICKET_CLOSED");
  return OK;
}

/** Removing a Cc is for staff only (a customer who added one by mistake asks the agent). */
export function canRemoveCc(actor: Actor): ActionDecision {
  return isStaff(actor) ? OK : no("STAFF_ONLY");
}

/** One address someone wants on the Cc list: not the requester, not one of our mailboxes, within the limit. */
export function checkCcAddress(email: string, f: { requesterEmail: string; ownAddresses: string[]; count: number }): ActionDecision {
  const a = normaliseAddress(email);
  if (a === normaliseAddress(f.requesterEmail)) return no("CC_IS_REQUESTER");
  if (f.ownAddresses.some((o) => stripPlusTag(o) === stripPlusTag(a))) return no("CC_IS_OURS");
  if (f.count >= MAX_PARTICIPANTS) return no("CC_LIMIT");
  return OK;
}

/**
 * The Cc's of a later mail on a ticket that join its list: only from the requester or staff (a Cc
 * cannot widen the circle), never the requester, the sender or our own mailboxes, and only while
 * the list is under the cap of the mail settings (`maxParticipantsFromMail`).
 */
export function ccFromMail(f: {
  sender: "requester" | "staff" | "other";
  senderEmail: string;
  cc: string[];
  existing: string[];
  requesterEmail: string;
  ownAddresses: string[];
  cap: number;
}): { add: string[]; notAdded: number } {
  if (f.sender === "other") return { add: [], notAdded: 0 };
  const have = new Set(f.existing.map(normaliseAddress));
  const skip = new Set([normaliseAddress(f.requesterEmail), normaliseAddress(f.senderEmail)]);
  const ours = new Set(f.ownAddresses.map(stripPlusTag));
  const fresh = [...new Set(f.cc.map(normaliseAddress))].filter((a) => a.includes("@") && !have.has(a) && !skip.has(a) && !ours.has(stripPlusTag(a)));
  const room = Math.max(0, Math.min(f.cap, MAX_PARTICIPANTS) - have.size);
  return { add: fresh.slice(0, room), notAdded: Math.max(0, fresh.length - room) };
}

// ---- 8. editing or deleting one's own reply --------------------------------------------------

export type MessageFacts = { authorId: number | null; source: string; isAutomatic: boolean; createdAt: Date; deletedAt: Date | null };

/**
 * Staff may change or delete a reply or note they wrote on the web or through the API, within
 * `replyEditMinutes` of writing it (0 turns it off). A mail-born message was delivered as it is.
 */
export function canEditOwnMessage(actor: Actor, m: MessageFacts, s: TicketSettings, now: Date): ActionDecision {
  if (!isStaff(actor)) return no("STAFF_ONLY");
  if (m.authorId !== actor.userId) return no("NOT_AUTHOR");
  if (m.deletedAt || m.isAutomatic || m.source === "EMAIL" || m.source === "SYSTEM") return no("NOT_EDITABLE");
  if (s.replyEditMinutes === 0) return no("REPLY_EDIT_DISABLED");
  if (now.getTime() - m.createdAt.getTime() > s.replyEditMinutes * 60_000) return no("EDIT_WINDOW_PASSED");
  return OK;
}

// ---- 4. merge ---------------------------------------------------------------------------------

export type MergeFacts = { id: number; mergedIntoId: number | null };

/** Staff merge one ticket into another; never into itself, never a merged one, never into a merged one. */
export function canMergeTickets(actor: Actor, source: MergeFacts, target: MergeFacts): ActionDecision {
  if (!isStaff(actor)) return no("STAFF_ONLY");
  if (source.id === target.id) return no("SAME_TICKET");
  if (source.mergedIntoId) return no("ALREADY_MERGED");
  if (target.mergedIntoId) return no("TARGET_MERGED");
  return OK;
}

/** Where a mail or a link to this ticket goes: the ticket it was merged into, else itself. */
export function followMerge(t: MergeFacts): number {
  return t.mergedIntoId ?? t.id;
}
