// Who hears about a ticket event, and how (issue 16 point 3) — the one decider. The fan-out point
// (server/mail/outbound/notify.ts) hands it the event, the ticket and the active staff with
// their teams, away flags and preferences; it answers who gets a mail and who an in-app row.
// Rules, in order:
//  - the actor never hears about their own action;
//  - scoping holds: nobody hears about a ticket in a category they may not open (./scope.ts);
//  - the event picks the preference each person is asked under (see `audience`);
//  - an away staff member gets no mail for the broadcast events (new ticket, replies) — only
//    what names them personally (assigned to them, a mention); the in-app bell still fills.
import type { Role } from "../actor";
import { inScope, staffScope } from "../scope";
import type { NotifyEventKey, NotifyPrefs } from "./prefs";

export type TicketEvent =
  | { type: "ticket.created" }
  /** the ticket's assigneeId is the new assignee */
  | { type: "ticket.assigned" }
  | { type: "reply.customer" }
  | { type: "reply.staff" }
  /** an internal note naming these staff members (./mentions.ts) */
  | { type: "note.mention"; mentionedIds: number[] };

export type StaffFacts = { id: number; role: Role; away: boolean; prefs: NotifyPrefs; teamIds: number[] };

export type RecipientInput = {
  event: TicketEvent;
  ticket: { categoryId: number; assigneeId: number | null };
  /** the staff member who acted; null for customers, mail from customers and the system */
  actorId: number | null;
  /** active staff only */
  staff: StaffFacts[];
  /** the teams linked to the ticket's category (none: open to every agent) */
  categoryLinks: Array<{ teamId: number; categoryId: number }>;
};

export type Recipient = { userId: number; event: NotifyEventKey; mail: boolean; app: boolean };

const PERSONAL: ReadonlySet<NotifyEventKey> = new Set(["assigned", "mention"]);

/** May this staff member open a ticket of this category? Same decider as every read path. */
export function seesCategory(s: Pick<StaffFacts, "id" | "role" | "teamIds">, categoryId: number, links: RecipientInput["categoryLinks"]): boolean {
  const actor = { kind: "user" as const, userId: s.id, role: s.role, email: "", name: "", locale: "ru", via: "mail" as const };
  return inScope(staffScope(actor, { categoryIds: [categoryId], links, myTeamIds: s.teamIds }), categoryId);
}

/** Which preference each staff member who may see the ticket is asked under (null: not at all). */
function audience(ev: TicketEvent, s: StaffFacts, assignee: StaffFacts | undefined): NotifyEventKey | null {
  switch (ev.type) {
    case "ticket.created":
      // a ticket that already has an owner (default assignee, automatic assignment) tells only them
      return !assignee || assignee.id === s.id ? "newTicket" : null;
    case "ticket.assigned":
      return assignee?.id === s.id ? "assigned" : null;
    case "reply.customer":
      // an unassigned ticket is everybody's: the customer waits for whoever picks it up
      return !assignee || assignee.id === s.id ? "customerReply" : "anyReply";
    case "reply.staff":
      return "anyReply";
    case "note.mention":
      return ev.mentionedIds.includes(s.id) ? "mention" : null;
  }
}

export function notificationRecipients(i: RecipientInput): Recipient[] {
  const assignee = i.ticket.assigneeId === null ? undefined : i.staff.find((s) => s.id === i.ticket.assigneeId);
  const out: Recipient[] = [];
  for (const s of i.staff) {
    if (s.id === i.actorId) continue;
    if (!seesCategory(s, i.ticket.categoryId, i.categoryLinks)) continue;
    const event = audience(i.event, s, assignee && seesCategory(assignee, i.ticket.categoryId, i.categoryLinks) ? assignee : undefined);
    if (!event) continue;
    const p = s.prefs[event];
    const mail = p.mail && (!s.away || PERSONAL.has(event));
    if (mail || p.app) out.push({ userId: s.id, event, mail, app: p.app });
  }
  return out;
}
