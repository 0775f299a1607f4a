// Reports: created vs closed per day, first-response and resolution time (median, p90 via
// percentile_cont), ratings distribution and average per agent — all in SQL, over [from, to).
// Days are UTC calendar days.
import { readDb } from "@/server/db/replica";
import type { Actor } from "@/server/domain/actor";
import { badRequest } from "@/server/domain/errors";
import { assertStaff } from "@/server/services/tickets/staff-write";
import { Prisma } from "@/server/generated/prisma/client";
import { andScope } from "@/server/db/scope-sql";
import { loadScope } from "@/server/services/scope/staff-scope";
import { csvLine } from "./csv-cell";

export type ReportRange = { from: Date; to: Date };
const MAX_DAYS = 366;

export async function ticketReport(actor: Actor, r: ReportRange) {
  assertStaff(actor);
  const days = Math.round((r.to.getTime() - r.from.getTime()) / 86_400_000);
  if (days < 1 || days > MAX_DAYS) throw badRequest("INVALID_RANGE");
  const q = readDb(); // a replica when configured (server/db/replica.ts)
  // a scoped agent's report covers the categories of their scope only (issue 16)
  const scope = await loadScope(actor);
  const [inT, inRow] = [andScope(scope), andScope(scope, Prisma.sql`category_id`)];
  const [perDay, times, ratings, agents] = await Promise.all([
    q.$queryRaw<Array<{ day: Date; created: bigint; closed: bigint }>>`
      SELECT d.day,
        (SELECT count(*) FROM tickets t WHERE t.created_at >= d.day AND t.created_at < d.day + interval '1 day'${inT}) AS created,
        (SELECT count(*) FROM tickets t WHERE t.closed_at >= d.day AND t.closed_at < d.day + interval '1 day'${inT}) AS closed
      FROM generate_series(${r.from}::timestamptz AT TIME ZONE 'UTC', ${r.to}::timestamptz AT TIME ZONE 'UTC' - interval '1 day', interval '1 day') AS g(ts)
      CROSS JOIN LATERAL (SELECT (g.ts AT TIME ZONE 'UTC')::timestamp AS day) d
      ORDER BY d.day`,
    q.$queryRaw<Array<{ kind: string; n: bigint; median: number | null; p90: number | null }>>`
      SELECT 'firstResponse' AS kind, count(*) AS n,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_response_at - created_at)) AS median,
        percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM first_response_at - created_at)) AS p90
      FROM tickets WHERE created_at >= ${r.from} AND created_at < ${r.to} AND first_response_at IS NOT NULL${inRow}
      UNION ALL
      SELECT 'resolution', count(*),
        percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM closed_at - created_at)),
        percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM closed_at - created_at))
      FROM tickets WHERE closed_at >= ${r.from} AND closed_at < ${r.to}${inRow}`,
    q.$queryRaw<Array<{ rating: number; n: bigint }>>`
      SELECT rating, count(*) AS n FROM tickets WHERE rated_at >= ${r.from} AND rated_at < ${r.to} AND rating IS NOT NULL${inRow} GROUP BY rating ORDER BY rating`,
    q.$queryRaw<Array<{ id: number | null; name: string | null; n: bigint; avg: number }>>`
      SELECT u.id, u.name, count(*) AS n, avg(t.rating)::float8 AS avg
      FROM tickets t LEFT JOIN users u ON u.id = t.assignee_id
      WHERE t.rated_at >= ${r.from} AND t.rated_at < ${r.to} AND t.rating IS NOT NULL${inT}
      GROUP BY u.id, u.name ORDER BY avg DESC, n DESC`,
  ]);
  const time = (k: string) => {
    const x = times.find((t) => t.kind === k);
    return { count: Number(x?.n ?? 0), medianSeconds: x?.median == null ? null : Math.round(Number(x.median)), p90Seconds: x?.p90 == null ? null : Math.round(Number(x.p90)) };
  };
  const dist = new Map(ratings.map((x) => [x.rating, Number(x.n)]));
  return {
    range: { from: r.from, to: r.to },
    perDay: perDay.map((d) => ({ day: toDay(d.day), created: Number(d.created), closed: Number(d.closed) })),
    firstResponse: time("firstResponse"),
    resolution: time("resolution"),
    ratings: [1, 2, 3, 4, 5].map((rating) => ({ rating, count: dist.get(rating) ?? 0 })),
    perAgent: agents.map((a) => ({ agentId: a.id, name: a.name, count: Number(a.n), average: Math.round(a.avg * 100) / 100 })),
  };
}

const toDay = (d: Date) => d.toISOString().slice(0, 10);

export type TicketReport = Awaited<ReturnType<typeof ticketReport>>;

/** The same numbers as CSV sections (RFC 4180 quoting, formulas neutralized: csv-cell.ts). */
export function reportCsv(rep: TicketReport): string {
  const lines: unknown[][] = [
    ["section", "key", "value1", "value2", "value3"],
    ...rep.perDay.map((d) => ["per_day", d.day, d.created, d.closed, ""]),
    ["first_response", "seconds", rep.firstResponse.medianSeconds, rep.firstResponse.p90Seconds, rep.firstResponse.count],
    ["resolution", "seconds", rep.resolution.medianSeconds, rep.resolution.p90Seconds, rep.resolution.count],
    ...rep.ratings.map((x) => ["rating", x.rating, x.count, "", ""]),
    ...rep.perAgent.map((a) => ["agent_rating", a.name ?? "", a.average, a.count, ""]),
  ];
  return lines.map(csvLine).join("\r\n") + "\r\n";
}
