// The CLI's bench commands (`seed:bench`), merged into bin/helpdesk.ts's command table.
// Kept apart so the admin CLI does not grow with bench-only code; the seeder itself is loaded
// on demand (bench/ is imported by bin/, never the other way).
import pg from "pg";
import { env } from "@/server/env";
import type { Args, CommandTable } from "@/server/cli-args";

const positiveInt = (a: Args, k: string, dflt?: number): number => {
  const v = a.flags[k];
  if (v === undefined && dflt !== undefined) return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${k} must be a positive integer`);
  return n;
};

/** --database-url, or a database "helpdesk_bench" beside the app's own (created when missing). */
export async function benchDatabaseUrl(given: string | undefined): Promise<string> {
  if (given) return given;
  const app = env().DATABASE_URL;
  if (!app) throw new Error("--database-url is required (no DATABASE_URL to derive it from)");
  const u = new URL(app);
  const name = "helpdesk_bench";
  const admin = new pg.Client({ connectionString: app });
  await admin.connect();
  try {
    const r = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (r.rowCount === 0) await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  u.pathname = `/${name}`;
  return u.toString();
}

async function seedBenchCommand(a: Args) {
  const { seedBench } = await import("../bench/seed");
  const url = await benchDatabaseUrl(typeof a.flags["database-url"] === "string" ? a.flags["database-url"] : undefined);
  const tickets = positiveInt(a, "tickets");
  const messagesPerTicket = positiveInt(a, "messages-per-ticket", 5);
  const vectors = a.flags.vectors === "update" ? "update" : "trigger";
  console.log(`Seeding ${tickets} tickets × ${messagesPerTicket} messages into ${new URL(url).pathname.slice(1)} (search vectors by ${vectors}) …`);
  const res = await seedBench({ url, tickets, messagesPerTicket, vectors });
  const rows = res.tickets + res.messages + res.customers;
  console.log(
    `Seeded ${res.tickets} tickets, ${res.messages} messages, ${res.customers} customers in ${res.seconds.toFixed(1)} s ` +
      `(${Math.round(rows / res.seconds)} rows/s overall; phases ${Object.entries(res.phases).map(([k, v]) => `${k} ${v.toFixed(1)} s`).join(", ")}).`,
  );
}

export const benchCommands: CommandTable = {
  "seed:bench": {
    help: "--tickets N [--messages-per-ticket M] [--database-url URL] [--vectors trigger|update]  fill a separate bench database",
    run: seedBenchCommand,
  },
};
