// One ingest run over the configured mailbox. Both cron jobs (ticket_create, ticket_replies)
// call this same single pass: every mail is routed once — to a new ticket, to a reply, or to
// the quarantine — so neither job can skip a mail the other left behind or process it twice.
//
// A run holds a per-mailbox lease (a row in mailbox_states, taken with one atomic upsert whose
// WHERE only matches an expired lease), so an overlapping call answers `busy` at once. The
// cursor (uidValidity, lastUid) advances in the transaction that stores a batch of mails
// (process-mail.ts: up to BATCH_MAILS mails or about BATCH_MS of work, a savepoint per mail);
// marking the messages seen / moving them happens only after that commit, and is cosmetic.
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { db } from "@/server/db/client";
import { spoolRoot } from "@/server/env";
import { runWindow } from "@/server/cron/limits";
import { logger } from "@/server/logger";
import type { MailSettings } from "@/server/domain/settings/schema";
import { openMailbox } from "./mailbox-source";
import type { FetchedMail, MailboxConfig, MailboxSource, MarkAction } from "./mailbox-types";
import { loadIngestContext } from "./decide-mail";
import { discardStaged } from "./store-attachments";
import { discardRaw, prepareMail, processBatch, releaseSpool, stagePrepared, LeaseLostError, type CursorStep, type MailOutcome, type PreparedMail, type ProcessResult } from "./process-mail";

export const MAILBOX_KEY = "default";

export type IngestSummary = {
  configured: true;
  fetched: number;
  created: number;
  appended: number;
  duplicates: number;
  autoReplies: number;
  quarantined: number;
  /** mail left to the other job: always 0, both jobs run the same single pass */
  skipped: number;
  busy: boolean;
  ms: number;
};
export type IngestResult = IngestSummary | { configured: false };

/** Mails per transaction, and the time after which a transaction takes no more mails. */
export const BATCH_MAILS = 25;
export const BATCH_MS = 1000;
/** Raw bytes of the mails prepared (parsed, attachments staged) ahead of one transaction. */
const BATCH_BYTES = 16 * 1024 * 1024;
/** A run's spool directory left behind by a crash is removed by a later run after this long. */
const STALE_SPOOL_MS = 6 * 60 * 60 * 1000;

/**
 * The run's own directory for large messages streamed from the server and their parts
 * (imap-source.ts, parse-worker.ts); removed when the run ends. Old ones of crashed runs go too.
 */
async function makeSpoolDir(): Promise<string> {
  const root = spoolRoot();
  await fs.mkdir(root, { recursive: true, mode: 0o700 });
  for (const name of await fs.readdir(root).catch(() => [] as string[])) {
    const st = await fs.stat(path.join(root, name)).catch(() => null);
    if (st && Date.now() - st.mtimeMs > STALE_SPOOL_MS) await fs.rm(path.join(root, name), { recursive: true, force: true }).catch(() => {});
  }
  const dir = path.join(root, crypto.randomUUID());
  await fs.mkdir(dir, { mode: 0o700 });
  return dir;
}

export type RunOptions = {
  /**
   * test hook: called after each committed mail, once its batch has committed (throwing
   * simulates a crash between commits). Without `batchMails`, a run given this hook commits
   * every mail on its own, so "after mail N" is also "after commit N".
   */
  afterMail?: (handled: number) => void | Promise<void>;
  /** mails per transaction (default BATCH_MAILS; 1 when `afterMail` is given) */
  batchMails?: number;
  /** test hook inside the batch transaction, after each mail (throwing = a crash mid-batch) */
  duringBatch?: (indexInBatch: number) => void | Promise<void>;
  /** overrides for tests */
  openSource?: (cfg: MailboxConfig) => Promise<MailboxSource>;
  /**
   * when the caller is killed (a cron function's maxDuration, server/cron/limits.ts): the run
   * stops taking mails well before, and its lease never reaches past it
   */
  endBy?: number;
};

export function mailboxConfig(m: MailSettings): MailboxConfig | null {
  if (!m.host.trim() || !m.username.trim()) return null;
  return {
    protocol: m.protocol, host: m.host.trim(), port: m.port, secure: m.secure,
    allowInvalidCertificate: m.allowInvalidCertificate, caPem: m.caPem.trim() || null,
    username: m.username.trim(), password: m.password, folder: m.folder || "INBOX",
  };
}

export function markAction(afterProcessing: string): MarkAction {
  if (afterProcessing.startsWith("move:")) return { move: afterProcessing.slice(5) };
  return afterProcessing === "leave" ? "leave" : "mark-seen";
}

/** Takes the lease or answers null (busy). Returns the cursor as stored. */
export async function acquireLease(key: string, owner: string, leaseMs: number) {
  const rows = await db().$queryRaw<{ uid_validity: bigint | null; last_uid: bigint }[]>`
    INSERT INTO mailbox_states (key, last_uid, lease_owner, lease_until, updated_at)
    VALUES (${key}, 0, ${owner}, now() + make_interval(secs => ${leaseMs / 1000}), now())
    ON CONFLICT (key) DO UPDATE
       SET lease_owner = EXCLUDED.lease_owner, lease_until = EXCLUDED.lease_until, updated_at = now()
     WHERE mailbox_states.lease_until IS NULL OR mailbox_states.lease_until < now()
    RETURNING uid_validity, last_uid`;
  const r = rows[0];
  return r ? { uidValidity: r.uid_validity === null ? null : Number(r.uid_validity), lastUid: Number(r.last_uid) } : null;
}

async function releaseLease(key: string, owner: string, result: unknown) {
  await db().$executeRaw`
    UPDATE mailbox_states SET lease_owner = NULL, lease_until = NULL, last_run_at = now(),
           last_result = ${JSON.stringify(result)}::jsonb, updated_at = now()
     WHERE key = ${key} AND lease_owner = ${owner}`;
}

/** Applies the "after processing" action; false when it failed (the next run tries once more). */
async function markOne(source: MailboxSource, action: MarkAction, mail: FetchedMail): Promise<boolean> {
  if (action === "leave" || source.protocol !== "imap") return true;
  try {
    await source.markProcessed(mail, action);
    return true;
  } catch (e) {
    logger.warn("mail ingest: marking the message failed", { uid: mail.uid, error: String((e as Error)?.message ?? e) });
    return false;
  }
}

/**
 * The committed mails whose mark / move never happened (the run died between the commit and the
 * action): applied now, once — a failure is logged, not retried for ever (the message may be gone).
 */
async function finishMarking(source: MailboxSource, action: MarkAction, lastUid: number) {
  const rows = await db().inboundMail.findMany({
    where: { mailboxKey: MAILBOX_KEY, markedAt: null, uid: { not: null, lte: BigInt(lastUid) } },
    select: { id: true, uid: true }, orderBy: { uid: "asc" }, take: 500,
  });
  if (rows.length === 0) return;
  for (const r of rows) await markOne(source, action, { uid: Number(r.uid), uidl: null, raw: Buffer.alloc(0), size: 0 });
  await db().inboundMail.updateMany({ where: { id: { in: rows.map((r) => r.id) } }, data: { markedAt: new Date() } });
  logger.info("mail ingest: applied the after-processing action left over by an earlier run", { mails: rows.length });
}

const BUCKET: Record<MailOutcome, keyof Pick<IngestSummary, "created" | "appended" | "duplicates" | "autoReplies" | "quarantined">> = {
  created: "created", appended: "appended", duplicate: "duplicates", "auto-reply": "autoReplies", quarantined: "quarantined",
};

export async function runIngest(opts: RunOptions = {}): Promise<IngestResult> {
  const started = Date.now();
  const ctx = await loadIngestContext();
  const cfg = mailboxConfig(ctx.mail);
  if (!cfg) return { configured: false };
  const sum: IngestSummary = { configured: true, fetched: 0, created: 0, appended: 0, duplicates: 0, autoReplies: 0, quarantined: 0, skipped: 0, busy: false, ms: 0 };
  const { budgetMs, leaseMs } = runWindow(ctx.mail.timeBudgetSeconds * 1000, started, opts.endBy);
  const owner = `${process.pid}:${crypto.randomUUID()}`;
  const state = await acquireLease(MAILBOX_KEY, owner, leaseMs(Date.now()));
  if (!state) return { ...sum, busy: true, ms: Date.now() - started };

  let source: MailboxSource | undefined;
  let spoolDir: string | undefined;
  try {
    spoolDir = await makeSpoolDir();
    source = await (opts.openSource ?? openMailbox)(cfg);
    let lastUid = state.lastUid;
    if (source.uidValidity !== null && source.uidValidity !== state.uidValidity) {
      // UIDs were renumbered (or first run): re-scan from the start; dedupe makes it harmless
      if (state.uidValidity !== null) logger.warn("mail ingest: UIDVALIDITY changed, re-scanning", { from: state.uidValidity, to: source.uidValidity });
      lastUid = 0;
      await db().mailboxState.update({ where: { key: MAILBOX_KEY }, data: { uidValidity: BigInt(source.uidValidity), lastUid: 0n } });
    }
    // each commit renews the lease: its length is worked out anew then (see runWindow)
    const cursor: CursorStep = { mailboxKey: MAILBOX_KEY, uidValidity: source.uidValidity, leaseOwner: owner, get leaseMs() { return leaseMs(Date.now()); } };
    const action = markAction(ctx.mail.afterProcessing);
    const skipUidls = async (uidls: string[]) => {
      const rows = await db().inboundMail.findMany({ where: { mailboxKey: MAILBOX_KEY, uidl: { in: uidls } }, select: { uidl: true } });
      return new Set(rows.map((r) => r.uidl!));
    };
    const perTx = Math.max(1, opts.batchMails ?? (opts.afterMail ? 1 : BATCH_MAILS));
    // a throwing test hook stands for a crash: it must not be taken for a failed batch and retried
    let hookError: unknown = undefined;
    const duringBatch = opts.duringBatch && (async (i: number) => {
      try {
        await opts.duringBatch!(i);
      } catch (e) {
        hookError = e;
        throw e;
      }
    });
    // mails committed by a run that died before their "after processing" action: done now
    if (source.uidValidity !== null && source.uidValidity === state.uidValidity) await finishMarking(source, action, lastUid);
    else await db().inboundMail.updateMany({ where: { mailboxKey: MAILBOX_KEY, markedAt: null }, data: { markedAt: new Date() } });
    // ids whose action is done, recorded once per batch (a crash before that only repeats the action)
    let markedIds: number[] = [];
    const recordMarked = async () => {
      if (markedIds.length === 0) return;
      const ids = markedIds;
      markedIds = [];
      await db().inboundMail.updateMany({ where: { id: { in: ids } }, data: { markedAt: new Date() } });
    };
    const account = async (x: PreparedMail, r: ProcessResult) => {
      sum.fetched += 1;
      sum[BUCKET[r.outcome]] += 1;
      // after the commit: the cursor is the truth either way; marked_at records it is done (a
      // run that dies here, or a failed mark, leaves it null for the next run's finishMarking)
      const marked = await markOne(source!, action, x.mail);
      if (marked && r.inboundMailId !== null && x.mail.uid !== null) markedIds.push(r.inboundMailId);
      await releaseSpool(x);
      await opts.afterMail?.(sum.fetched);
    };
    fetching: while (Date.now() - started < budgetMs) {
      const batch = await source.fetchBatch({ afterUid: lastUid, limit: ctx.mail.batchSize, maxBytes: ctx.mail.maxMailMb * 1024 * 1024, skipUidls, spoolDir });
      if (batch.length === 0) break;
      let next = 0;
      let ready: PreparedMail[] = [];
      while (next < batch.length || ready.length > 0) {
        if (Date.now() - started >= budgetMs) {
          await Promise.all(ready.map(async (x) => { await discardStaged(x.staged); await discardRaw(x); await releaseSpool(x); })); // left for the next run
          break fetching;
        }
        // parse (large mails in the worker) and stage attachments before the transaction
        const fresh: PreparedMail[] = [];
        let bytes = ready.reduce((n, x) => n + x.mail.raw.length, 0);
        while (next < batch.length && ready.length + fresh.length < perTx && (bytes < BATCH_BYTES || ready.length + fresh.length === 0)) {
          const m = batch[next++]!;
          bytes += m.raw.length;
          fresh.push(await prepareMail(m, cursor, ctx));
        }
        await stagePrepared(fresh, MAILBOX_KEY, ctx);
        ready = [...ready, ...fresh];
        const remaining = budgetMs - (Date.now() - started);
        let results: ProcessResult[];
        try {
          results = await processBatch(ready, { mailboxKey: MAILBOX_KEY, cursor, ctx, maxMs: Math.min(BATCH_MS, Math.max(remaining, 0)), duringBatch });
        } catch (e) {
          if (e instanceof LeaseLostError || e === hookError || ready.length === 1) throw e;
          // the batch as a whole failed (not one mail: those roll back to their savepoint):
          // redo it one mail per transaction, so only the mail that cannot be stored fails the run
          logger.warn("mail ingest: batch failed, retrying its mails one by one", { mails: ready.length, error: String((e as Error)?.message ?? e) });
          for (const x of ready) {
            await stagePrepared([x], MAILBOX_KEY, ctx);
            const [r] = await processBatch([x], { mailboxKey: MAILBOX_KEY, cursor, ctx });
            if (x.mail.uid !== null) lastUid = Math.max(lastUid, x.mail.uid);
            await account(x, r!);
          }
          await recordMarked();
          ready = [];
          continue;
        }
        const done = ready.slice(0, results.length);
        ready = ready.slice(results.length);
        for (let i = 0; i < done.length; i++) {
          const x = done[i]!;
          if (x.mail.uid !== null) lastUid = Math.max(lastUid, x.mail.uid);
          await account(x, results[i]!);
        }
        await recordMarked();
      }
      if (batch.length < ctx.mail.batchSize) break;
    }
  } finally {
    sum.ms = Date.now() - started;
    await source?.close().catch(() => {});
    if (spoolDir) await fs.rm(spoolDir, { recursive: true, force: true }).catch(() => {});
    await releaseLease(MAILBOX_KEY, owner, sum).catch((e) => logger.error("mail ingest: releasing the lease failed", { error: String(e?.message ?? e) }));
  }
  return sum;
}
