// Badges of the pinned saved views (issue 16.4). A view can filter on anything (search, a
// custom field, a requester), so no counter table can answer it; instead each pinned view is
// counted with the queue's own WHERE (queueConditions + custom field + the VIEWER's scope, never
// the author's) and capped: the count stops at VIEW_COUNT_CAP rows ("999+"), so a badge costs at
// most that many index entries whatever the table size. All pinned views (at most MAX_COUNTED)
// go in one statement, one round trip; the client asks for them separately from the page, so a
// slow count never holds the queue back.
import { Prisma } from "@/server/generated/prisma/client";
import { readPool } from "@/server/db/replica";
import { db } from "@/server/db/client";
import type { Actor } from "@/server/domain/actor";
import { scopeSql } from "@/server/db/scope-sql";
import { canSeeView, MAX_COUNTED, VIEW_COUNT_CAP, viewFilter, viewParams } from "@/server/domain/views/saved-view";
import { loadScope } from "@/server/services/scope/staff-scope";
import { fieldCondition } from "@/server/services/tickets/list-queue";
import { queueConditions } from "@/server/db/sql/queue";
import { assertStaff } from "@/server/services/tickets/staff-write";
import { myTeamIds } from "./saved-views";

/** `{ [viewId]: n }` for my pinned views; n === VIEW_COUNT_CAP means "at least that many". */
export async function viewCounts(a: Actor): Promise<Record<number, number>> {
  assertStaff(a);
  const pins = await db().savedViewPin.findMany({ where: { userId: a.userId }, include: { view: true }, orderBy: { position: "asc" }, take: MAX_COUNTED });
  const teams = await myTeamIds(a);
  const scoped = scopeSql(await loadScope(a));
  const parts: Prisma.Sql[] = [];
  const ids: number[] = [];
  for (const { view } of pins) {
    if (!canSeeView(a, view, teams)) continue; // unshared since it was pinned
    const parsed = viewParams.safeParse(view.params);
    if (!parsed.success) continue;
    const f = viewFilter(parsed.data);
    const w = queueConditions(a.userId, f);
    const field = await fieldCondition(f);
    if (field === "none") w.push(Prisma.sql`false`);
    else if (field) w.push(field);
    if (scoped) w.push(scoped);
    const where = w.length ? Prisma.sql`WHERE ${Prisma.join(w, " AND ")}` : Prisma.empty;
    parts.push(Prisma.sql`(SELECT count(*) FROM (SELECT 1 FROM tickets t ${where} LIMIT ${VIEW_COUNT_CAP}) x)::int`);
    ids.push(view.id);
  }
  if (!parts.length) return {};
  const sql = Prisma.sql`SELECT ARRAY[${Prisma.join(parts)}] AS n`;
  const { rows } = await readPool().query<{ n: number[] }>({ text: sql.text, values: sql.values as unknown[] });
  return Object.fromEntries(ids.map((id, i) => [id, rows[0]?.n[i] ?? 0]));
}
