// `npx tsx bench/write-profile.ts [--tickets 20000] [--n 200] [--kind create|reply]`: the write
// path alone, one request at a time, on a bench database seeded by `npm run bench --reuse`:
// ticket.create (or a staff ticket.reply) through the real tRPC caller, then the same rows by the
// floor's raw `pg` transaction. Prints the wall time per write and the CPU it cost this process
// (Node: services, Prisma, rendering) and PostgreSQL (every backend's utime + stime from /proc),
// so a change to the write path can be weighed without a full bench run.
// Add `--cpu-prof` to node (NODE_OPTIONS) for a profile of the app side.
import crypto from "node:crypto";
import fs from "node:fs";
import pg from "pg";
import { parseArgs } from "@/server/cli-args";
import { migrate } from "@/server/db/migrate";
import { benchCluster, withDatabase, databaseExists } from "./cluster";
import { writeFixtures } from "./write-fixtures";
import { createSql, replySql } from "./sql";

const a = parseArgs(process.argv.slice(2));
const num = (k: string, d: number) => (a.flags[k] === undefined ? d : Number(a.flags[k]));
const cfg = { tickets: num("tickets", 20_000), n: num("n", 200), kind: String(a.flags.kind ?? "create") };
const log = (s: string) => console.log(`[write-profile] ${s}`);

/** utime + stime of every postgres process, in ms (clock ticks of 10 ms). */
function pgCpuMs(): number {
  let sum = 0;
  for (const pid of fs.readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    try {
      const s = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      if (!s.includes("(postgres)")) continue;
      const f = s.split(") ")[1]!.split(" ");
      sum += (Number(f[11]) + Number(f[12])) * 10;
    } catch {
      /* gone */
    }
  }
  return sum;
}

async function timed(label: string, n: number, f: (i: number) => Promise<unknown>) {
  for (let i = 0; i < 10; i++) await f(n + i); // warm
  const pg0 = pgCpuMs();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await f(i);
  const wall = (performance.now() - t0) / n;
  const cpu = process.cpuUsage(cpu0);
  log(`${label}: ${wall.toFixed(1)} ms per write · node CPU ${((cpu.user + cpu.system) / 1000 / n).toFixed(1)} ms · postgres CPU ${((pgCpuMs() - pg0) / n).toFixed(1)} ms`);
}

/** `--statements`: every statement the app sends during one more write, with its wall time. */
function traceStatements(): () => void {
  const orig = pg.Client.prototype.query;
  const seen: string[] = [];
  (pg.Client.prototype as { query: unknown }).query = function (this: pg.Client, ...args: unknown[]) {
    const q = args[0] as string | { text: string };
    const text = (typeof q === "string" ? q : q?.text ?? "").replace(/\s+/g, " ").slice(0, 150);
    const t0 = performance.now();
    const r = (orig as (...x: unknown[]) => unknown).apply(this, args);
    if (r && typeof (r as Promise<unknown>).then === "function") (r as Promise<unknown>).then(() => seen.push(`${(performance.now() - t0).toFixed(2).padStart(7)} ms  ${text}`), () => {});
    return r;
  };
  return () => {
    (pg.Client.prototype as { query: unknown }).query = orig;
    log(`${seen.length} statements:\n${seen.join("\n")}`);
  };
}

async function main() {
  const cluster = await benchCluster({ reuse: true, log });
  try {
    const url = withDatabase(cluster.adminUrl, `bench_${cfg.tickets}_5`);
    if (!(await databaseExists(cluster.adminUrl, `bench_${cfg.tickets}_5`))) throw new Error("seed it first: npm run bench -- --tickets N --reuse");
    await migrate(url, log);
    process.env.DATABASE_URL = url;
    process.env.LOG_LEVEL = "silent";
    process.env.HELPDESK_NO_KICK = "1";
    for (const k of ["AUTH_SECRET", "CRON_SECRET", "SETTINGS_KEY", "SIGNING_KEY"]) process.env[k] ??= crypto.randomBytes(32).toString("base64");
    const c = new pg.Pool({ connectionString: url, max: 1 });
    const open = (await c.query<{ id: number }>(`SELECT t.id FROM tickets t JOIN statuses s ON s.id = t.status_id WHERE NOT s.is_closed ORDER BY t.id LIMIT 400`)).rows.map((r) => r.id);
    const { customers } = await writeFixtures(url, open);
    const agent = (await c.query<{ id: number; email: string }>(`SELECT id, email FROM users WHERE role = 'AGENT' ORDER BY id LIMIT 1`)).rows[0]!;
    const cat = (await c.query<{ id: number }>(`SELECT id FROM categories WHERE archived_at IS NULL ORDER BY id LIMIT 1`)).rows[0]!.id;
    const { callerFor } = await import("@/server/testing/caller");
    const body = "Здравствуйте! После обновления не открывается личный кабинет, пишет ошибку 502. Помогите, пожалуйста.";
    const customer = (i: number) => customers[i % customers.length]!;
    if (cfg.kind === "create") {
      await timed("app  ticket.create", cfg.n, (i) => callerFor({ kind: "user", userId: customer(i).id, role: "CUSTOMER", email: "x@bench.test", name: "x", locale: "ru", via: "token" })
        .ticket.create({ title: `Не открывается кабинет ${i}`, body, categoryId: cat }));
      if (a.flags.statements) {
        const done = traceStatements();
        await callerFor({ kind: "user", userId: customer(1).id, role: "CUSTOMER", email: "x@bench.test", name: "x", locale: "ru", via: "token" }).ticket.create({ title: "Трассировка", body, categoryId: cat });
        done();
      }
      const cl = await c.connect();
      await timed("floor createSql  ", cfg.n, (i) => createSql(cl, { title: `Не открывается кабинет ${i}`, body, categoryId: cat, requesterId: customer(i).id }));
      cl.release();
    } else {
      const staff = callerFor({ kind: "user", userId: agent.id, role: "AGENT", email: agent.email, name: "Agent", locale: "ru", via: "token" });
      await timed("app  ticket.reply ", cfg.n, (i) => staff.ticket.reply({ ticketId: open[i % open.length]!, body }));
      if (a.flags.statements) {
        const done = traceStatements();
        await staff.ticket.reply({ ticketId: open[0]!, body });
        done();
      }
      const cl = await c.connect();
      await timed("floor replySql    ", cfg.n, (i) => replySql(cl, { ticketId: open[i % open.length]!, authorId: agent.id, body }));
      cl.release();
    }
    await c.end();
    const { disconnectDb } = await import("@/server/db/client");
    await disconnectDb();
  } catch (e) {
    console.error(e);
    process.exitCode = 1;
  } finally {
    await cluster.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
