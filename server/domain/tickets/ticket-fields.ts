// Rules of a ticket's priority and category (issue 15.1, 15.2), as pure functions: who may set
// a priority, which categories can hold tickets, how the category tree may be shaped, and
// which categories a queue filter by a parent covers. Services, pages and mail ingest ask these.
import type { Actor } from "../actor";
import { isStaff } from "../actor";
import type { TicketSettings } from "../settings/schema";

/**
 * Staff always; the customer side (signed in, a guest link, or the guest form of a visitor)
 * only when the ticket settings let customers choose. Mail Cc's and the system never do.
 */
export function canSetPriority(actor: Actor, s: Pick<TicketSettings, "customerSetsPriority">): boolean {
  if (isStaff(actor)) return true;
  return s.customerSetsPriority && (actor.kind === "user" || actor.kind === "guest" || actor.kind === "anonymous");
}

/**
 * The priority a new ticket gets: null = the database default (the priority marked default).
 * A priority the actor may not set is refused, not dropped: "PRIORITY_NOT_ALLOWED".
 */
export function priorityForNewTicket(actor: Actor, s: Pick<TicketSettings, "customerSetsPriority">, requested: number | undefined): number | null | "PRIORITY_NOT_ALLOWED" {
  if (requested === undefined) return null;
  return canSetPriority(actor, s) ? requested : "PRIORITY_NOT_ALLOWED";
}

export type CategoryFacts = { id: number; parentId: number | null; noTickets: boolean; archived: boolean };

/** Why a ticket cannot be filed under this category, or null when it can. */
export function categoryRejection(c: CategoryFacts | undefined, all: CategoryFacts[]): "UNKNOWN_CATEGORY" | "CATEGORY_NEEDS_CHILD" | null {
  if (!c || c.archived) return "UNKNOWN_CATEGORY";
  if (c.parentId !== null) {
    const parent = all.find((p) => p.id === c.parentId);
    if (!parent || parent.archived) return "UNKNOWN_CATEGORY";
  }
  if (c.noTickets && all.some((x) => x.parentId === c.id && !x.archived)) return "CATEGORY_NEEDS_CHILD";
  return null;
}

/** Why `id` cannot get `parentId` as its parent (one level only), or null. */
export function parentRejection(id: number | null, parentId: number | null, all: CategoryFacts[]): "CATEGORY_DEPTH" | "UNKNOWN_CATEGORY" | null {
  if (parentId === null) return null;
  const parent = all.find((p) => p.id === parentId);
  if (!parent) return "UNKNOWN_CATEGORY";
  if (parent.id === id || parent.parentId !== null) return "CATEGORY_DEPTH";
  if (id !== null && all.some((x) => x.parentId === id)) return "CATEGORY_DEPTH";
  return null;
}

/** The category ids a queue filter by `id` covers: the category and, for a parent, its children. */
export function categoryFilterIds(id: number, all: Array<Pick<CategoryFacts, "id" | "parentId">>): number[] {
  return [id, ...all.filter((c) => c.parentId === id).map((c) => c.id)];
}

export type TreeNode<T> = T & { children: T[] };

/** Categories grouped for pickers: parents in order, each with its children in order. */
export function groupCategories<T extends { id: number; parentId: number | null }>(rows: T[]): Array<TreeNode<T>> {
  const ids = new Set(rows.map((r) => r.id));
  // a child whose parent is not in the list (archived) is shown at the top level
  const top = rows.filter((r) => r.parentId === null || !ids.has(r.parentId));
  return top.map((p) => ({ ...p, children: rows.filter((c) => c.parentId === p.id) }));
}
