// Fills a separate database with a realistic helpdesk at scale: statuses and categories,
// 50 agents, customers (100k per 1M tickets), tickets with ratings, and their messages.
// Rows go in as large multi-row INSERTs through unnest() arrays (pg-copy-streams is not
// installed; unnest is within a few percent of COPY). Secondary indexes are dropped during
// the load and rebuilt at the end — a bulk GIN build is far faster than row-by-row upkeep.
// The search_vector columns are filled by the migration's triggers (mode "trigger") or by one
// UPDATE per table afterwards (mode "update"); see bench/README.md for which wins.
import pg from "pg";
import cliProgress from "cli-progress";
import { migrate } from "@/server/db/migrate";
import { createDb } from "@/server/db/client";
import { seedDefaults } from "@/server/services/setup/seed-defaults";
import { rng, vocab, text, sentence, escapeHtml } from "./vocab";
import { fieldLookups, pickFields, pickPriority } from "./ticket-fields-seed";

export type SeedOptions = {
  url: string;
  tickets: number;
  messagesPerTicket: number;
  /** how search_vector gets filled */
  vectors?: "trigger" | "update";
  seed?: number;
  log?: (s: string) => void;
  progress?: boolean;
};

export type SeedResult = { tickets: number; messages: number; customers: number; seconds: number; phases: Record<string, number> };

const BATCH = 2_000;
export const AGENTS = 50;
/** every LONG_EVERY-th ticket carries 20 messages (the "ticket page with 20 messages" measure) */
export const LONG_EVERY = 500;
export const LONG_MESSAGES = 20;

const EXTRA_STATUSES = [
  { nameRu: "Отложена", nameEn: "On hold", color: "#0891b2", isClosed: false, sortOrder: 35 },
  { nameRu: "Спам", nameEn: "Spam", color: "#dc2626", isClosed: true, sortOrder: 50 },
];
const CATEGORIES = [
  ["Оплата", "Billing"], ["Доставка", "Delivery"], ["Технические проблемы", "Technical issues"], ["Аккаунт и доступ", "Account and access"],
  ["Возвраты", "Returns"], ["Интеграции", "Integrations"], ["Предложения", "Suggestions"],
];

export function customersFor(tickets: number) {
  return Math.max(1_000, Math.round(tickets / 10));
}

/** The CREATE INDEX statements of tickets/messages other than primary and unique keys. */
async function secondaryIndexes(c: pg.Client): Promise<Array<{ name: string; def: string }>> {
  const r = await c.query<{ indexname: string; indexdef: string }>(
    `SELECT i.indexname, i.indexdef FROM pg_indexes i
     JOIN pg_class ic ON ic.relname = i.indexname JOIN pg_index x ON x.indexrelid = ic.oid
     WHERE i.schemaname = 'public' AND i.tablename IN ('tickets', 'messages') AND NOT x.indisunique AND NOT x.indisprimary`,
  );
  return r.rows.map((x) => ({ name: x.indexname, def: x.indexdef }));
}

async function hasTrigger(c: pg.Client, name: string) {
  return ((await c.query(`SELECT 1 FROM pg_trigger WHERE tgname = $1`, [name])).rowCount ?? 0) > 0;
}

async function lookups(c: pg.Client) {
  await c.query(`INSERT INTO statuses (name_ru, name_en, color, is_closed, sort_order)
    SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bool[], $5::int[]) AS x(a, b, c, d, e)
    WHERE NOT EXISTS (SELECT 1 FROM statuses s WHERE s.name_en = x.b)`,
  [EXTRA_STATUSES.map((s) => s.nameRu), EXTRA_STATUSES.map((s) => s.nameEn), EXTRA_STATUSES.map((s) => s.color), EXTRA_STATUSES.map((s) => s.isClosed), EXTRA_STATUSES.map((s) => s.sortOrder)]);
  await c.query(`INSERT INTO categories (name_ru, name_en, sort_order)
    SELECT a, b, 20 + ord FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS x(a, b, ord)
    WHERE NOT EXISTS (SELECT 1 FROM categories k WHERE k.name_en = x.b)`, [CATEGORIES.map((x) => x[0]), CATEGORIES.map((x) => x[1])]);
  const st = await c.query<{ id: number; key: string | null; is_closed: boolean }>(`SELECT id, key, is_closed FROM statuses ORDER BY sort_order`);
  const cat = await c.query<{ id: number }>(`SELECT id FROM categories WHERE archived_at IS NULL ORDER BY sort_order, id`);
  return { statuses: st.rows, categories: cat.rows.map((r) => r.id), fields: await fieldLookups(c) };
}

async function insertUsers(c: pg.Client, customers: number, r: () => number): Promise<{ agents: number[]; customerIds: number[] }> {
  const ag = await c.query<{ id: number }>(
    `INSERT INTO users (email, name, role, locale, updated_at)
     SELECT 'agent' || g || '@bench.test', 'Agent ' || g, (CASE WHEN g <= 3 THEN 'ADMIN' ELSE 'AGENT' END)::"Role", 'ru', now()
     FROM generate_series(1, $1) g ON CONFLICT (email) DO NOTHING RETURNING id`, [AGENTS]);
  const ids: number[] = [];
  for (let from = 1; from <= customers; from += 20_000) {
    const n = Math.min(20_000, customers - from + 1);
    const names: string[] = [];
    const locales: string[] = [];
    for (let i = 0; i < n; i++) {
      const ru = r() < 0.7;
      names.push(sentence(ru ? vocab.ru : vocab.en, r, 2, 2));
      locales.push(ru ? "ru" : "en");
    }
    const res = await c.query<{ id: number }>(
      `INSERT INTO users (email, name, role, locale, updated_at)
       SELECT 'customer' || (g + $1) || '@bench.test', n, 'CUSTOMER', l, now()
       FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS x(n, l, g) ON CONFLICT (email) DO NOTHING RETURNING id`,
      [from - 1, names, locales]);
    for (const row of res.rows) ids.push(row.id);
  }
  return { agents: ag.rows.map((x) => x.id), customerIds: ids };
}

type Ctx = Awaited<ReturnType<typeof lookups>> & { agents: number[]; customers: number[]; r: () => number; now: number; m: number };

/** Status mix of a mature helpdesk: most tickets closed, a working set open. */
function pickStatus(ctx: Ctx) {
  const u = ctx.r();
  const byKey = (k: string) => ctx.statuses.find((s) => s.key === k) ?? ctx.statuses[0]!;
  if (u < 0.7) return byKey("closed");
  if (u < 0.78) return byKey("new");
  if (u < 0.88) return byKey("in_progress");
  if (u < 0.97) return byKey("waiting");
  const extra = ctx.statuses.filter((s) => !s.key);
  return extra.length ? extra[Math.floor(ctx.r() * extra.length)]! : byKey("new");
}

/** Zipf-ish category choice: the first categories get most tickets. */
function pickCategory(ctx: Ctx) {
  const n = ctx.categories.length;
  const i = Math.min(n - 1, Math.floor(Math.pow(ctx.r(), 2) * n));
  return ctx.categories[i]!;
}

const DAY = 86_400_000;

async function insertTicketBatch(c: pg.Client, ctx: Ctx, count: number, firstIndex: number): Promise<number> {
  const cols = {
    title: [] as string[], body: [] as string[], html: [] as string[], cat: [] as number[], status: [] as number[], req: [] as number[],
    asg: [] as (number | null)[], source: [] as string[], locale: [] as string[], rating: [] as (number | null)[], ratedAt: [] as (Date | null)[],
    created: [] as Date[], last: [] as Date[], lastCust: [] as Date[], firstResp: [] as (Date | null)[], closed: [] as (Date | null)[],
    prio: [] as number[], fields: [] as string[],
  };
  const meta: Array<{ locale: "ru" | "en"; created: number; last: number; requester: number; assignee: number | null; msgs: number }> = [];
  for (let i = 0; i < count; i++) {
    const r = ctx.r;
    const locale = r() < 0.7 ? "ru" : "en";
    const v = vocab[locale];
    const st = pickStatus(ctx);
    // ticket ages spread over two years, denser recently
    const created = ctx.now - Math.floor(Math.pow(r(), 1.5) * 730 * DAY) - 3_600_000;
    const last = Math.min(ctx.now - 60_000, created + Math.floor(r() * 20 * DAY));
    const body = text(v, r, 15 + Math.floor(r() * 60));
    const assignee = st.key === "new" && r() < 0.7 ? null : ctx.agents[Math.floor(r() * ctx.agents.length)]!;
    const requester = ctx.customers[Math.floor(Math.pow(r(), 1.3) * ctx.customers.length)]!;
    const rated = st.is_closed && r() < 0.4;
    cols.title.push(sentence(v, r, 3, 9));
    cols.body.push(body);
    cols.html.push(`<p>${escapeHtml(body)}</p>`);
    cols.cat.push(pickCategory(ctx));
    cols.status.push(st.id);
    cols.req.push(requester);
    cols.asg.push(assignee);
    cols.source.push(r() < 0.55 ? "EMAIL" : "WEB");
    cols.locale.push(locale);
    cols.rating.push(rated ? Math.min(5, 1 + Math.floor(Math.pow(r(), 0.4) * 5)) : null);
    cols.ratedAt.push(rated ? new Date(last) : null);
    cols.created.push(new Date(created));
    cols.last.push(new Date(last));
    cols.lastCust.push(new Date(created));
    cols.firstResp.push(st.key === "new" ? null : new Date(Math.min(last, created + 3_600_000)));
    cols.closed.push(st.is_closed ? new Date(last) : null);
    cols.prio.push(pickPriority(ctx.fields, r));
    cols.fields.push(pickFields(ctx.fields, r));
    meta.push({ locale, created, last, requester, assignee, msgs: (firstIndex + i + 1) % LONG_EVERY === 0 ? LONG_MESSAGES : ctx.m });
  }
  const res = await c.query<{ id: number }>(
    `INSERT INTO tickets (title, body, body_html, category_id, status_id, requester_id, assignee_id, source, locale, rating, rated_at,
       created_at, updated_at, last_activity_at, last_customer_at, first_response_at, closed_at, priority_id, custom_fields)
     SELECT t, b, h, cat, st, req, asg, src::"MessageSource", loc, rat, rat_at, cr, la, la, lc, fr, cl, pr, cf::jsonb
     FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::int[], $6::int[], $7::int[], $8::text[], $9::text[], $10::int[],
       $11::timestamp[], $12::timestamp[], $13::timestamp[], $14::timestamp[], $15::timestamp[], $16::timestamp[], $17::int[], $18::text[])
       AS x(t, b, h, cat, st, req, asg, src, loc, rat, rat_at, cr, la, lc, fr, cl, pr, cf)
     RETURNING id`,
    [cols.title, cols.body, cols.html, cols.cat, cols.status, cols.req, cols.asg, cols.source, cols.locale, cols.rating, cols.ratedAt,
      cols.created, cols.last, cols.lastCust, cols.firstResp, cols.closed, cols.prio, cols.fields],
  );
  return insertMessages(c, ctx, res.rows.map((x) => x.id), meta);
}

async function insertMessages(c: pg.Client, ctx: Ctx, ids: number[], meta: Array<{ locale: "ru" | "en"; created: number; last: number; requester: number; assignee: number | null; msgs: number }>) {
  const m = { tid: [] as number[], author: [] as number[], internal: [] as boolean[], source: [] as string[], body: [] as string[], html: [] as string[], from: [] as (string | null)[], at: [] as Date[] };
  const r = ctx.r;
  ids.forEach((tid, i) => {
    const t = meta[i]!;
    const step = Math.max(1, Math.floor((t.last - t.created) / Math.max(1, t.msgs)));
    for (let k = 0; k < t.msgs; k++) {
      const staff = k % 2 === 0 && t.assignee !== null;
      const body = text(vocab[t.locale], r, 8 + Math.floor(r() * 45));
      m.tid.push(tid);
      m.author.push(staff ? t.assignee! : t.requester);
      m.internal.push(staff && r() < 0.1);
      m.source.push(staff ? "WEB" : r() < 0.6 ? "EMAIL" : "WEB");
      m.body.push(body);
      m.html.push(`<p>${escapeHtml(body)}</p>`);
      m.from.push(staff ? null : `customer${t.requester}@bench.test`);
      m.at.push(new Date(Math.min(t.last, t.created + step * (k + 1))));
    }
  });
  if (!m.tid.length) return 0;
  await c.query(
    `INSERT INTO messages (ticket_id, author_id, is_internal, source, body_text, body_html, from_email, created_at)
     SELECT * FROM (SELECT tid, au, intl, src::"MessageSource", b, h, f, at
       FROM unnest($1::int[], $2::int[], $3::bool[], $4::text[], $5::text[], $6::text[], $7::text[], $8::timestamp[]) AS x(tid, au, intl, src, b, h, f, at)) y`,
    [m.tid, m.author, m.internal, m.source, m.body, m.html, m.from, m.at],
  );
  return m.tid.length;
}

function bar(enabled: boolean, total: number) {
  if (!enabled) return null;
  const b = new cliProgress.SingleBar(
    { format: "  tickets {bar} {percentage}% | {value}/{total} | {rate} rows/s | {messages} messages | eta {eta_formatted}", hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  b.start(total, 0, { rate: 0, messages: 0 });
  return b;
}

export async function seedBench(o: SeedOptions): Promise<SeedResult> {
  const log = o.log ?? console.log;
  const t0 = Date.now();
  const phases: Record<string, number> = {};
  const phase = async <T>(name: string, f: () => Promise<T>) => {
    const s = Date.now();
    const v = await f();
    phases[name] = (Date.now() - s) / 1000;
    return v;
  };
  await migrate(o.url, log);
  const prisma = createDb(o.url);
  try {
    await seedDefaults(prisma);
  } finally {
    await prisma.$disconnect();
  }
  const r = rng(o.seed ?? 20260101);
  const c = new pg.Client({ connectionString: o.url });
  const c2 = new pg.Client({ connectionString: o.url });
  await Promise.all([c.connect(), c2.connect()]);
  try {
    const existing = await c.query<{ n: string }>("SELECT count(*) AS n FROM tickets");
    if (Number(existing.rows[0]!.n) > 0) throw new Error(`the database already holds ${existing.rows[0]!.n} tickets: seed an empty database`);
    for (const x of [c, c2]) await x.query("SET synchronous_commit = off; SET maintenance_work_mem = '512MB'");
    const lk = await lookups(c);
    const users = await phase("users", () => insertUsers(c, customersFor(o.tickets), r));
    const idx = await secondaryIndexes(c);
    for (const i of idx) await c.query(`DROP INDEX IF EXISTS "${i.name}"`);
    const vectors = o.vectors ?? "trigger";
    // migration 0002 folds each message's vector into its ticket's with a row trigger: in bulk,
    // one UPDATE at the end does the same work once per ticket instead of once per message
    const fold = await hasTrigger(c, "messages_ticket_search_trg");
    if (fold) await c.query(`ALTER TABLE messages DISABLE TRIGGER messages_ticket_search_trg`);
    if (vectors === "update") await c.query(`ALTER TABLE tickets DISABLE TRIGGER tickets_search_vector_trg; ALTER TABLE messages DISABLE TRIGGER messages_search_vector_trg`);
    const ctx: Ctx = { ...lk, agents: users.agents, customers: users.customerIds, r, now: Date.now(), m: o.messagesPerTicket };
    const b = bar(o.progress ?? true, o.tickets);
    let done = 0;
    let messages = 0;
    const start = Date.now();
    // two connections take turns: PostgreSQL works on one batch while Node builds the next
    await phase("rows", async () => {
      let inflight: Array<Promise<void>> = [];
      const conns = [c, c2];
      let k = 0;
      for (let at = 0; at < o.tickets; at += BATCH) {
        const n = Math.min(BATCH, o.tickets - at);
        const conn = conns[k++ % 2]!;
        const p = insertTicketBatch(conn, ctx, n, at).then((mm) => {
          done += n;
          messages += mm;
          const secs = (Date.now() - start) / 1000;
          b?.update(done, { rate: Math.round((done + messages) / secs), messages });
        });
        inflight.push(p);
        if (inflight.length >= 2) {
          await inflight[0];
          inflight = inflight.slice(1);
        }
      }
      await Promise.all(inflight);
    });
    b?.stop();
    if (vectors === "update") {
      await phase("vectors", async () => {
        log("computing search vectors in bulk …");
        await Promise.all([
          c.query(`UPDATE tickets SET search_vector = setweight(to_tsvector('russian', coalesce(title, '')), 'A') || setweight(to_tsvector('russian', left(coalesce(body, ''), 10000)), 'B')`),
          c2.query(`UPDATE messages SET search_vector = to_tsvector('russian', left(coalesce(body_text, ''), 10000))`),
        ]);
        await c.query(`ALTER TABLE tickets ENABLE TRIGGER tickets_search_vector_trg; ALTER TABLE messages ENABLE TRIGGER messages_search_vector_trg`);
      });
    }
    if (fold) {
      await phase("fold", async () => {
        log("folding message vectors into tickets …");
        const counters = await hasTrigger(c, "ticket_counters_upd");
        if (counters) await c.query(`ALTER TABLE tickets DISABLE TRIGGER ticket_counters_upd`);
        await c.query(`UPDATE tickets t SET search_vector = coalesce(t.search_vector, ''::tsvector) || x.v
          FROM (SELECT ticket_id, tsvector_agg(setweight(search_vector, 'C') ORDER BY id) AS v FROM messages GROUP BY ticket_id) x
          WHERE t.id = x.ticket_id`);
        if (counters) await c.query(`ALTER TABLE tickets ENABLE TRIGGER ticket_counters_upd`);
        await c.query(`ALTER TABLE messages ENABLE TRIGGER messages_ticket_search_trg`);
      });
    }
    await phase("indexes", async () => {
      log(`rebuilding ${idx.length} indexes …`);
      const queue = [...idx];
      const worker = async (x: pg.Client) => {
        for (let i = queue.shift(); i; i = queue.shift()) await x.query(i.def);
      };
      await Promise.all([worker(c), worker(c2)]);
    });
    await phase("analyze", async () => {
      log("VACUUM ANALYZE …");
      await c.query("VACUUM ANALYZE");
    });
    const seconds = (Date.now() - t0) / 1000;
    return { tickets: done, messages, customers: users.customerIds.length, seconds, phases };
  } finally {
    await Promise.all([c.end(), c2.end()]);
  }
}
