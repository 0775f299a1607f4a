// Which tickets a staff member may see — the one decider of category scoping (issue 16):
// ADMIN and MANAGER see every category; an AGENT sees the categories linked to one of their
// teams, plus the categories linked to no team at all (open to every agent, which is also how
// an install without teams keeps working). Every read path asks `staffScope` once and applies
// the result with `inScope` (one ticket) or the SQL clause in server/db/scope-sql.ts (lists).
import type { Actor } from "./actor";
import { isStaff } from "./actor";

/** `all`: no restriction; otherwise exactly these category ids. Non-staff get an empty scope. */
export type Scope = { all: true } | { all: false; categoryIds: number[] };

export type ScopeFacts = {
  /** every category id (archived ones too: their tickets stay readable) */
  categoryIds: number[];
  /** team ↔ category links */
  links: Array<{ teamId: number; categoryId: number }>;
  /** the teams the actor belongs to */
  myTeamIds: number[];
};

export const UNSCOPED: Scope = { all: true };

/** Roles that see every category without asking the teams. */
export function seesEverything(actor: Actor): boolean {
  return actor.kind === "user" && (actor.role === "ADMIN" || actor.role === "MANAGER");
}

export function staffScope(actor: Actor, f: ScopeFacts): Scope {
  if (!isStaff(actor)) return { all: false, categoryIds: [] };
  if (seesEverything(actor)) return UNSCOPED;
  const mine = new Set(f.myTeamIds);
  const linked = new Set(f.links.map((l) => l.categoryId));
  const allowed = new Set(f.links.filter((l) => mine.has(l.teamId)).map((l) => l.categoryId));
  const ids = f.categoryIds.filter((c) => !linked.has(c) || allowed.has(c));
  // every category open to this agent: the cheaper unrestricted plan (no ANY(...) filter)
  return ids.length === f.categoryIds.length ? UNSCOPED : { all: false, categoryIds: ids.sort((a, b) => a - b) };
}

export function inScope(scope: Scope, categoryId: number): boolean {
  return scope.all || scope.categoryIds.includes(categoryId);
}
