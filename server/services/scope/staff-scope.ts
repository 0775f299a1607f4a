// Loads the facts of category scoping (categories, team links, the actor's teams) in one small
// statement and asks the decider (server/domain/scope.ts). Admins and managers cost nothing.
// Every staff read path calls this and then `inScope` (one ticket) or `scopeSql` (a list).
import { pgPool } from "@/server/db/pg-pool";
import type { Actor } from "@/server/domain/actor";
import { isStaff } from "@/server/domain/actor";
import { notFound } from "@/server/domain/errors";
import { inScope, seesEverything, staffScope, UNSCOPED, type Scope } from "@/server/domain/scope";

type Row = { cats: number[] | null; links: Array<{ t: number; c: number }> | null; mine: number[] | null };

export async function loadScope(actor: Actor): Promise<Scope> {
  if (!isStaff(actor)) return { all: false, categoryIds: [] };
  if (seesEverything(actor)) return UNSCOPED;
  const { rows } = await pgPool().query<Row>({
    name: "staff-scope-1",
    text: `SELECT (SELECT array_agg(id) FROM categories) AS cats,
                  (SELECT json_agg(json_build_object('t', team_id, 'c', category_id)) FROM team_categories) AS links,
                  (SELECT array_agg(team_id) FROM team_members WHERE user_id = $1) AS mine`,
    values: [actor.userId],
  });
  const r = rows[0]!;
  return staffScope(actor, { categoryIds: r.cats ?? [], links: (r.links ?? []).map((l) => ({ teamId: l.t, categoryId: l.c })), myTeamIds: r.mine ?? [] });
}

/**
 * For a staff read of one ticket: a ticket outside the actor's scope answers NOT_FOUND, like a
 * ticket that does not exist, so ids of foreign categories reveal nothing. Non-staff pass
 * through (their own rules decide).
 */
export async function assertTicketInScope(actor: Actor, categoryId: number): Promise<void> {
  if (!isStaff(actor) || seesEverything(actor)) return;
  if (!inScope(await loadScope(actor), categoryId)) throw notFound("TICKET_NOT_FOUND");
}
