// Throwaway PostgreSQL for tests: TEST_DATABASE_URL when given (any server we may create
// databases on), else a fresh embedded PostgreSQL in a temp dir on a free port. Each suite
// gets its own database, created here, migrated and seeded. Refuses non-local servers.
import os from "node:os";
import path from "node:path";
import fs from "node:fs";
import crypto from "node:crypto";
import pg from "pg";
import { startEmbeddedPostgres } from "@/server/db/embedded";
import { migrate } from "@/server/db/migrate";

export type TestCluster = { adminUrl: string; stop: () => Promise<void> };

export function assertLocal(url: string) {
  const host = new URL(url).hostname;
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) {
    throw new Error(`Refusing to run tests against a non-local database (${host}).`);
  }
}

/** `sized`: the machine-sized settings of `npm start` (the bench); tests keep PostgreSQL's defaults. */
export async function startTestCluster(opts: { sized?: boolean } = {}): Promise<TestCluster> {
  const given = process.env.TEST_DATABASE_URL;
  if (given) {
    assertLocal(given);
    return { adminUrl: given, stop: async () => {} };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "helpdesk-pg-"));
  fs.chmodSync(dir, 0o755);
  const db = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), password: "test-" + crypto.randomBytes(8).toString("hex"), database: "postgres", persistent: false, sized: opts.sized ?? false });
  return {
    adminUrl: db.url,
    stop: async () => {
      await db.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Creates a fresh database on the cluster, migrated; returns its URL. */
export async function createTestDatabase(adminUrl: string, prefix = "helpdesk_test"): Promise<string> {
  const name = `${prefix}_${crypto.randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const url = u.toString();
  await migrate(url);
  return url;
}
