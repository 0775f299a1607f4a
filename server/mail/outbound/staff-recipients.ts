// Loads the facts the notification decider needs (active staff with their teams, away flags and
// preferences; the teams of the ticket's category) and asks it (server/domain/notifications/
// recipients.ts) who gets a mail and who an in-app row. Scoping is the decider's, not ours.
import type { Tx } from "@/server/db/client";
import type { Actor } from "@/server/domain/actor";
import { STAFF_ROLES } from "@/server/domain/actor";
import { readPrefs } from "@/server/domain/notifications/prefs";
import { notificationRecipients, type Recipient, type StaffFacts, type TicketEvent } from "@/server/domain/notifications/recipients";
import type { EnqueueContext } from "./enqueue";

const staffSelect = { id: true, email: true, name: true, locale: true, notifyPrefs: true, role: true, away: true, teamMemberships: { select: { teamId: true } } } as const;
type StaffPerson = { id: number; email: string; name: string; locale: string };
type StaffRow = StaffFacts & StaffPerson;

// The active staff, read once per context (an ingest run passes one context for all its mails).
const staffMemo = new WeakMap<EnqueueContext, StaffRow[]>();

async function activeStaff(tx: Tx, ctx: EnqueueContext): Promise<StaffRow[]> {
  let staff = staffMemo.get(ctx);
  if (!staff) {
    const rows = await tx.user.findMany({ where: { isActive: true, role: { in: [...STAFF_ROLES] } }, select: staffSelect, orderBy: { id: "asc" }, take: 500 });
    staff = rows.map((r) => ({ id: r.id, email: r.email, name: r.name, locale: r.locale, role: r.role, away: r.away, prefs: readPrefs(r.notifyPrefs), teamIds: r.teamMemberships.map((m) => m.teamId) }));
    staffMemo.set(ctx, staff);
  }
  return staff;
}

export type StaffRecipientRow = Recipient & { person: StaffPerson };

/** Who hears about `event` on the ticket, with their address and name for the mail. */
export async function staffRecipients(tx: Tx, ctx: EnqueueContext, t: { categoryId: number; assigneeId: number | null }, event: TicketEvent, actor: Actor): Promise<StaffRecipientRow[]> {
  const staff = await activeStaff(tx, ctx);
  const categoryLinks = await tx.teamCategory.findMany({ where: { categoryId: t.categoryId }, select: { teamId: true, categoryId: true } });
  const byId = new Map(staff.map((s) => [s.id, s]));
  const actorId = actor.kind === "user" ? actor.userId : null;
  return notificationRecipients({ event, ticket: t, actorId, staff, categoryLinks }).map((r) => ({ ...r, person: byId.get(r.userId)! }));
}
