// ticket.counts: badges per status and for "mine" / "unassigned" open tickets. Two
// index-friendly aggregates: GROUP BY status_id (the (status_id, …) index) and the
// (assignee_id, status_id) index for the open ones. A later perf issue may add counters.
import { db } from "@/server/db/client";
import type { Actor } from "@/server/domain/actor";
import { isStaff } from "@/server/domain/actor";
import { forbidden } from "@/server/domain/errors";

export async function queueCounts(actor: Actor) {
  if (!isStaff(actor)) throw forbidden("STAFF_ONLY");
  const [byStatus, [mine]] = await Promise.all([
    db().$queryRaw<Array<{ status_id: number; n: bigint }>>`SELECT status_id, count(*) AS n FROM tickets GROUP BY status_id`,
    db().$queryRaw<Array<{ mine: bigint; unassigned: bigint }>>`
      SELECT count(*) FILTER (WHERE assignee_id = ${actor.userId}) AS mine,
             count(*) FILTER (WHERE assignee_id IS NULL) AS unassigned
      FROM tickets WHERE status_id IN (SELECT id FROM statuses WHERE NOT is_closed)`,
  ]);
  const statuses = await db().status.findMany({ select: { id: true, isClosed: true } });
  const closed = new Set(statuses.filter((s) => s.isClosed).map((s) => s.id));
  const perStatus: Record<number, number> = {};
  let open = 0;
  let all = 0;
  for (const r of byStatus) {
    const n = Number(r.n);
    perStatus[r.status_id] = n;
    all += n;
    if (!closed.has(r.status_id)) open += n;
  }
  return { byStatus: perStatus, open, all, mine: Number(mine?.mine ?? 0), unassigned: Number(mine?.unassigned ?? 0) };
}
