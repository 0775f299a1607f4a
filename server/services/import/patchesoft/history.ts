// Ticket history lines (free text in Patchesoft) become audit events "import.history" on the
// ticket, and canned responses become canned replies.
import { eachBatch, inBatch, type ImportContext } from "./context";
import { reconcile, type Planned } from "./reconcile";
import { insertRows, nextIds, unixDate, updateRow } from "./sql";
import { int, str } from "./source";
import { repairText } from "./mojibake";
import { htmlContent } from "./content";

export type HistoryRow = { ticketId: number; actorId: number | null; message: string; createdAt: Date };

export async function importHistory(ctx: ImportContext): Promise<void> {
  await eachBatch(ctx, "ticket_history", "history", ctx.batchSize * 2, async (rows) => {
    const planned: Planned<HistoryRow>[] = [];
    for (const r of rows) {
      const t = ctx.tickets.get(int(r.ticketid));
      if (!t) {
        ctx.summary.skip("history", "orphaned: its ticket is gone");
        continue;
      }
      const actorId = int(r.userid) > 0 ? (ctx.users.get(int(r.userid)) ?? null) : null;
      planned.push({ sourceId: String(r.ID), row: { ticketId: int(r.ticketid), actorId, message: repairText(str(r.message)), createdAt: unixDate(int(r.timestamp)) ?? t.createdAt } });
    }
    await inBatch(ctx, () => reconcile(ctx, "history", planned, historyWriter(ctx)));
  });
}

/** History lines as audit events "import.history" (the history panel shows their text). */
export function historyWriter(ctx: ImportContext) {
  const data = (h: HistoryRow) => JSON.stringify({ message: h.message, source: "patchesoft" });
  return {
    async insert(ps: Planned<HistoryRow>[]) {
      const ids = await nextIds(ctx.pg, "audit_events", ps.length);
      await insertRows(ctx.pg, "audit_events", ["id", "ticket_id", "actor_id", "type", "data", "created_at"],
        ps.map((p, i) => [ids[i], p.row.ticketId, p.row.actorId, "import.history", data(p.row), p.row.createdAt]));
      return ids.map(String);
    },
    update: (id: string, p: Planned<HistoryRow>) => updateRow(ctx.pg, "audit_events", id, { data: data(p.row) }),
  };
}

export async function importCanned(ctx: ImportContext): Promise<void> {
  const rows = await ctx.src.all("canned_responses");
  const planned = rows.map((r) => ({ sourceId: String(r.ID), row: { title: repairText(str(r.title)).slice(0, 200) || `#${r.ID}`, body: htmlContent(r.body).text } }));
  await inBatch(ctx, () =>
    reconcile(ctx, "canned", planned, {
      async insert(ps) {
        const ids = await nextIds(ctx.pg, "canned_replies", ps.length);
        const now = new Date();
        await insertRows(ctx.pg, "canned_replies", ["id", "title", "body", "created_at", "updated_at"], ps.map((p, i) => [ids[i], p.row.title, p.row.body, now, now]));
        return ids.map(String);
      },
      update: (id, p) => updateRow(ctx.pg, "canned_replies", id, { title: p.row.title, body: p.row.body, updated_at: new Date() }),
    }),
  );
}
