// `npx tsx bench/kb-search.ts [--articles 10000] [--requests 600] [--concurrency 4] [--reuse]`:
// the KB search alone — a bench PostgreSQL, N seeded articles, then kb.search through the real
// tRPC caller (service + Prisma + the SQL) as an anonymous visitor, and the bare SQL over `pg`,
// each at a fixed concurrency. Prints p50 / p95 / max per side, then the PostgreSQL CPU time per
// search for each term (one backend's utime + stime from /proc, Linux only) and the load average.
// (The full `npm run bench` has the same measure over HTTP as "KB search, 10,000 articles".)
import fs from "node:fs";
import os from "node:os";
import pg from "pg";
import { parseArgs } from "@/server/cli-args";
import { migrate } from "@/server/db/migrate";
import { benchCluster, withDatabase, createDatabase, databaseExists } from "./cluster";
import { seedKb, kbSearchTerms } from "./kb-seed";
import { kbSearchSql } from "./sql";
import { SEARCH_SESSION_OPTIONS } from "@/server/db/pg-pool";

const a = parseArgs(process.argv.slice(2));
const num = (k: string, d: number) => (a.flags[k] === undefined ? d : Number(a.flags[k]));
const cfg = { articles: num("articles", 10_000), requests: num("requests", 600), concurrency: num("concurrency", 4), reuse: a.flags.reuse === true };
const log = (s: string) => console.log(`[kb-bench] ${s}`);

async function timed(n: number, conc: number, f: (i: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < n; i = next++) {
      const t = performance.now();
      await f(i);
      out.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: conc }, worker));
  return out.sort((x, y) => x - y);
}

/** CPU time the backend spends per search, per term: what decides throughput on a small machine. */
async function backendCpuPerSearch(url: string, terms: string[], n = 40): Promise<string | null> {
  const pool = new pg.Pool({ connectionString: url, max: 1, options: SEARCH_SESSION_OPTIONS });
  try {
    const c = await pool.connect();
    const pid = (await c.query<{ p: number }>("SELECT pg_backend_pid() AS p")).rows[0]!.p;
    c.release();
    const stat = `/proc/${pid}/stat`;
    if (!fs.existsSync(stat)) return null;
    const cpuMs = () => {
      const f = fs.readFileSync(stat, "utf8").split(") ")[1]!.split(" ");
      return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // utime + stime, in clock ticks of 10 ms
    };
    const per: string[] = [];
    for (const q of terms) {
      await kbSearchSql(pool, q);
      const t0 = cpuMs();
      for (let i = 0; i < n; i++) await kbSearchSql(pool, q);
      per.push(`${q} ${((cpuMs() - t0) / n).toFixed(1)} ms`);
    }
    return per.join(" · ");
  } finally {
    await pool.end();
  }
}

const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const fmt = (xs: number[]) => `p50 ${pct(xs, 50).toFixed(1)} ms · p95 ${pct(xs, 95).toFixed(1)} ms · max ${xs[xs.length - 1]!.toFixed(1)} ms (${xs.length} requests)`;

async function main() {
  const cluster = await benchCluster({ reuse: cfg.reuse, log });
  try {
    const name = `bench_kb_${cfg.articles}`;
    const url = withDatabase(cluster.adminUrl, name);
    if (!(cfg.reuse && (await databaseExists(cluster.adminUrl, name)))) await createDatabase(cluster.adminUrl, name, true);
    await migrate(url, log);
    const t0 = Date.now();
    const n = await seedKb(url, cfg.articles, log);
    log(`${n.toLocaleString("en")} articles ready in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    process.env.DATABASE_URL = url;
    process.env.LOG_LEVEL = "silent";
    const { callerFor } = await import("@/server/testing/caller");
    const { seedDefaults } = await import("@/server/services/setup/seed-defaults");
    const { db } = await import("@/server/db/client");
    await seedDefaults(db());
    const terms = kbSearchTerms();
    const api = callerFor().kb;
    const hits = await Promise.all(terms.map(async (q) => `${q} → ${(await api.search({ q, lang: "ru", limit: 10 })).items.length}`));
    log(`terms: ${hits.join(", ")}`);
    await timed(50, cfg.concurrency, (i) => api.search({ q: terms[i % terms.length]!, lang: "ru", limit: 10 }));
    const app = await timed(cfg.requests, cfg.concurrency, (i) => api.search({ q: terms[i % terms.length]!, lang: "ru", limit: 10 }));
    const pool = new pg.Pool({ connectionString: url, max: cfg.concurrency, options: SEARCH_SESSION_OPTIONS });
    const floor = await timed(cfg.requests, cfg.concurrency, (i) => kbSearchSql(pool, terms[i % terms.length]!));
    await pool.end();
    const cpu = await backendCpuPerSearch(url, terms);
    log(`kb.search (caller, ${cfg.concurrency} concurrent): ${fmt(app)}`);
    log(`SQL alone (pg, ${cfg.concurrency} concurrent):   ${fmt(floor)}`);
    if (cpu) log(`PostgreSQL CPU per search (one backend, /proc; little affected by other load): ${cpu}`);
    log(`load average: ${os.loadavg().map((x) => x.toFixed(2)).join(" ")}`);
    log(`target p95 ≤ 50 ms: ${pct(app, 95) <= 50 ? "met" : "NOT met"}`);
    const { disconnectDb } = await import("@/server/db/client");
    await disconnectDb();
  } finally {
    await cluster.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
