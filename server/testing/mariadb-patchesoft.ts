// One MariaDB with a loaded Patchesoft data set, for a test file's beforeAll (test-only).
import fsp from "node:fs/promises";
import path from "node:path";
import mysql from "mysql2/promise";
import { startMariaDb, type MariaDbInstance } from "./mariadb";
import { loadPatchesoftDataSet, type DataSet } from "./mariadb-patchesoft-data";

export type PatchesoftFixture = { maria: MariaDbInstance; url: string; filesDir: string; ds: DataSet; sql: mysql.Connection; stop(): Promise<void> };

export async function startPatchesoft(tickets: number, firstTicketId = 1): Promise<PatchesoftFixture> {
  const maria = await startMariaDb();
  const url = await maria.createDatabase("patchesoft");
  const filesDir = path.join(maria.dir, "uploads");
  const sql = await mysql.createConnection({ uri: url, charset: "utf8mb4" });
  const ds = await loadPatchesoftDataSet(sql, { tickets, filesDir, firstTicketId });
  return {
    maria, url, filesDir, ds, sql,
    async stop() {
      await sql.end().catch(() => {});
      await fsp.rm(filesDir, { recursive: true, force: true });
      await maria.stop();
    },
  };
}
