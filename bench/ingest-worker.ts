// Runs in its own process (so its RSS and event loop are its own) and prints one JSON line:
//   app     — the app's ingest (runIngest) over a Dovecot mailbox until it is empty
//   floor   — imapflow fetch of the same mailbox + mailparser, no database
//   dbfloor — the same fetch + parse, then per batch of the app's size one raw `pg` transaction
//             writing the rows the app writes for those mails (bench/ingest-db-floor.ts)
// Each reports mails/s, RSS growth and the longest event-loop stall.
// Usage: tsx bench/ingest-worker.ts app|floor|dbfloor <json options>
import { monitorEventLoopDelay } from "node:perf_hooks";
import { ImapFlow } from "imapflow";
import { simpleParser } from "mailparser";
import type { DbFloor } from "./ingest-db-floor";

type Opts = { host: string; port: number; user: string; password: string; maxMailMb: number; budgetS: number; databaseUrl?: string };
type Out = { mails: number; seconds: number; rssGrowthMb: number; maxStallMs: number; detail?: unknown };

/** Without `db`: fetch + parse only. With it: every parsed mail goes to the database floor too. */
async function floor(o: Opts, db?: DbFloor): Promise<{ mails: number; detail: unknown }> {
  const client = new ImapFlow({ host: o.host, port: o.port, secure: false, auth: { user: o.user, pass: o.password }, logger: false });
  await client.connect();
  const lock = await client.getMailboxLock("INBOX");
  let mails = 0;
  let bytes = 0;
  try {
    await db?.start(client.mailbox ? Number(client.mailbox.uidValidity) : null);
    // one UID FETCH for everything (batched like the app's fetchBatch), parse as they arrive
    for await (const m of client.fetch("1:*", { uid: true, source: true }, { uid: true })) {
      if (!m.source) continue;
      bytes += m.source.length;
      const p = await simpleParser(m.source, { skipHtmlToText: true, skipTextToHtml: true, skipTextLinks: true });
      if (p.messageId || p.subject !== undefined) mails += 1;
      // a full batch is written in its own transaction before the next mail is taken, as the app does
      await db?.add({ uid: m.uid, raw: m.source, parsed: p });
    }
    await db?.flush();
  } finally {
    lock.release();
    await client.logout();
    await db?.end();
  }
  return { mails, detail: { bytes, ...db?.detail() } };
}

/**
 * The app's setup, before the baseline like the floor's imports: the modules (imap-source is
 * loaded lazily by openMailbox, so it is named here), the Prisma engine's first query (its
 * WebAssembly is instantiated then) and the bench's own settings write are one-time process
 * costs, not ingest work; counting them put a startup pause into "longest event-loop stall".
 */
async function appSetup(o: Opts) {
  await import("@/server/mail/ingest/run-ingest");
  await import("@/server/mail/ingest/imap-source");
  const { updateSettings } = await import("@/server/platform/settings/settings-store");
  await updateSettings("mail", { protocol: "imap", host: o.host, port: o.port, secure: false, username: o.user, password: o.password, maxMailMb: o.maxMailMb, timeBudgetSeconds: Math.max(5, Math.min(600, o.budgetS)) });
  const { db } = await import("@/server/db/client");
  // a fresh cursor per mailbox: two Dovecot folders made in the same second share UIDVALIDITY
  await db().$executeRaw`DELETE FROM mailbox_states`;
}

async function app(o: Opts): Promise<{ mails: number; detail: unknown }> {
  const { runIngest } = await import("@/server/mail/ingest/run-ingest");
  const { db } = await import("@/server/db/client");
  const runs: unknown[] = [];
  let mails = 0;
  // a slow ingest is measured over its time budget, not waited for (mails/s is what counts)
  const until = Date.now() + o.budgetS * 1000;
  for (let i = 0; i < 100 && Date.now() < until; i++) {
    const r = await runIngest();
    runs.push(r);
    if (!("fetched" in r) || r.fetched === 0) break;
    mails += r.fetched;
  }
  await db().$disconnect();
  return { mails, detail: runs };
}

async function main() {
  const [mode, json] = process.argv.slice(2);
  const o = JSON.parse(json ?? "{}") as Opts;
  const h = monitorEventLoopDelay({ resolution: 10 });
  // modules loaded, setup done and heap settled before the baseline
  if (mode === "app") await appSetup(o);
  // the floor's one-time reads (default category and status, the staff who hear of a new ticket)
  const db = mode === "dbfloor" ? await (await import("./ingest-db-floor")).dbFloor(o.databaseUrl!, o.user) : undefined;
  global.gc?.();
  const rss0 = process.memoryUsage().rss;
  let peak = rss0;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  h.enable();
  const t0 = performance.now();
  const r = mode === "app" ? await app(o) : await floor(o, db);
  const seconds = (performance.now() - t0) / 1000;
  h.disable();
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const out: Out = { mails: r.mails, seconds, rssGrowthMb: (peak - rss0) / 1048576, maxStallMs: h.max / 1e6, detail: r.detail };
  process.stdout.write(JSON.stringify(out) + "\n");
  process.exit(0);
}

main().catch((e) => {
  const details = e?.details ? ` ${JSON.stringify(e.details)}` : "";
  process.stdout.write(JSON.stringify({ error: String(e?.stack ?? e).replace("\n", `${details}\n`) }) + "\n");
  process.exit(1);
});
