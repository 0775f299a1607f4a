// The bench's PostgreSQL: BENCH_DATABASE_URL (a local server we may create databases on), or
// an embedded PostgreSQL — throwaway (server/testing/test-db.ts) or, with --reuse, kept in
// .tmp/bench/pg so a seeded database survives between runs.
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import pg from "pg";
import { startEmbeddedPostgres } from "@/server/db/embedded";
import { startTestCluster, assertLocal } from "@/server/testing/test-db";

export type BenchCluster = { adminUrl: string; stop: () => Promise<void> };

export const BENCH_DIR = path.resolve(import.meta.dirname, "../.tmp/bench");

export async function benchCluster(opts: { reuse: boolean; log: (s: string) => void }): Promise<BenchCluster> {
  const given = process.env.BENCH_DATABASE_URL;
  if (given) {
    assertLocal(given);
    return { adminUrl: given, stop: async () => {} };
  }
  if (!opts.reuse) return startTestCluster({ sized: true });
  fs.mkdirSync(BENCH_DIR, { recursive: true, mode: 0o755 });
  fs.chmodSync(BENCH_DIR, 0o755);
  const pwFile = path.join(BENCH_DIR, "pg-password");
  if (!fs.existsSync(pwFile)) fs.writeFileSync(pwFile, "bench-" + crypto.randomBytes(12).toString("hex"), { mode: 0o600 });
  const password = fs.readFileSync(pwFile, "utf8").trim();
  const db = await startEmbeddedPostgres({ dataDir: path.join(BENCH_DIR, "pg"), password, database: "postgres", persistent: true, log: () => {} });
  opts.log(`bench PostgreSQL on port ${db.port} (kept in ${path.join(BENCH_DIR, "pg")})`);
  return { adminUrl: db.url, stop: db.stop };
}

export function withDatabase(adminUrl: string, name: string): string {
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function databaseExists(adminUrl: string, name: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    return ((await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount ?? 0) > 0;
  } finally {
    await c.end();
  }
}

export async function createDatabase(adminUrl: string, name: string, dropFirst: boolean) {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    if (dropFirst) await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.query(`CREATE DATABASE "${name}"`);
  } finally {
    await c.end();
  }
}
