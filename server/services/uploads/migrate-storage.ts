// `storage:migrate`: copies every file of the local upload folder into the bucket. Safe to run
// while the app serves (the S3 driver reads keys it lacks from the local folder meanwhile, see
// storage.ts) and to run again: a key already in the bucket with the same size is skipped.
import path from "node:path";
import type { LocalDiskStorage } from "@/server/platform/storage/local-disk";
import type { FileStorage } from "@/server/platform/storage/storage";

export type MigrateSummary = { copied: number; skipped: number; failed: string[]; removedLocal: number };

/** Copies in parallel, a few at a time: enough to fill the link, not to exhaust sockets. */
const PARALLEL = 4;

export async function migrateStorage(from: LocalDiskStorage, to: FileStorage, opts: { removeLocal?: boolean; log?: (s: string) => void } = {}): Promise<MigrateSummary> {
  const sum: MigrateSummary = { copied: 0, skipped: 0, failed: [], removedLocal: 0 };
  const copyOne = async (key: string) => {
    try {
      const local = await from.stat(key);
      if (!local) return; // deleted meanwhile
      const remote = await to.stat(key);
      if (remote?.size === local.size) sum.skipped += 1;
      else {
        await to.putFile(key, path.join(from.root, key));
        const after = await to.stat(key);
        if (after?.size !== local.size) throw new Error(`size after copy ${after?.size ?? "none"}, expected ${local.size}`);
        sum.copied += 1;
      }
      if (opts.removeLocal) {
        await from.delete(key);
        sum.removedLocal += 1;
      }
    } catch (e) {
      sum.failed.push(key);
      opts.log?.(`failed: ${key}: ${(e as Error)?.message ?? e}`);
    }
  };
  const running = new Set<Promise<void>>();
  for await (const key of from.keys()) {
    const p = copyOne(key).finally(() => running.delete(p));
    running.add(p);
    if (running.size >= PARALLEL) await Promise.race(running);
  }
  await Promise.all(running);
  return sum;
}
