// Loads the facts the notification decider needs (active staff with their teams, away flags and
// preferences; the teams of the ticket's category) and asks it (server/domain/notifications/
// recipients.ts) who gets a mail and who an in-app row. Scoping is the decider's, not ours.
import type { Tx } from "@/server/db/client";
import type { Actor } from "@/server/domain/actor";
import { STAFF_ROLES, type Role } from "@/server/domain/actor";
import { readPrefs } from "@/server/domain/notifications/prefs";
import { notificationRecipients, type Recipient, type StaffFacts, type TicketEvent } from "@/server/domain/notifications/recipients";
import type { EnqueueContext } from "./enqueue";

type StaffPerson = { id: number; email: string; name: string; locale: string };
type StaffRow = StaffFacts & StaffPerson;

// The active staff, read once per context (an ingest run passes one context for all its mails).
const staffMemo = new WeakMap<EnqueueContext, StaffRow[]>();

async function activeStaff(tx: Tx, ctx: EnqueueContext): Promise<StaffRow[]> {
  let staff = staffMemo.get(ctx);
  if (!staff) {
    // one statement with the teams (issue 21: the model call took two)
    const rows = await tx.$queryRawUnsafe<Array<{ id: number; email: string; name: string; locale: string; role: Role; away: boolean; notify_prefs: unknown; team_ids: number[] }>>(
      `SELECT u.id, u.email, u.name, u.locale, u.role::text AS role, u.away, u.notify_prefs,
              coalesce((SELECT array_agg(m.team_id ORDER BY m.team_id) FROM team_members m WHERE m.user_id = u.id), '{}') AS team_ids
         FROM users u WHERE u.is_active AND u.role = ANY($1::"Role"[]) ORDER BY u.id LIMIT 500`,
      [...STAFF_ROLES],
    );
    staff = rows.map((r) => ({ id: r.id, email: r.email, name: r.name, locale: r.locale, role: r.role, away: r.away, prefs: readPrefs(r.notify_prefs), teamIds: r.team_ids }));
    staffMemo.set(ctx, staff);
  }
  return staff;
}

export type StaffRecipientRow = Recipient & { person: StaffPerson };

/** Who hears about `event` on the ticket, with their address and name for the mail. */
export async function staffRecipients(tx: Tx, ctx: EnqueueContext, t: { categoryId: number; assigneeId: number | null }, event: TicketEvent, actor: Actor): Promise<StaffRecipientRow[]> {
  const staff = await activeStaff(tx, ctx);
  const categoryLinks = await tx.$queryRawUnsafe<Array<{ teamId: number; categoryId: number }>>(
    `SELECT team_id AS "teamId", category_id AS "categoryId" FROM team_categories WHERE category_id = $1::int`, t.categoryId);
  const byId = new Map(staff.map((s) => [s.id, s]));
  const actorId = actor.kind === "user" ? actor.userId : null;
  return notificationRecipients({ event, ticket: t, actorId, staff, categoryLinks }).map((r) => ({ ...r, person: byId.get(r.userId)! }));
}
