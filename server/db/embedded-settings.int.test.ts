// The embedded PostgreSQL `npm start` runs (no DATABASE_URL) starts with the machine-sized
// settings: a real cluster in a temp dir, asked what it runs with.
import { describe, it, expect } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres, sizedSettings } from "./embedded";

describe("embedded PostgreSQL settings", () => {
  it("runs with the shared buffers and WAL size sized to this machine", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "helpdesk-pg-sized-"));
    fs.chmodSync(dir, 0o755);
    const db = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), password: "sized-test", database: "postgres", persistent: false });
    try {
      const c = new pg.Client({ connectionString: db.url });
      await c.connect();
      const show = async (name: string) => (await c.query(`SHOW ${name}`)).rows[0][name] as string;
      const want = Object.fromEntries(sizedSettings().filter((_, i) => i % 2 === 1).map((kv) => kv.split("=")));
      // PostgreSQL shows sizes in its own unit: 4096MB reads back as 4GB
      const norm = (v: string) => (v.endsWith("GB") ? `${Number(v.slice(0, -2)) * 1024}MB` : v);
      expect(norm(await show("shared_buffers"))).toBe(norm(want.shared_buffers!));
      expect(norm(await show("max_wal_size"))).toBe(norm(want.max_wal_size!));
      await c.end();
    } finally {
      await db.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
