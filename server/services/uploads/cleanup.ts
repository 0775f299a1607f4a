// /cron/cleanup: what an abandoned form or a crashed ingest run leaves behind (ASVS 5.0 V5.2.4).
//  - uploads never attached to a ticket or reply, 24 h after the upload: the rows go in one
//    statement that also decides which (so a claim racing with it either wins — the row has a
//    ticket now and is kept — or finds the row gone and reports UNKNOWN_ATTACHMENT), and then
//    their bytes through the storage interface;
//  - entries of DATA_DIR/spool (large mails being parsed) untouched for 24 h — a run lives
//    seconds, so only a crashed run's leftovers are that old.
import fs from "node:fs/promises";
import path from "node:path";
import { pgPool } from "@/server/db/pg-pool";
import { dataDir } from "@/server/env";
import { logger } from "@/server/logger";
import { storage } from "@/server/platform/storage/storage";

export const CLEANUP_AFTER_MS = 24 * 60 * 60 * 1000;
const BATCH = 500;
/** one run's bound; the next run goes on where it stopped */
const MAX_BATCHES = 20;

async function removeUnclaimedUploads(before: Date): Promise<number> {
  let removed = 0;
  for (let i = 0; i < MAX_BATCHES; i++) {
    const { rows } = await pgPool().query<{ storage_key: string }>({
      text: `WITH gone AS (
               SELECT id FROM attachments
                WHERE ticket_id IS NULL AND message_id IS NULL AND created_at < $1
                ORDER BY created_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
             DELETE FROM attachments a USING gone WHERE a.id = gone.id RETURNING a.storage_key`,
      values: [before],
    });
    for (const r of rows) {
      await storage().delete(r.storage_key).catch((e) => logger.warn("cleanup: could not delete an upload's bytes", { key: r.storage_key, error: String(e) }));
    }
    removed += rows.length;
    if (rows.length < BATCH) break;
  }
  return removed;
}

async function removeStaleSpool(before: Date): Promise<number> {
  const root = path.join(dataDir(), "spool");
  let removed = 0;
  for (const name of await fs.readdir(root).catch(() => [] as string[])) {
    const entry = path.join(root, name);
    const st = await fs.lstat(entry).catch(() => null);
    if (!st || st.mtimeMs >= before.getTime()) continue;
    await fs.rm(entry, { recursive: true, force: true }).then(() => (removed += 1), () => {});
  }
  return removed;
}

export async function runCleanup(now = Date.now()): Promise<{ uploads: number; spool: number }> {
  const before = new Date(now - CLEANUP_AFTER_MS);
  return { uploads: await removeUnclaimedUploads(before), spool: await removeStaleSpool(before) };
}
