// The ingest measures: N mails (≤ 50 KB) APPENDed to a throwaway Dovecot, then the app's ingest
// run (server/mail/ingest/run-ingest.ts) next to two floors: imapflow fetch + mailparser with no
// database (`floor`), and the same fetch + parse writing the app's rows by raw `pg` in one
// transaction per batch (`dbfloor`, bench/ingest-db-floor.ts) — app ÷ dbfloor is the ratio the
// target is about. The rows each side wrote (pg_stat_user_tables) go into the results, so a
// floor that writes less than the app shows. And one 25 MB mail for RSS growth and the longest
// event-loop stall. Each side runs in its own process (bench/ingest-worker.ts).
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { spawn } from "node:child_process";
import pg from "pg";
import { startDovecot } from "@/server/testing/dovecot";
import { rng, vocab, text } from "./vocab";

const root = path.resolve(import.meta.dirname, "..");

export type IngestSide = { mails: number; seconds: number; mailsPerSec: number; rssGrowthMb: number; maxStallMs: number; error?: string };
/** Rows a side inserted, updated and deleted, per table (pg_stat_user_tables before and after it). */
export type TableRows = Record<string, { ins: number; upd: number; del: number }>;
export type IngestResults = {
  small: {
    count: number; avgKb: number; app: IngestSide | null; floor: IngestSide | null; dbfloor: IngestSide | null; note?: string;
    rows?: { app: TableRows | null; dbfloor: TableRows | null };
  };
  big: { mb: number; app: IngestSide | null; floor: IngestSide | null; note?: string };
};

export function smallMail(i: number, r: () => number, customers: number): Buffer {
  const ru = r() < 0.7;
  const v = ru ? vocab.ru : vocab.en;
  const words = 300 + Math.floor(r() * 5_000); // ≈ 2–45 KB of text
  const body = text(v, r, words);
  const from = `customer${1 + Math.floor(r() * customers)}@bench.test`;
  const subject = text(v, r, 6).slice(0, 120);
  return Buffer.from(
    [
      `From: <${from}>`, "To: <support@example.test>", `Subject: =?UTF-8?B?${Buffer.from(subject).toString("base64")}?=`,
      `Message-ID: <bench-${i}-${crypto.randomUUID()}@client.example>`, `Date: ${new Date().toUTCString()}`, "MIME-Version: 1.0",
      "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit", "", body.replace(/(.{1,900})(\s|$)/g, "$1\r\n"),
    ].join("\r\n"),
  );
}

export function bigMail(bytes: number): Buffer {
  const boundary = "bench-" + crypto.randomBytes(8).toString("hex");
  const attach = crypto.randomBytes(Math.floor((bytes * 3) / 4) - 4096).toString("base64").replace(/(.{76})/g, "$1\r\n");
  return Buffer.from(
    [
      "From: <customer1@bench.test>", "To: <support@example.test>", "Subject: Big attachment", `Message-ID: <bench-big-${crypto.randomUUID()}@client.example>`,
      `Date: ${new Date().toUTCString()}`, "MIME-Version: 1.0", `Content-Type: multipart/mixed; boundary="${boundary}"`, "",
      `--${boundary}`, "Content-Type: text/plain; charset=utf-8", "", "Please see the attached dump.", "",
      `--${boundary}`, "Content-Type: application/octet-stream; name=dump.bin", "Content-Transfer-Encoding: base64", "Content-Disposition: attachment; filename=dump.bin", "",
      attach, `--${boundary}--`, "",
    ].join("\r\n"),
  );
}

function worker(mode: "app" | "floor" | "dbfloor", opts: object, env: Record<string, string>): Promise<IngestSide> {
  return new Promise((resolve) => {
    const p = spawn(path.join(root, "node_modules/.bin/tsx"), ["--expose-gc", path.join(root, "bench/ingest-worker.ts"), mode, JSON.stringify(opts)], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    p.stdout!.on("data", (c: Buffer) => (out += c.toString()));
    p.on("exit", () => {
      const line = out.trim().split("\n").pop() ?? "{}";
      try {
        const j = JSON.parse(line) as IngestSide & { error?: string };
        if (j.error) return resolve({ mails: 0, seconds: 0, mailsPerSec: 0, rssGrowthMb: 0, maxStallMs: 0, error: j.error.split("\n")[0] });
        resolve({ ...j, mailsPerSec: j.mails / j.seconds });
      } catch {
        resolve({ mails: 0, seconds: 0, mailsPerSec: 0, rssGrowthMb: 0, maxStallMs: 0, error: `worker printed no result: ${out.slice(-300)}` });
      }
    });
  });
}

type Stat = { relname: string; ins: string; upd: string; del: string };

/**
 * The database's row counters once every other session has gone: a worker's backend reports its
 * counts when it exits, so this waits for the worker's connections to close (then a little).
 */
async function tableStats(url: string): Promise<Map<string, Stat>> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    for (let i = 0; i < 50; i++) {
      const { rows } = await c.query<{ n: string }>(`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`);
      if (rows[0]!.n === "0") break;
      await new Promise((r) => setTimeout(r, 200));
    }
    await new Promise((r) => setTimeout(r, 1000));
    await c.query("SELECT pg_stat_clear_snapshot()");
    const { rows } = await c.query<Stat>(`SELECT relname, n_tup_ins AS ins, n_tup_upd AS upd, n_tup_del AS del FROM pg_stat_user_tables`);
    return new Map(rows.map((r) => [r.relname, r]));
  } finally {
    await c.end();
  }
}

function rowsBetween(a: Map<string, Stat>, b: Map<string, Stat>): TableRows {
  const out: TableRows = {};
  for (const [t, x] of [...b].sort(([p], [q]) => p.localeCompare(q))) {
    const y = a.get(t);
    const d = { ins: Number(x.ins) - Number(y?.ins ?? 0), upd: Number(x.upd) - Number(y?.upd ?? 0), del: Number(x.del) - Number(y?.del ?? 0) };
    if (d.ins || d.upd || d.del) out[t] = d;
  }
  return out;
}

/** A side over the small mails, with the rows it wrote. */
async function counted(url: string, run: () => Promise<IngestSide>): Promise<{ side: IngestSide; rows: TableRows | null }> {
  const before = await tableStats(url).catch(() => null);
  const side = await run();
  const after = before && (await tableStats(url).catch(() => null));
  return { side, rows: before && after ? rowsBetween(before, after) : null };
}

export async function measureIngest(o: { count: number; bigMb: number; budgetS: number; customers: number; databaseUrl: string; dataDir: string; log: (s: string) => void }): Promise<IngestResults> {
  const built = fs.existsSync(path.join(root, "server/mail/ingest/run-ingest.ts"));
  const users = [{ user: "small@example.test", password: "secret-small" }, { user: "big@example.test", password: "secret-big" }];
  const dc = await startDovecot({ users });
  try {
    const r = rng(7);
    let bytes = 0;
    o.log(`appending ${o.count} mails to Dovecot …`);
    for (let i = 0; i < o.count; i++) {
      const m = smallMail(i, r, o.customers);
      bytes += m.length;
      await dc.append(m, "INBOX", [], users[0]);
    }
    await dc.append(bigMail(o.bigMb * 1_000_000), "INBOX", [], users[1]);
    const conn = { host: dc.host, port: dc.imapPort, maxMailMb: Math.ceil(o.bigMb * 1.1), budgetS: o.budgetS };
    const appEnv = {
      DATABASE_URL: o.databaseUrl, DATA_DIR: o.dataDir, NODE_ENV: "production", LOG_LEVEL: "error", HELPDESK_NO_KICK: "1",
      SETTINGS_KEY: crypto.randomBytes(32).toString("base64"), SIGNING_KEY: crypto.randomBytes(32).toString("base64"),
      AUTH_SECRET: crypto.randomBytes(32).toString("base64"), CRON_SECRET: crypto.randomBytes(32).toString("base64"),
    };
    const res: IngestResults = {
      small: { count: o.count, avgKb: bytes / o.count / 1024, app: null, floor: null, dbfloor: null },
      big: { mb: o.bigMb, app: null, floor: null },
    };
    o.log("ingest floor: imapflow fetch + parse …");
    res.small.floor = await worker("floor", { ...conn, ...users[0]! }, {});
    res.big.floor = await worker("floor", { ...conn, ...users[1]! }, {});
    if (!built) {
      res.small.note = res.big.note = "not measured: ingest not built yet";
    } else {
      o.log("ingest database floor: fetch + parse + the app's rows by raw pg …");
      const db = await counted(o.databaseUrl, () => worker("dbfloor", { ...conn, ...users[0]!, databaseUrl: o.databaseUrl }, appEnv));
      o.log("ingest app: runIngest …");
      const app = await counted(o.databaseUrl, () => worker("app", { ...conn, ...users[0]! }, appEnv));
      res.small.dbfloor = db.side;
      res.small.app = app.side;
      res.small.rows = { app: app.rows, dbfloor: db.rows };
      res.big.app = await worker("app", { ...conn, ...users[1]! }, appEnv);
    }
    return res;
  } finally {
    await dc.stop();
  }
}
