// Crash-safe ingest (issue 8, suite 1; docs/mail.md "never lose, never duplicate" rules 1, 3, 4;
// ASVS 5.0 V2.3.3: a business operation succeeds entirely or is rolled back).
//
// A mix of mails goes into a real Dovecot in two waves: new tickets from several senders
// (plain, quoted-printable, base64, windows-1251, attachments, inline images, nested MIME),
// automatic mail, mails without From, broken MIME without a Message-ID, and duplicates of
// earlier Message-IDs; the second wave adds replies to the tickets of the first (signed body
// marker, subject token, or In-Reply-To our acknowledgement's Message-ID, keys derived exactly as
// the ingest does: both processes share DATA_DIR) and automatic answers on those tickets.
// The real ingest (`runIngest()`, default batching) runs in a child process
// (server/testing/ingest-child-loop.ts) that is SIGKILLed at random points and restarted until the
// mailbox is drained. A killed run's lease would block for its budget + 60 s, so after each
// kill — the process is dead, nobody else can hold it — the test expires the lease by setting
// `mailbox_states.lease_until` to the past (the mail settings are left at their defaults).
// Then SQL proves every mail is exactly once a ticket, a reply, an automatic record or a
// quarantine row (duplicates: no row of their own), none missing, none twice.
//
// Default: 600 mails and 10 kills. HELPDESK_LONG_TESTS=1: 2,000 mails and 100 kills.
// The seed is printed; HELPDESK_TEST_SEED=<n> replays a run's corpus and kill delays.
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import path from "node:path";
import readline from "node:readline";
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import type { DovecotInstance } from "@/server/testing/dovecot";
import { db } from "@/server/db/client";
import { signTicketRef } from "@/server/domain/mail/markers";
import { deriveKey } from "@/server/secrets";
import { startKitDovecot, useMailbox } from "@/server/testing/ingest-test-kit";
import { SEEDS, autoReplyMail, bounceMail, plainMail, type SeedName } from "@/server/testing/mail-corpus";
import { prng, runSeed } from "@/server/testing/mail-mutator";

const LONG = process.env.HELPDESK_LONG_TESTS === "1";
const TOTAL = LONG ? 2000 : 600;
const KILLS = LONG ? 100 : 10;
const SEED = runSeed();
const CHILD = path.resolve("server/testing/ingest-child-loop.ts");
// node itself with tsx as a loader: `node_modules/.bin/tsx file` is a wrapper that spawns the
// real node process, and SIGKILL of the wrapper leaves that process running as an orphan
const NODE_ARGS = ["--import", "tsx", CHILD];

type Kind = "new" | "reply" | "auto-matched" | "auto-unmatched" | "no-from" | "broken-mime" | "duplicate";
type Planned = { i: number; kind: Kind; how?: string; raw: Buffer; messageId: string | null; subject: string; from: string; target?: number; uid?: number; dupOf?: number };

let dc: DovecotInstance;
beforeAll(async () => {
  dc = await startKitDovecot();
});
afterAll(async () => {
  await dc?.stop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const NEW_SEEDS: SeedName[] = ["plain", "alternativeQp", "attachment", "inlineImage", "windows1251", "base64", "nested"];

type Child = { proc: ChildProcess; started: Promise<void>; exit: Promise<number | null>; log: string[] };
function spawnChild(): Child {
  const proc = spawn(process.execPath, NODE_ARGS, { cwd: path.resolve(import.meta.dirname, "../.."), env: { ...process.env }, stdio: ["ignore", "pipe", "pipe"] });
  const log: string[] = [];
  let onStart!: () => void;
  const started = new Promise<void>((r) => (onStart = r));
  readline.createInterface({ input: proc.stdout! }).on("line", (l) => {
    log.push(l);
    if (l.includes('"event":"start"')) onStart();
  });
  proc.stderr!.on("data", (d: Buffer) => log.push(d.toString()));
  const exit = new Promise<number | null>((r) => proc.on("exit", (code) => {
    onStart();
    r(code);
  }));
  return { proc, started, exit, log };
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("reliability: crash-safe ingest", () => {
  it(`docs/mail.md "never lose, never duplicate" + ASVS 5.0 V2.3.3: ${TOTAL} mails, ingest SIGKILLed ${KILLS}× at random points — each mail exactly once a ticket, reply, automatic record or quarantine row${LONG ? " (long run)" : " (default run; 2,000 mails / 100 kills with HELPDESK_LONG_TESTS=1)"}`, async () => {
    console.log(`crash-safe ingest: seed ${SEED} (replay with HELPDESK_TEST_SEED=${SEED}), ${TOTAL} mails, ${KILLS} kills`);
    const t0 = Date.now();
    const r = prng(SEED);
    const mb = await useMailbox(dc);
    const key = deriveKey("SIGNING_KEY", "mail-markers"); // also writes DATA_DIR/secrets.json before the child reads it
    const senders = Array.from({ length: 8 }, (_, k) => `sender${k}@client.example`);
    const plan: Planned[] = [];
    const mid = (i: number) => `<crash-${SEED}-${i}@client.example>`;
    const add = (p: Omit<Planned, "i">) => plan.push({ ...p, i: plan.length });

    const dupOf = (pool: Planned[]) => {
      const orig = r.pick(pool);
      if (r.next() < 0.5 || !orig.messageId) return add({ kind: "duplicate", raw: orig.raw, messageId: orig.messageId, subject: orig.subject, from: orig.from, dupOf: orig.i });
      // the same Message-ID with another body (a client re-sending): still the same mail
      return add({ kind: "duplicate", raw: plainMail({ from: orig.from, to: mb.address, messageId: orig.messageId, subject: orig.subject, text: "resent" }), messageId: orig.messageId, subject: orig.subject, from: orig.from, dupOf: orig.i });
    };
    const extra = (i: number, kind: Kind) => {
      const subject = `Crash ${SEED} ${kind} ${i}`;
      if (kind === "auto-unmatched") {
        const from = `ooo${i}@elsewhere.example`;
        const raw = r.next() < 0.5 ? autoReplyMail({ from, to: mb.address, messageId: mid(i), subject }) : bounceMail({ from: "mailer-daemon@mx.elsewhere.example", to: mb.address, messageId: mid(i), subject });
        return add({ kind, raw, messageId: mid(i), subject, from });
      }
      if (kind === "no-from") {
        const raw = Buffer.from(plainMail({ from: "x", to: mb.address, messageId: mid(i), subject }).toString("latin1").replace(/^From:[^\r\n]*\r\n/m, ""), "latin1");
        return add({ kind, raw, messageId: mid(i), subject, from: "" });
      }
      // broken MIME, no Message-ID: the dedupe key is sha256(raw); the body makes it unique
      const from = r.pick(senders);
      const raw = Buffer.from(`From: ${from}\r\nTo: ${mb.address}\r\nSubject: ${subject}\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="gone"\r\n\r\n--wrong\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n%%not base64 ${i}%%\r\n`, "latin1");
      return add({ kind: "broken-mime", raw, messageId: null, subject, from });
    };

    // ---- wave 1: new tickets, automatic mail, broken mail, duplicates within the wave
    const wave1Size = Math.round(TOTAL * 0.5);
    while (plan.length < wave1Size) {
      const i = plan.length;
      const x = r.next();
      const news = plan.filter((p) => p.kind === "new");
      if (x < 0.05) extra(i, "auto-unmatched");
      else if (x < 0.07) extra(i, "no-from");
      else if (x < 0.09) extra(i, "broken-mime");
      else if (x < 0.11 && news.length > 0) dupOf(news);
      else {
        const from = r.pick(senders);
        const subject = `Crash ${SEED} new ${i}`;
        add({ kind: "new", raw: SEEDS[r.pick(NEW_SEEDS)]({ from, to: mb.address, messageId: mid(i), subject }), messageId: mid(i), subject, from });
      }
    }

    const deliver = async (list: Planned[]) => {
      for (const p of list) p.uid = await mb.deliver(p.raw);
    };
    let kills = 0;
    let killsAfterProgress = 0;
    let aliveMs = 0;
    let gained = 0;
    const inboundCount = () => db().inboundMail.count();
    const expireLease = () => db().$executeRaw`UPDATE mailbox_states SET lease_until = now() - interval '1 second' WHERE lease_until IS NOT NULL`;
    /** Restart the child until the mailbox is drained, killing it while kills remain for this wave. */
    const drain = async (killBudget: number, expectedRows: number) => {
      const target = kills + killBudget;
      for (let spawned = 0; ; spawned++) {
        expect(spawned, "the child never drains the mailbox").toBeLessThan(killBudget + 50);
        const tSpawn = Date.now();
        const child = spawnChild();
        await child.started;
        const debug = (what: string, rows: number) => void (process.env.CRASH_DEBUG && console.log(`child ${spawned}: startup ${tStart - tSpawn}ms, ${what} after ${Date.now() - tStart}ms, +${rows} rows`));
        const tStart = Date.now();
        const before = await inboundCount();
        if (kills < target) {
          // spread the remaining kills over the first half of the remaining work (rows per ms seen
          // so far): random delays over the whole of it let a fast child drain the wave before its
          // last kill, and the run then proved fewer kills than it promises
          const rate = gained > 0 && aliveMs > 0 ? gained / aliveMs : 0.03;
          const span = Math.min(4000, Math.max(300, (expectedRows - before) / rate / (target - kills) / 2));
          const delay = Math.floor(r.next() * span);
          const exited = await Promise.race([child.exit.then(() => true), sleep(delay).then(() => false)]);
          if (!exited) {
            child.proc.kill("SIGKILL");
            await child.exit;
            expect(alive(child.proc.pid!), "the killed process is gone").toBe(false);
            kills++;
            const after = await inboundCount();
            if (after > before) killsAfterProgress++;
            debug(`killed (delay ${delay})`, after - before);
            aliveMs += Date.now() - tStart;
            gained += after - before;
            await expireLease();
            continue;
          }
        }
        const code = await Promise.race([child.exit, sleep(120_000).then(() => "timeout" as const)]);
        if (code === "timeout") child.proc.kill("SIGKILL");
        expect(code, `ingest child failed:\n${child.log.join("\n").slice(-3000)}`).toBe(0);
        aliveMs += Date.now() - tStart;
        const rowsNow = await inboundCount();
        debug("drained", rowsNow - before);
        gained += rowsNow - before;
        return;
      }
    };
    const expectedRowsOf = (list: Planned[]) => list.filter((p) => p.kind !== "duplicate").length;

    await deliver(plan);
    const tDelivered1 = Date.now();
    await drain(Math.floor(KILLS / 2), expectedRowsOf(plan));
    const tDrained1 = Date.now();

    // ---- wave 2: replies to wave-1 tickets (by each signed/unsigned rule), automatic answers on
    // them, more new tickets, duplicates of wave-1 Message-IDs, more broken mail
    const rows1 = await db().inboundMail.findMany({ where: { outcome: "created" }, select: { messageKey: true, ticketId: true } });
    const ticketOf = new Map(rows1.map((x) => [x.messageKey, x.ticketId!]));
    const news1 = plan.filter((p) => p.kind === "new");
    const acks = new Map((await db().outboxMail.findMany({ where: { template: "ticket.created" }, select: { ticketId: true, messageIdHeader: true } })).map((o) => [o.ticketId!, o.messageIdHeader]));
    const start2 = plan.length;
    while (plan.length < TOTAL) {
      const i = plan.length;
      const x = r.next();
      if (x < 0.55) {
        const orig = r.pick(news1);
        const target = ticketOf.get(orig.messageId!)!;
        // In-Reply-To needs the acknowledgement's Message-ID; the per-address rate limit of the
        // outbox (20 an hour) suppresses acks beyond the 20th ticket of a sender: marker then
        const picked = r.pick(["marker", "subject", "in-reply-to"] as const);
        const how = picked === "in-reply-to" && !acks.has(target) ? "marker" : picked;
        const subject = how === "subject" ? `Re: [#${target}] ${orig.subject} reply ${i}` : `Re: reply ${i}`;
        const text = how === "marker" ? `Reply ${i}\n\n> ## Ticket ID: ${signTicketRef(target, key)}\n> old text\n` : `Reply ${i}\n`;
        const extraHeaders = how === "in-reply-to" ? [`In-Reply-To: ${acks.get(target)}`] : [];
        add({ kind: "reply", how, raw: plainMail({ from: orig.from, to: mb.address, messageId: mid(i), subject, text, extraHeaders }), messageId: mid(i), subject, from: orig.from, target });
      } else if (x < 0.62) {
        const orig = r.pick(news1);
        const target = ticketOf.get(orig.messageId!)!;
        const subject = `Auto: reply ${i}`;
        add({ kind: "auto-matched", raw: autoReplyMail({ from: orig.from, to: mb.address, messageId: mid(i), subject, text: `Away.\n\n## Ticket ID: ${signTicketRef(target, key)}\n` }), messageId: mid(i), subject, from: orig.from, target });
      } else if (x < 0.66) dupOf(news1);
      else if (x < 0.68) extra(i, "no-from");
      else if (x < 0.70) extra(i, "broken-mime");
      else if (x < 0.73) extra(i, "auto-unmatched");
      else {
        const from = r.pick(senders);
        const subject = `Crash ${SEED} new ${i}`;
        add({ kind: "new", raw: SEEDS[r.pick(NEW_SEEDS)]({ from, to: mb.address, messageId: mid(i), subject }), messageId: mid(i), subject, from });
      }
    }
    await deliver(plan.slice(start2));
    const tDelivered2 = Date.now();
    await drain(KILLS - kills, expectedRowsOf(plan));
    const tDone = Date.now();
    console.log(
      `crash-safe ingest: ${kills} kills (${killsAfterProgress} after some commits), deliver ${((tDelivered1 - t0 + tDelivered2 - tDrained1) / 1000).toFixed(1)}s, ` +
        `ingest+kills ${((tDrained1 - tDelivered1 + tDone - tDelivered2) / 1000).toFixed(1)}s, kinds ${JSON.stringify(Object.fromEntries(["new", "reply", "auto-matched", "auto-unmatched", "no-from", "broken-mime", "duplicate"].map((k) => [k, plan.filter((p) => p.kind === k).length])))}`,
    );
    expect(kills).toBe(KILLS);
    expect(plan).toHaveLength(TOTAL);

    // ---- the accounting, in SQL
    const inbound = await db().$queryRaw<{ id: number; message_key: string; subject: string | null; uid: bigint | null; outcome: string; ticket_id: number | null }[]>`
      SELECT id, message_key, subject, uid, outcome, ticket_id FROM inbound_mails ORDER BY id`;
    const messages = await db().$queryRaw<{ id: number; ticket_id: number; inbound_mail_id: number | null; is_automatic: boolean }[]>`
      SELECT id, ticket_id, inbound_mail_id, is_automatic FROM messages WHERE source = 'EMAIL'`;
    const quarantine = await db().$queryRaw<{ inbound_mail_id: number; reason: string }[]>`SELECT inbound_mail_id, reason FROM quarantine_entries`;
    const ticketRows = await db().$queryRaw<{ id: number; title: string; email: string }[]>`SELECT t.id, t.title, u.email FROM tickets t JOIN users u ON u.id = t.requester_id`;
    const byKey = new Map<string, (typeof inbound)[number][]>();
    for (const row of inbound) byKey.set(row.message_key, [...(byKey.get(row.message_key) ?? []), row]);
    const bySubject = new Map<string, (typeof inbound)[number][]>();
    for (const row of inbound) if (row.message_key.startsWith("sha256:")) bySubject.set(row.subject ?? "", [...(bySubject.get(row.subject ?? "") ?? []), row]);
    const msgsByInbound = new Map<number, (typeof messages)[number][]>();
    for (const m of messages) if (m.inbound_mail_id !== null) msgsByInbound.set(m.inbound_mail_id, [...(msgsByInbound.get(m.inbound_mail_id) ?? []), m]);
    const qByInbound = new Map<number, string[]>();
    for (const q of quarantine) qByInbound.set(q.inbound_mail_id, [...(qByInbound.get(q.inbound_mail_id) ?? []), q.reason]);
    const tickets = new Map(ticketRows.map((t) => [t.id, t]));

    const problems: string[] = [];
    const claimed = new Set<number>();
    for (const p of plan) {
      if (p.kind === "duplicate") continue;
      const rows = p.messageId ? byKey.get(p.messageId) ?? [] : bySubject.get(p.subject) ?? [];
      const where = `mail #${p.i} (${p.kind}${p.how ? ` by ${p.how}` : ""}, uid ${p.uid}, ${p.messageId ?? p.subject})`;
      if (rows.length !== 1) {
        problems.push(`${where}: ${rows.length} inbound rows`);
        continue;
      }
      const row = rows[0]!;
      claimed.add(row.id);
      const msgs = msgsByInbound.get(row.id) ?? [];
      const q = qByInbound.get(row.id) ?? [];
      const t = row.ticket_id === null ? undefined : tickets.get(row.ticket_id);
      const fail = (what: string) => problems.push(`${where}: ${what} (outcome ${row.outcome}, ticket ${row.ticket_id}, ${msgs.length} messages, quarantine ${JSON.stringify(q)})`);
      switch (p.kind) {
        case "new":
          if (row.outcome !== "created" || !t || t.title !== p.subject || t.email !== p.from || msgs.length || q.length) fail("expected a new ticket");
          break;
        case "reply":
          if (row.outcome !== "appended" || row.ticket_id !== p.target || msgs.length !== 1 || msgs[0]!.ticket_id !== p.target || msgs[0]!.is_automatic || q.length) fail(`expected one reply on #${p.target}`);
          break;
        case "auto-matched":
          if (row.outcome !== "auto-reply" || msgs.length !== 1 || msgs[0]!.ticket_id !== p.target || !msgs[0]!.is_automatic || q.length) fail(`expected one automatic message on #${p.target}`);
          break;
        case "auto-unmatched":
          if (row.outcome !== "auto-reply" || msgs.length || q.join() !== "automatic") fail("expected an automatic quarantine row");
          break;
        case "no-from":
          if (row.outcome !== "quarantined" || msgs.length || q.join() !== "no-sender") fail("expected a no-sender quarantine row");
          break;
        case "broken-mime":
          if (!((row.outcome === "created" && t && !q.length) || (row.outcome === "quarantined" && q.length === 1)) || msgs.length) fail("expected a ticket or a quarantine row");
          break;
      }
    }
    // nothing beyond the plan: no stray rows, tickets, messages or quarantine entries
    for (const row of inbound) if (!claimed.has(row.id)) problems.push(`unexpected inbound row ${row.id} ${row.message_key} (${row.outcome})`);
    const createdRows = inbound.filter((x) => x.outcome === "created");
    expect(new Set(createdRows.map((x) => x.ticket_id)).size, "one ticket per created mail").toBe(createdRows.length);
    expect(ticketRows.length, "tickets without their mail, or twice").toBe(createdRows.length);
    expect(messages.every((m) => m.inbound_mail_id !== null && claimed.has(m.inbound_mail_id)), "every mail message belongs to one counted mail").toBe(true);
    expect(new Set(messages.map((m) => m.inbound_mail_id)).size).toBe(messages.length);
    expect(quarantine.every((q) => claimed.has(q.inbound_mail_id))).toBe(true);
    const acksPerTicket = await db().$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM outbox_mails WHERE template = 'ticket.created' GROUP BY ticket_id HAVING count(*) <> 1`;
    expect(acksPerTicket, "one acknowledgement per ticket, none doubled by a re-run").toEqual([]);
    const dups = plan.filter((p) => p.kind === "duplicate").length;
    expect(inbound.length + dups, "every mail is a row or a duplicate of one").toBe(TOTAL);
    expect(problems.slice(0, 20), `${problems.length} mails wrong (seed ${SEED})`).toEqual([]);
    const state = await db().mailboxState.findUniqueOrThrow({ where: { key: "default" } });
    expect(Number(state.lastUid)).toBe(Math.max(...plan.map((p) => p.uid!)));
    expect(state.leaseOwner).toBeNull();
    // sanity for the reader: the hash of the plan, so two runs with one seed can be compared
    console.log(`crash-safe ingest: ok in ${((Date.now() - t0) / 1000).toFixed(1)}s, plan ${crypto.createHash("sha256").update(plan.map((p) => p.kind + (p.messageId ?? p.subject)).join()).digest("hex").slice(0, 12)}`);
  }, LONG ? 1_800_000 : 150_000);
});
