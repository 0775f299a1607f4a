// `npm run bench [-- --quick | --tickets N] [--reuse] …`: PostgreSQL (embedded, or
// BENCH_DATABASE_URL) → seeded database → the app (next start, .next-bench) and the floor
// server → every measure under autocannon, app next to floor → ingest → bench/results/.
// bench/README.md explains the flags and how to read the table.
import path from "node:path";
import { execFileSync } from "node:child_process";
import pg from "pg";
import superjson from "superjson";
import { parseArgs } from "@/server/cli-args";
import { migrate } from "@/server/db/migrate";
import { benchCluster, withDatabase, databaseExists, createDatabase, BENCH_DIR } from "./cluster";
import { seedBench, customersFor, LONG_MESSAGES } from "./seed";
import { buildApp, startApp, startFloor, createToken, type Server } from "./app";
import { measure, type Target, type LoadResult } from "./load";
import { measureIngest, type IngestResults } from "./ingest";
import { writeResults, machine, type Row, type Meta } from "./report";
import { searchTerms } from "./vocab";
import { seedKb, kbSearchTerms } from "./kb-seed";
import { writeFixtures, type WriteCustomer } from "./write-fixtures";
import { seedScope, type ScopeFixture } from "./scope-seed";

const a = parseArgs(process.argv.slice(2));
const quick = a.flags.quick === true;
const int = (k: string, d: number) => (a.flags[k] === undefined ? d : Number(a.flags[k]));
const cfg = {
  tickets: int("tickets", quick ? 100_000 : 1_000_000),
  messagesPerTicket: int("messages-per-ticket", 5),
  reuse: a.flags.reuse === true,
  connections: int("connections", 16),
  warmup: int("warmup", quick ? 3 : 10),
  duration: int("duration", quick ? 10 : 30),
  ingestMails: int("ingest-mails", quick ? 500 : 2_000),
  bigMb: int("big-mail-mb", 25),
  ingestBudget: int("ingest-budget", quick ? 60 : 180),
  only: typeof a.flags.only === "string" ? a.flags.only.split(",") : null,
  skipIngest: a.flags["skip-ingest"] === true,
  kbArticles: int("kb-articles", 10_000),
};
const log = (s: string) => console.log(`[bench] ${s}`);
const root = path.resolve(import.meta.dirname, "..");

const trpcGet = (proc: string, input?: unknown) => `/api/trpc/${proc}${input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`}`;
const trpcBody = (input: unknown) => JSON.stringify(superjson.serialize(input));
const bearer = (t: string) => ({ authorization: `Bearer ${t}` });

type Fixtures = Awaited<ReturnType<typeof fixtures>>;

/** What the measures ask for: a queue filter with a deep cursor, users, tokens, tickets, search terms. */
async function fixtures(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const wantSearch = !cfg.only || cfg.only.some((k) => k.startsWith("search"));
  try {
    // fixture reads may be slow on a cold cache; the measures themselves keep the server's limits
    await c.query("SET statement_timeout = 0");
    const one = async <T extends pg.QueryResultRow>(q: string, v: unknown[] = []) => (await c.query<T>(q, v)).rows[0]!;
    const staff = await one<{ id: number }>(`SELECT id FROM users WHERE email = 'agent4@bench.test'`);
    const status = await one<{ id: number }>(`SELECT id FROM statuses WHERE key = 'in_progress'`);
    const category = await one<{ id: number }>(`SELECT category_id AS id FROM tickets GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`);
    const n = Number((await one<{ n: string }>(`SELECT count(*) AS n FROM tickets WHERE status_id = $1 AND category_id = $2`, [status.id, category.id])).n);
    const offset = Math.max(0, Math.min(10_000, n - 60));
    const deep = await one<{ at: Date; id: number }>(
      `SELECT last_activity_at AS at, id FROM tickets WHERE status_id = $1 AND category_id = $2 ORDER BY last_activity_at DESC, id DESC OFFSET $3 LIMIT 1`,
      [status.id, category.id, offset],
    );
    // tickets with a 20-message thread, each with its customer (a token each)
    const long = (await c.query<{ id: number; requester_id: number }>(
      `SELECT t.id, t.requester_id FROM tickets t WHERE (SELECT count(*) FROM messages m WHERE m.ticket_id = t.id) = $1 ORDER BY t.id LIMIT 16`,
      [LONG_MESSAGES],
    )).rows;
    if (!long.length) throw new Error("no ticket with a 20-message thread in the seeded data");
    const open = (await c.query<{ id: number }>(
      `SELECT id FROM tickets WHERE status_id IN (SELECT id FROM statuses WHERE NOT is_closed) ORDER BY id DESC LIMIT 2000`,
    )).rows.map((r) => r.id);
    const terms = searchTerms(cfg.tickets);
    // issue 15: the urgent priority and the seeded "plan" field (bench/ticket-fields-seed.ts)
    const urgentId = (await one<{ id: number }>(`SELECT id FROM priorities WHERE key = 'urgent'`)).id;
    const planFieldId = (await one<{ id: number }>(`SELECT id FROM custom_fields WHERE name_en = 'Plan' ORDER BY id LIMIT 1`)).id;
    const hits = async (q: string) =>
      Number((await one<{ n: string }>(
        `SELECT count(*) AS n FROM (SELECT id FROM tickets WHERE search_vector @@ websearch_to_tsquery('russian', $1)
           UNION SELECT ticket_id FROM messages WHERE search_vector @@ websearch_to_tsquery('russian', $1)) x`, [q])).n);
    const counts = await one<{ t: string; m: string; u: string }>(
      `SELECT (SELECT count(*) FROM tickets) AS t, (SELECT count(*) FROM messages) AS m, (SELECT count(*) FROM users WHERE role = 'CUSTOMER') AS u`,
    );
    const pgVersion = (await one<{ v: string }>(`SELECT split_part(version(), ' on ', 1) AS v`)).v;
    return {
      staffId: staff.id, statusId: status.id, categoryId: category.id, filtered: n, deep, long, open, terms, urgentId, planFieldId,
      // counting every hit of a common word reads much of a cold 1M database: only when a search measure runs
      ...(wantSearch ? { rareHits: await hits(terms.rare), commonHits: await hits(terms.common) } : { rareHits: null, commonHits: null }),
      tickets: Number(counts.t), messages: Number(counts.m), customers: Number(counts.u), pgVersion,
    };
  } finally {
    await c.end();
  }
}

type Pair = { key: string; label: string; app: Target | null; floor: Target; appNote?: string; maxP95?: number; maxRatio?: number; minRps?: number };

type Tokens = { staff: string; scoped: string; customers: Map<number, string>; writers: WriteCustomer[] };

/** Issue 16: the first queue page and the badges of an agent who sees half the categories (bench/scope-seed.ts). */
function scopedMeasures(app: Server, floor: Server, fx: Fixtures, sc: ScopeFixture, tok: Tokens): Pair[] {
  const get = (base: string, p: string, h?: Record<string, string>): Target => ({ url: base, next: () => ({ path: p, headers: h }) });
  const scope = sc.categoryIds.join(",");
  return [
    { key: "queue-scoped", label: `staff queue, first page, scoped agent (${sc.categoryIds.length} categories)`, maxRatio: 2, maxP95: 50,
      app: get(app.url, trpcGet("ticket.list", { statusId: fx.statusId, limit: 50 }), bearer(tok.scoped)),
      floor: get(floor.url, `/queue?status=${fx.statusId}&limit=50&scope=${scope}`) },
    { key: "counts-scoped", label: "queue counts, scoped agent", maxP95: 50,
      app: get(app.url, trpcGet("ticket.counts"), bearer(tok.scoped)),
      floor: get(floor.url, `/counts?user=${sc.userId}&scope=${scope}`) },
  ];
}

function measures(app: Server, floor: Server, fx: Fixtures, tok: Tokens): Pair[] {
  const cursor = Buffer.from(`${fx.deep.at.toISOString()}|${fx.deep.id}`).toString("base64url");
  const filter = { statusId: fx.statusId, categoryId: fx.categoryId, limit: 50 };
  const get = (base: string, p: string, h?: Record<string, string>): Target => ({ url: base, next: () => ({ path: p, headers: h }) });
  let i = 0;
  const nextLong = () => fx.long[i++ % fx.long.length]!;
  let w = 0;
  const words = () => `Bench write ${++w} ${Date.now()} — заказ доставка order status`;
  // each create by the next fresh customer (bench/write-fixtures.ts), the same rotation on both sides
  let wa = 0;
  let wf = 0;
  const writerA = () => tok.writers[wa++ % tok.writers.length]!;
  const writerF = () => tok.writers[wf++ % tok.writers.length]!;
  const kbTerms = kbSearchTerms();
  let k = 0;
  const nextKbTerm = () => kbTerms[k++ % kbTerms.length]!;
  return [
    { key: "queue-first", label: "staff queue, first page", maxRatio: 2, maxP95: 50,
      app: get(app.url, trpcGet("ticket.list", filter), bearer(tok.staff)),
      floor: get(floor.url, `/queue?status=${fx.statusId}&category=${fx.categoryId}&limit=50`) },
    { key: "queue-deep", label: "staff queue, deep page (keyset)", maxRatio: 2, maxP95: 50,
      app: get(app.url, trpcGet("ticket.list", { ...filter, cursor }), bearer(tok.staff)),
      floor: get(floor.url, `/queue?status=${fx.statusId}&category=${fx.categoryId}&limit=50&at=${encodeURIComponent(fx.deep.at.toISOString())}&id=${fx.deep.id}`) },
    { key: "counts", label: "queue counts", maxP95: 50,
      app: get(app.url, trpcGet("ticket.counts"), bearer(tok.staff)),
      floor: get(floor.url, `/counts?user=${fx.staffId}`) },
    { key: "queue-priority", label: "staff queue, filtered by priority (urgent)", maxP95: 50,
      app: get(app.url, trpcGet("ticket.list", { priorityId: fx.urgentId, limit: 50 }), bearer(tok.staff)),
      floor: get(floor.url, `/queue?priority=${fx.urgentId}&limit=50`) },
    { key: "queue-field", label: "staff queue, filtered by a custom field (plan = enterprise)", maxP95: 50,
      app: get(app.url, trpcGet("ticket.list", { fieldId: fx.planFieldId, fieldValue: "enterprise", limit: 50 }), bearer(tok.staff)),
      floor: get(floor.url, `/queue?field=${encodeURIComponent(JSON.stringify({ [fx.planFieldId]: "enterprise" }))}&limit=50`) },
    { key: "search-rare", label: `search, rare term`, maxP95: 150,
      app: get(app.url, trpcGet("ticket.list", { limit: 50, search: fx.terms.rare }), bearer(tok.staff)),
      floor: get(floor.url, `/queue?limit=50&q=${encodeURIComponent(fx.terms.rare)}`) },
    { key: "search-common", label: `search, common term`, maxP95: 400,
      app: get(app.url, trpcGet("ticket.list", { limit: 50, search: fx.terms.common }), bearer(tok.staff)),
      floor: get(floor.url, `/queue?limit=50&q=${encodeURIComponent(fx.terms.common)}`) },
    { key: "ticket-page", label: `customer ticket page (${LONG_MESSAGES} messages)`, maxP95: 150,
      app: { url: app.url, next: () => { const t = nextLong(); return { path: trpcGet("ticket.byId", { id: t.id }), headers: bearer(tok.customers.get(t.requester_id)!) }; } },
      floor: { url: floor.url, next: () => ({ path: `/ticket?id=${nextLong().id}` }) } },
    { key: "kb-search", label: `KB search, ${cfg.kbArticles.toLocaleString("en")} articles`, maxP95: 50,
      app: { url: app.url, next: () => ({ path: trpcGet("kb.search", { q: nextKbTerm(), lang: "ru", limit: 10 }) }) },
      floor: { url: floor.url, next: () => ({ path: `/kb-search?q=${encodeURIComponent(nextKbTerm())}` }) } },
    // issue 21: p95 ≤ 3× the floor and ≥ 250 req/s
    { key: "create", label: "create ticket (+ outbox)", maxRatio: 3, minRps: 250,
      app: { url: app.url, method: "POST", next: () => ({ path: "/api/trpc/ticket.create", headers: bearer(writerA().token), body: trpcBody({ title: words(), body: words(), categoryId: fx.categoryId }) }) },
      floor: { url: floor.url, method: "POST", next: () => ({ path: "/create", body: JSON.stringify({ title: words(), body: words(), categoryId: fx.categoryId, requesterId: writerF().id }) }) } },
    { key: "reply", label: "staff reply (+ outbox)", maxRatio: 3, minRps: 250,
      app: { url: app.url, method: "POST", next: () => ({ path: "/api/trpc/ticket.reply", headers: bearer(tok.staff), body: trpcBody({ ticketId: fx.open[w % fx.open.length]!, body: words() }) }) },
      floor: { url: floor.url, method: "POST", next: () => ({ path: "/reply", body: JSON.stringify({ ticketId: fx.open[w % fx.open.length]!, authorId: fx.staffId, body: words() }) }) } },
  ];
}

/** One request each side before the load: a measure that answers an error is reported, not timed. */
async function sanity(t: Target): Promise<string | null> {
  const n = t.next();
  const r = await fetch(t.url + n.path, { method: t.method ?? "GET", headers: { ...(n.body ? { "content-type": "application/json" } : {}), ...n.headers }, body: n.body });
  if (r.ok) return null;
  return `HTTP ${r.status}: ${(await r.text()).slice(0, 300)}`;
}

function git(args: string[]) {
  try {
    return execFileSync("git", args, { cwd: root, encoding: "utf8" }).trim();
  } catch {
    return "";
  }
}

async function main() {
  const t0 = Date.now();
  log(`${cfg.tickets.toLocaleString("en")} tickets × ${cfg.messagesPerTicket} messages${quick ? " (quick)" : ""}${cfg.reuse ? ", reusing a seeded database" : ""}`);
  const cluster = await benchCluster({ reuse: cfg.reuse, log });
  const servers: Server[] = [];
  try {
    const name = `bench_${cfg.tickets}_${cfg.messagesPerTicket}`;
    const url = withDatabase(cluster.adminUrl, name);
    let seedSeconds: number | null = null;
    const seeded = cfg.reuse && (await databaseExists(cluster.adminUrl, name)) && (await isSeeded(url));
    if (seeded) {
      log(`reusing database ${name}`);
      seedSeconds = await seededSeconds(url);
      await adminQuery(cluster.adminUrl, `ALTER DATABASE "${name}" RESET statement_timeout`);
      await migrate(url, log);
    } else {
      await createDatabase(cluster.adminUrl, name, true);
      const r = await seedBench({ url, tickets: cfg.tickets, messagesPerTicket: cfg.messagesPerTicket, log });
      await markSeeded(url, r.seconds);
      seedSeconds = r.seconds;
      log(`seeded in ${r.seconds.toFixed(0)} s (${Object.entries(r.phases).map(([k, v]) => `${k} ${v.toFixed(0)} s`).join(", ")})`);
    }
    // only the ingest asked for: no HTTP measure, so no build, no servers, no tokens, no help centre
    const http = !cfg.only || cfg.only.some((k) => k !== "ingest");
    // the help centre is seeded apart, so a reused ticket database gains it too
    if (http) await seedKb(url, cfg.kbArticles, log);
    // the scope teams decide who gets the staff notifications of an ingested ticket too
    const sc = await withClient(url, seedScope);
    // a request the client gave up on must not keep PostgreSQL busy for the next measures
    await adminQuery(cluster.adminUrl, `ALTER DATABASE "${name}" SET statement_timeout = '${STATEMENT_TIMEOUT_S}s'`);
    const fx = await fixtures(url);
    const dataDir = path.join(BENCH_DIR, "data");
    const rows: Row[] = [];
    if (http) {
      const b = buildApp(log);
      if (b.built) log(`built in ${b.seconds.toFixed(0)} s`);
      const tok: Tokens = { staff: await createToken(url, fx.staffId), scoped: await createToken(url, sc.userId), customers: new Map<number, string>(), writers: (await writeFixtures(url, fx.open)).customers };
      for (const t of fx.long) if (!tok.customers.has(t.requester_id)) tok.customers.set(t.requester_id, await createToken(url, t.requester_id));
      const app = await startApp(url, dataDir);
      servers.push(app);
      const floor = await startFloor(url);
      servers.push(floor);
      log(`app on ${app.url}, floor on ${floor.url}`);

      for (const m of [...measures(app, floor, fx, tok), ...scopedMeasures(app, floor, fx, sc, tok)]) {
        if (cfg.only && !cfg.only.includes(m.key)) continue;
        const row: Row = { key: m.key, label: m.label, app: null, floor: null, appNote: m.appNote, maxP95: m.maxP95, maxRatio: m.maxRatio, minRps: m.minRps, floorOnly: !m.app };
        const o = { connections: cfg.connections, warmup: cfg.warmup, duration: cfg.duration };
        const floorErr = await sanity(m.floor);
        if (floorErr) log(`${m.key}: floor answered ${floorErr}`);
        else {
          await settle(cluster.adminUrl, log);
          row.floor = await measure(m.floor, { ...o, serverPid: floor.proc.pid });
        }
        const appErr = m.app ? await sanity(m.app) : null;
        if (appErr) row.appNote = `app error: ${appErr.slice(0, 120)}`;
        else if (m.app) {
          // the floor's writes leave autovacuum and dirty pages behind: not the app's to pay for
          await settle(cluster.adminUrl, log);
          row.app = await measure(m.app, { ...o, serverPid: app.proc.pid });
        }
        log(`${m.label}: app p95 ${fmt(row.app)} · floor p95 ${fmt(row.floor)}`);
        await adminQuery(cluster.adminUrl, `SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE datname = '${name}' AND state = 'active' AND pid <> pg_backend_pid()`);
        rows.push(row);
      }
      for (const s of servers.splice(0)) await s.stop();
    }

    let ingest: IngestResults | null = null;
    if (!cfg.skipIngest && (!cfg.only || cfg.only.includes("ingest"))) {
      // senders among the seeded customers (customer1 … customerN): the customer count also holds
      // the write measures' fresh customers, and an unknown sender would be a new account the
      // database floor does not model
      ingest = await measureIngest({ count: cfg.ingestMails, bigMb: cfg.bigMb, budgetS: cfg.ingestBudget, customers: customersFor(cfg.tickets), databaseUrl: url, dataDir, log });
    }
    const mc = machine();
    const meta: Meta = {
      date: new Date().toISOString(), commit: git(["rev-parse", "HEAD"]) || "unknown", dirty: git(["status", "--porcelain"]).length > 0,
      cpu: mc.cpu, cores: mc.cores, memGb: mc.memGb, node: mc.node, postgres: fx.pgVersion, loadAvg: mc.loadAvg,
      tickets: fx.tickets, messages: fx.messages, customers: fx.customers, quick, connections: cfg.connections, warmupS: cfg.warmup, durationS: cfg.duration,
      seedSeconds, searchTerms: { rare: fx.terms.rare, common: fx.terms.common, rareHits: fx.rareHits, commonHits: fx.commonHits },
    };
    const out = writeResults(path.join(root, "bench", "results"), meta, rows, ingest);
    log(`done in ${((Date.now() - t0) / 1000).toFixed(0)} s → ${path.relative(root, out.md)}`);
  } finally {
    for (const s of servers) await s.stop().catch(() => {});
    await cluster.stop().catch(() => {});
  }
}

const cpuNote = (x: LoadResult) => (x.cpu ? `, CPU/req ${x.cpu.server.toFixed(1)} server + ${x.cpu.postgres.toFixed(1)} pg + ${x.cpu.background.toFixed(1)} pg background + ${x.cpu.load.toFixed(1)} load ms` : "");
const fmt = (x: LoadResult | null) => (x ? `${x.p95.toFixed(1)} ms, ${x.rps.toFixed(0)} req/s${cpuNote(x)}${x.non2xx + x.errors ? ` (${x.non2xx + x.errors} failed)` : ""}` : "n/a");

const STATEMENT_TIMEOUT_S = 30;

/**
 * Both sides of a measure start from the same quiet database: a checkpoint writes out what the
 * side before dirtied, then up to SETTLE_S seconds for autovacuum workers to finish (a write
 * measure's rows start them on the outbox and the bell; without this they ran into the other
 * side's timed run — always the app's, which runs second).
 */
const SETTLE_S = 90;
async function settle(adminUrl: string, log: (s: string) => void) {
  await withClient(adminUrl, async (c) => {
    await c.query("CHECKPOINT");
    const t0 = Date.now();
    for (;;) {
      const n = Number((await c.query("SELECT count(*) AS n FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'")).rows[0].n);
      if (n === 0) return;
      if (Date.now() - t0 > SETTLE_S * 1000) return log(`settle: ${n} autovacuum worker(s) still running after ${SETTLE_S} s; measuring anyway`);
      await new Promise((r) => setTimeout(r, 1000));
    }
  });
}

async function adminQuery(adminUrl: string, sql: string) {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

async function withClient<T>(url: string, f: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    // fixture reads may be slow on a cold cache; the measures themselves keep the server's limits
    await c.query("SET statement_timeout = 0");
    return await f(c);
  } finally {
    await c.end();
  }
}

async function isSeeded(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    // fixture reads may be slow on a cold cache; the measures themselves keep the server's limits
    await c.query("SET statement_timeout = 0");
    const r = await c.query(`SELECT 1 FROM information_schema.tables WHERE table_name = '_bench_meta'`);
    if (!r.rowCount) return false;
    return ((await c.query(`SELECT 1 FROM _bench_meta WHERE key = 'seeded'`)).rowCount ?? 0) > 0;
  } finally {
    await c.end();
  }
}

/** How long the reused database took to seed (kept by markSeeded), so its table still says it. */
async function seededSeconds(url: string): Promise<number | null> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    // fixture reads may be slow on a cold cache; the measures themselves keep the server's limits
    await c.query("SET statement_timeout = 0");
    const r = await c.query<{ s: number | null }>(`SELECT (value->>'seedSeconds')::float8 AS s FROM _bench_meta WHERE key = 'seeded'`);
    return r.rows[0]?.s ?? null;
  } finally {
    await c.end();
  }
}

async function markSeeded(url: string, seconds: number) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    // fixture reads may be slow on a cold cache; the measures themselves keep the server's limits
    await c.query("SET statement_timeout = 0");
    await c.query(`CREATE TABLE IF NOT EXISTS _bench_meta (key text PRIMARY KEY, value jsonb NOT NULL)`);
    await c.query(`INSERT INTO _bench_meta VALUES ('seeded', $1) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`, [JSON.stringify({ at: new Date(), seedSeconds: seconds, ...cfg })]);
  } finally {
    await c.end();
  }
}

main().catch((e) => {
  console.error(`[bench] ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  process.exit(1);
});
