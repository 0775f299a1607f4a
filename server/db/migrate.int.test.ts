// The in-process migration runner keeps Prisma's bookkeeping, so `prisma migrate deploy`
// sees the same state: one row per migration with Prisma's checksum, and a second run is a no-op.
import { describe, it, expect } from "vitest";
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { createTestDatabase } from "@/server/testing/test-db";
import { migrate, migrationsDir } from "./migrate";

describe("migrate", () => {
  it("applies every migration once and records Prisma's checksum", async () => {
    const url = await createTestDatabase(inject("adminDatabaseUrl"), "helpdesk_migrate");
    expect((await migrate(url)).applied).toEqual([]);
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    const rows = (await c.query("SELECT migration_name, checksum, finished_at FROM _prisma_migrations ORDER BY migration_name")).rows;
    await c.end();
    const names = fs.readdirSync(migrationsDir()).filter((n) => fs.statSync(path.join(migrationsDir(), n)).isDirectory()).sort();
    expect(rows.map((r) => r.migration_name)).toEqual(names);
    for (const r of rows) {
      const sql = fs.readFileSync(path.join(migrationsDir(), r.migration_name, "migration.sql"));
      expect(r.checksum).toBe(crypto.createHash("sha256").update(sql).digest("hex"));
      expect(r.finished_at).not.toBeNull();
    }
  });
});
