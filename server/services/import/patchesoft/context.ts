// State shared by the steps of one import run: the target connection (a transaction per
// batch), dry-run, the id maps filled step by step, and the summary.
import type pg from "pg";
import { int, type PatchesoftSource, type Row } from "./source";
import { Progress } from "./progress";
import type { ImportSummary } from "./summary";
import type { ProgressSink } from "./progress";

/** A Patchesoft custom field as defined here, with its source name (for the summary). */
export type ImportedField = FieldDef & { name: string };
import type { FieldDef } from "@/server/domain/tickets/custom-fields";

export const SOURCE = "patchesoft";

export type ImportContext = {
  src: PatchesoftSource;
  pg: pg.PoolClient;
  dryRun: boolean;
  filesDir: string | null;
  summary: ImportSummary;
  progress: ProgressSink;
  batchSize: number;
  signal?: AbortSignal;
  /** source user id → user id here (placeholders for deleted users included) */
  users: Map<number, number>;
  /** source user id → role here, for "may this one be an assignee" */
  roles: Map<number, "CUSTOMER" | "AGENT" | "MANAGER" | "ADMIN">;
  /** lower-cased guest address → user id here */
  guests: Map<string, number>;
  categories: Map<number, number>;
  statuses: Map<number, number>;
  closedStatuses: Set<number>;
  /** Patchesoft priority number (0 low … 3 urgent) → priority id here */
  priorities: Map<number, number>;
  /** source custom field id → its definition here (custom-fields.ts) */
  fields: Map<number, ImportedField>;
  /** imported ticket numbers → their requester here and their date (zero-date fallbacks) */
  tickets: Map<number, { requesterId: number; createdAt: Date }>;
  replies: Map<number, number>;
  /** a negative id per row a dry run would create (nothing is written) */
  fakeId: () => number;
};

/** Runs `fn` in one transaction (a batch), or without writing anything on a dry run. */
export async function inBatch<T>(ctx: ImportContext, fn: () => Promise<T>): Promise<T> {
  if (ctx.signal?.aborted) throw new Error("import interrupted");
  if (ctx.dryRun) return fn();
  await ctx.pg.query("BEGIN");
  try {
    const out = await fn();
    await ctx.pg.query("COMMIT");
    return out;
  } catch (e) {
    await ctx.pg.query("ROLLBACK").catch(() => {});
    throw e;
  }
}

/** Walks a source table in ID order, `size` rows at a time, with the progress line. */
export async function eachBatch(ctx: ImportContext, table: string, label: string, size: number, fn: (rows: Row[]) => Promise<void>): Promise<void> {
  const progress = new Progress(label, await ctx.src.count(table), ctx.progress);
  for (let after = 0; ; ) {
    const rows = await ctx.src.batch(table, after, size);
    if (!rows.length) break;
    after = int(rows[rows.length - 1]!.ID);
    await fn(rows);
    progress.add(rows.length);
  }
}
