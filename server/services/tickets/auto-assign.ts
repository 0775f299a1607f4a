// The assignee of a new ticket, inside its creating transaction (web, API, guest form, mail):
// loads the category's candidates and asks the decider (server/domain/tickets/assignment.ts).
// The category row is locked so two tickets created at once cannot both take the same turn.
import type { Tx } from "@/server/db/client";
import { pickAssignee, type Candidate } from "@/server/domain/tickets/assignment";

type Cat = { id: number; defaultAssigneeId: number | null; assignmentRule: "NONE" | "ROUND_ROBIN" | "FEWEST_OPEN" };

export async function chooseAssignee(tx: Tx, category: Cat): Promise<number | null> {
  if (category.assignmentRule === "NONE") return category.defaultAssigneeId;
  const [row] = await tx.$queryRaw<Array<{ last_assignee_id: number | null }>>`SELECT last_assignee_id FROM categories WHERE id = ${category.id} FOR UPDATE`;
  const candidates = await candidatesOf(tx, category.id);
  const id = pickAssignee({ rule: category.assignmentRule, candidates, defaultAssigneeId: category.defaultAssigneeId, lastAssigneeId: row?.last_assignee_id ?? null });
  if (id !== null) await tx.category.update({ where: { id: category.id }, data: { lastAssigneeId: id } });
  return id;
}

/**
 * The category's agents: active members of the teams linked to it, or — for a category no team
 * has — every active agent (the same rule as scoping: they are exactly who can see it).
 */
async function candidatesOf(tx: Tx, categoryId: number): Promise<Candidate[]> {
  return tx.$queryRaw<Candidate[]>`
    WITH linked AS (SELECT team_id FROM team_categories WHERE category_id = ${categoryId}),
    people AS (
      SELECT u.id, u.away FROM users u
       WHERE u.is_active AND u.role <> 'CUSTOMER'
         AND (EXISTS (SELECT 1 FROM team_members m WHERE m.user_id = u.id AND m.team_id IN (SELECT team_id FROM linked))
              OR (NOT EXISTS (SELECT 1 FROM linked) AND u.role = 'AGENT')))
    SELECT p.id, p.away,
           (SELECT count(*)::int FROM tickets t JOIN statuses s ON s.id = t.status_id WHERE t.assignee_id = p.id AND NOT s.is_closed) AS open
      FROM people p ORDER BY p.id`;
}
