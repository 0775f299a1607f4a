// What `npm start`, the CLI and the test runner share: resolve the database (DATABASE_URL or
// the embedded PostgreSQL under <DATA_DIR>/pg), apply migrations, seed defaults.
import path from "node:path";
import { env, dataDir, resetEnvCache } from "@/server/env";
import { secrets } from "@/server/secrets";
import { startEmbeddedPostgres, freePort } from "@/server/db/embedded";
import { migrate } from "@/server/db/migrate";
import { createDb } from "@/server/db/client";
import { seedDefaults } from "@/server/services/setup/seed-defaults";
import net from "node:net";

export type Runtime = { databaseUrl: string; embedded: boolean; stop: () => Promise<void>; /** migrations this start applied */ applied: string[] };

async function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.createServer().once("error", () => resolve(false)).once("listening", () => s.close(() => resolve(true)));
    s.listen(port, "127.0.0.1");
  });
}

export async function prepareDatabase(log: (s: string) => void = console.log): Promise<Runtime> {
  secrets(); // create data/secrets.json on first start (and refuse weak given secrets)
  let url = env().DATABASE_URL;
  let stop = async () => {};
  const embedded = !url;
  if (!url) {
    const wanted = env().EMBEDDED_PG_PORT;
    const port = (await portFree(wanted)) ? wanted : await freePort();
    const pg = await startEmbeddedPostgres({ dataDir: path.join(dataDir(), "pg"), port, password: secrets().EMBEDDED_PG_PASSWORD });
    url = pg.url;
    stop = pg.stop;
    process.env.DATABASE_URL = url;
    resetEnvCache();
    log(`Embedded PostgreSQL running (data in ${path.join(dataDir(), "pg")}, port ${pg.port}).`);
  }
  const { applied } = await migrate(url, log);
  const db = createDb(url);
  try {
    await seedDefaults(db);
  } finally {
    await db.$disconnect();
  }
  if (applied.length) log(`Applied ${applied.length} migration(s).`);
  return { databaseUrl: url, embedded, stop, applied };
}
