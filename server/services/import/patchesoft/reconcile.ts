// The rerun rule of every entity: a source row already in the import map with the same
// checksum is left alone, a changed one is updated in place, a new one is inserted — and the
// map row is written in the same transaction, so an interrupted run resumes where it stopped.
import crypto from "node:crypto";
import { SOURCE, type ImportContext } from "./context";

export type Planned<T> = { sourceId: string; row: T; data?: unknown };
export type Writer<T> = {
  /** inserts the rows; returns their ids here, in the same order */
  insert(rows: Planned<T>[]): Promise<string[]>;
  update(targetId: string, p: Planned<T>): Promise<void>;
};

const checksum = (p: Planned<unknown>) =>
  crypto.createHash("sha1").update(JSON.stringify([p.row, p.data ?? null])).digest("hex");

export async function loadMap(ctx: ImportContext, entity: string, sourceIds: string[]): Promise<Map<string, { targetId: string; checksum: string }>> {
  if (!sourceIds.length) return new Map();
  const r = await ctx.pg.query<{ source_id: string; target_id: string; checksum: string }>(
    "SELECT source_id, target_id, checksum FROM import_map WHERE source = $1 AND entity = $2 AND source_id = ANY($3::text[])",
    [SOURCE, entity, sourceIds],
  );
  return new Map(r.rows.map((x) => [x.source_id, { targetId: x.target_id, checksum: x.checksum }]));
}

async function saveMap(ctx: ImportContext, entity: string, rows: Array<{ sourceId: string; targetId: string; checksum: string; data: unknown }>) {
  if (!rows.length) return;
  await ctx.pg.query(
    `INSERT INTO import_map (source, entity, source_id, target_id, checksum, data)
     SELECT $1, $2, s, t, c, d::jsonb FROM unnest($3::text[], $4::text[], $5::text[], $6::text[]) AS u(s, t, c, d)
     ON CONFLICT (source, entity, source_id) DO UPDATE SET target_id = EXCLUDED.target_id, checksum = EXCLUDED.checksum, data = EXCLUDED.data, updated_at = now()`,
    [SOURCE, entity, rows.map((r) => r.sourceId), rows.map((r) => r.targetId), rows.map((r) => r.checksum), rows.map((r) => (r.data === undefined ? null : JSON.stringify(r.data)))],
  );
}

/** Applies the rule to one batch; returns source id → id here for every planned row. */
export async function reconcile<T>(ctx: ImportContext, entity: string, planned: Planned<T>[], w: Writer<T>): Promise<Map<string, string>> {
  const counts = ctx.summary.of(entity);
  const known = await loadMap(ctx, entity, planned.map((p) => p.sourceId));
  const out = new Map<string, string>();
  const fresh: Planned<T>[] = [];
  const toMap: Array<{ sourceId: string; targetId: string; checksum: string; data: unknown }> = [];
  for (const p of planned) {
    const sum = checksum(p);
    const k = known.get(p.sourceId);
    if (!k) {
      fresh.push(p);
      continue;
    }
    out.set(p.sourceId, k.targetId);
    if (k.checksum === sum) counts.unchanged++;
    else {
      counts.updated++;
      if (!ctx.dryRun) await w.update(k.targetId, p);
      toMap.push({ sourceId: p.sourceId, targetId: k.targetId, checksum: sum, data: p.data });
    }
  }
  const ids = ctx.dryRun ? fresh.map(() => String(ctx.fakeId())) : fresh.length ? await w.insert(fresh) : [];
  fresh.forEach((p, i) => {
    out.set(p.sourceId, ids[i]!);
    toMap.push({ sourceId: p.sourceId, targetId: ids[i]!, checksum: checksum(p), data: p.data });
  });
  counts.imported += fresh.length;
  if (!ctx.dryRun) await saveMap(ctx, entity, toMap);
  return out;
}
