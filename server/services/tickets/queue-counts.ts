// ticket.counts: badges per status and for "mine" / "unassigned" open tickets, read from the
// counter tables instead of counting a million tickets: a sum over a few hundred rows, through
// the plain pg pool (statements in server/db/sql/counts.ts). A scoped agent's badges come from
// the per-category counters, limited to the categories of their scope.
import { readPool } from "@/server/db/replica";
import type { Actor } from "@/server/domain/actor";
import { isStaff } from "@/server/domain/actor";
import { forbidden } from "@/server/domain/errors";
import { loadScope } from "@/server/services/scope/staff-scope";
import { COUNTS_SQL, SCOPED_COUNTS_SQL, SCOPED_URGENT_OPEN_SQL, URGENT_OPEN_SQL, type CountsRow } from "@/server/db/sql/counts";

export { URGENT_CAP } from "@/server/db/sql/counts";

/** Open urgent tickets, counted up to URGENT_CAP; a scoped agent counts only their categories'. */
async function urgentOpen(categoryIds: number[] | null) {
  const { rows } = categoryIds ? await readPool().query<{ n: string }>(SCOPED_URGENT_OPEN_SQL, [categoryIds]) : await readPool().query<{ n: string }>(URGENT_OPEN_SQL);
  return Number(rows[0]?.n ?? 0);
}

export async function queueCounts(actor: Actor) {
  if (!isStaff(actor)) throw forbidden("STAFF_ONLY");
  const scope = await loadScope(actor);
  const { rows } = scope.all
    ? await readPool().query<CountsRow>(COUNTS_SQL, [actor.userId])
    : await readPool().query<CountsRow>(SCOPED_COUNTS_SQL, [actor.userId, scope.categoryIds]);
  const byStatus: Record<number, number> = {};
  let open = 0, all = 0, mine = 0, unassigned = 0;
  for (const r of rows) {
    const n = Number(r.n);
    if (n === 0) continue;
    byStatus[r.status_id] = n;
    all += n;
    if (!r.is_closed) {
      open += n;
      mine += Number(r.mine ?? 0);
      unassigned += Number(r.unassigned ?? 0);
    }
  }
  return { byStatus, open, all, mine, unassigned, urgent: await urgentOpen(scope.all ? null : scope.categoryIds) };
}
