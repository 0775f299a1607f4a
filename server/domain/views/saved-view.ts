// Saved queue views (issue 16.4): the stored shape of a view's filters, sort and column (the
// queue's URL parameters, app/(staff)/staff/_queue/queue-params.ts, without the cursor), the
// filter it stands for, and who may do what with one. Pure.
import { z } from "zod";
import type { Actor } from "../actor";
import { isStaff, isAdmin } from "../actor";

const pos = z.number().int().positive();
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const viewParams = z.object({
  q: z.string().max(200).optional(),
  status: z.union([z.literal("open"), z.literal("all"), pos]).default("open"),
  category: pos.optional(),
  /** "me" is the viewer at query time: a shared "mine" view shows each viewer their own tickets */
  assignee: z.union([z.enum(["any", "me", "unassigned"]), pos]).default("any"),
  requester: z.string().max(254).optional(),
  from: day.optional(),
  to: day.optional(),
  priority: pos.optional(),
  sort: z.literal("priority").optional(),
  field: pos.optional(),
  fv: z.string().max(200).optional(),
  col: pos.optional(),
}).strip();
export type ViewParams = z.infer<typeof viewParams>;

export const viewName = z.string().trim().min(1, "REQUIRED").max(60, "TOO_LONG");

/** An agent keeps at most this many views of their own. */
export const MAX_OWN_VIEWS = 50;
/** Counts are computed for this many pinned views at most (the side list shows no more). */
export const MAX_COUNTED = 12;
/** A view's badge counts up to this many tickets ("999+"), like the urgent badge. */
export const VIEW_COUNT_CAP = 1000;

/** The queue filter of a view (the service adds the viewer's scope). `to` is inclusive (UTC). */
export function viewFilter(p: ViewParams) {
  return {
    search: p.q,
    ...(p.status === "open" ? { open: true } : p.status === "all" ? {} : { statusId: p.status }),
    categoryId: p.category,
    assignee: p.assignee,
    requester: p.requester,
    from: p.from ? new Date(`${p.from}T00:00:00Z`) : undefined,
    to: p.to ? new Date(Date.parse(`${p.to}T00:00:00Z`) + 86_400_000) : undefined,
    priorityId: p.priority,
    ...(p.field && p.fv ? { fieldId: p.field, fieldValue: p.fv } : {}),
  };
}

type ViewFacts = { ownerId: number; teamIds: number[] };

/** Admins and managers share views with teams (agents keep theirs private). */
export function canShareViews(actor: Actor): boolean {
  return actor.kind === "user" && (actor.role === "ADMIN" || actor.role === "MANAGER");
}

/** The owner sees a view, and so does a member of a team it is shared with. */
export function canSeeView(actor: Actor, v: ViewFacts, myTeamIds: number[]): boolean {
  if (!isStaff(actor)) return false;
  return v.ownerId === actor.userId || v.teamIds.some((t) => myTeamIds.includes(t));
}

/** Renaming, re-filtering, sharing and deleting: the owner; an admin may tidy any shared view. */
export function canEditView(actor: Actor, v: ViewFacts): boolean {
  if (!isStaff(actor)) return false;
  return v.ownerId === actor.userId || (isAdmin(actor) && v.teamIds.length > 0);
}
