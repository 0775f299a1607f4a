// import:patchesoft — the whole run in dependency order. Every step reads all of its source
// rows and lets reconcile.ts decide (insert / update / leave alone), one transaction per batch,
// so a rerun changes nothing that did not change and an interrupted run resumes. A dry run
// reads and maps everything and writes nothing.
import { pgPool } from "@/server/db/pg-pool";
import { PatchesoftSource } from "./source";
import { ImportSummary } from "./summary";
import type { ProgressSink } from "./progress";
import type { ImportContext } from "./context";
import { importUsers } from "./users";
import { importCategories, importStatuses } from "./taxonomy";
import { importTickets } from "./tickets";
import { importPriorities } from "./priorities";
import { importCustomFields } from "./custom-fields";
import { importReplies } from "./replies";
import { importFiles } from "./files";
import { importCanned, importHistory } from "./history";
import { importSettings } from "./settings";
import { importKnowledgeBase } from "./kb";

export type ImportOptions = {
  mysqlUrl: string;
  filesDir?: string | null;
  dryRun?: boolean;
  progress?: ProgressSink;
  batchSize?: number;
  /** stops the run between two batches (tests use it to interrupt an import) */
  signal?: AbortSignal;
};

export type ImportResult = { summary: ImportSummary; seconds: number; tickets: number; dryRun: boolean };

async function fallbacks(ctx: ImportContext) {
  // what a ticket gets when its category or status id points nowhere
  const cat = await ctx.pg.query<{ id: number }>("SELECT id FROM categories WHERE archived_at IS NULL ORDER BY sort_order, id LIMIT 1");
  const st = await ctx.pg.query<{ id: number }>("SELECT id FROM statuses ORDER BY is_default DESC, sort_order, id LIMIT 1");
  ctx.categories.set(-1, ctx.categories.values().next().value ?? cat.rows[0]!.id);
  ctx.statuses.set(-1, st.rows[0]!.id);
}

export async function runPatchesoftImport(o: ImportOptions): Promise<ImportResult> {
  const started = Date.now();
  const src = await PatchesoftSource.open(o.mysqlUrl);
  const client = await pgPool().connect();
  let fake = 0;
  const ctx: ImportContext = {
    src, pg: client, dryRun: !!o.dryRun, filesDir: o.filesDir ?? null, summary: new ImportSummary(), progress: o.progress ?? (() => {}),
    batchSize: o.batchSize ?? 500, signal: o.signal, users: new Map(), roles: new Map(), guests: new Map(), categories: new Map(),
    statuses: new Map(), closedStatuses: new Set(), priorities: new Map(), fields: new Map(), tickets: new Map(), replies: new Map(), fakeId: () => --fake,
  };
  try {
    await importUsers(ctx);
    await importCategories(ctx);
    await importStatuses(ctx);
    await importPriorities(ctx);
    await importCustomFields(ctx);
    await fallbacks(ctx);
    await importTickets(ctx);
    await importReplies(ctx);
    await importFiles(ctx);
    await importHistory(ctx);
    await importCanned(ctx);
    await importKnowledgeBase(ctx);
    await importSettings(ctx, Math.max(0, ...ctx.tickets.keys()));
  } finally {
    client.release();
    await src.close();
  }
  return { summary: ctx.summary, seconds: (Date.now() - started) / 1000, tickets: ctx.tickets.size, dryRun: ctx.dryRun };
}
