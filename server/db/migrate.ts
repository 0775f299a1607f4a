// Applies prisma/migrations with `prisma migrate deploy` semantics, in-process and fast:
// each pending migration runs in its own transaction and is recorded in _prisma_migrations
// with Prisma's checksum (sha256 of migration.sql), so a production deploy can use the
// ordinary `prisma migrate deploy` on the same database. An advisory lock serialises
// instances that start together.
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import pg from "pg";

const LOCK_ID = 72_817_001;

export function migrationsDir(): string {
  return path.resolve(import.meta.dirname, "../../prisma/migrations");
}

export type MigrateResult = { applied: string[] };

export async function migrate(url: string, log: (s: string) => void = () => {}): Promise<MigrateResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [LOCK_ID]);
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`);
    const done = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const byName = new Map(done.rows.map((r) => [r.migration_name, r]));
    const names = fs
      .readdirSync(migrationsDir(), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    const applied: string[] = [];
    for (const name of names) {
      const sql = fs.readFileSync(path.join(migrationsDir(), name, "migration.sql"), "utf8");
      const checksum = crypto.createHash("sha256").update(sql).digest("hex");
      const prev = byName.get(name);
      if (prev?.finished_at) {
        if (prev.checksum !== checksum) log(`warning: migration ${name} was modified after it was applied`);
        continue;
      }
      if (prev) throw new Error(`Migration ${name} failed earlier and needs manual attention (see _prisma_migrations).`);
      log(`applying migration ${name}`);
      await client.query("BEGIN");
      try {
        await client.query(sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES ($1, $2, now(), $3, 1)`,
          [crypto.randomUUID(), checksum, name],
        );
        await client.query("COMMIT");
      } catch (e) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${name} failed: ${(e as Error).message}`);
      }
      applied.push(name);
    }
    return { applied };
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [LOCK_ID]).catch(() => {});
    await client.end();
  }
}
