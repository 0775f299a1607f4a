// Fetched mails → exactly one outcome each, committed in the transaction that also advances the
// mailbox cursor (docs/mail.md, "never lose, never duplicate"). Several mails share one
// transaction (a batch): each runs under its own SAVEPOINT, the raw source is stored under the
// unique (mailbox, message key) first — a conflict means a duplicate — then the plan of
// decide-mail.ts is executed. A mail that fails (too big, unparseable, a failing insert) is
// rolled back to its savepoint and quarantined with its reason and raw source in the same
// transaction; the cursor moves to the batch's last uid once, at the end: one bad mail never
// blocks the mailbox, and a crash rolls the whole batch back for the next run to redo (the
// dedupe makes that harmless).
import { db, type Tx } from "@/server/db/client";
import { logger } from "@/server/logger";
import type { FetchedMail } from "./mailbox-types";
import { decideMail, preloadSenders, type IngestContext, type QuarantineReason } from "./decide-mail";
import { answerQuarantined, appendMailReply, createTicketFromMail, quarantineEntry, refuseClosedReply } from "./mail-writes";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { storage } from "@/server/platform/storage/storage";
import { sha256Hex, type ParsedMail } from "./parse-mail";
import { parseMailAuto, parseMailFileInWorker } from "./parse-worker";
import { newRawKey, RAW_IN_DB_BYTES } from "./raw-source";
import { discardStaged, refuseFiles, stageAttachments, type Staged } from "./store-attachments";

export type MailOutcome = "created" | "appended" | "duplicate" | "auto-reply" | "quarantined";

export type CursorStep = {
  mailboxKey: string;
  uidValidity: number | null;
  /** the lease this run holds; the commit fails if another run took the mailbox over */
  leaseOwner: string;
  leaseMs: number;
};

/** `refusedFiles`: staged files the upload policy refused, for the caller to delete after the commit */
export type ProcessResult = { outcome: MailOutcome; inboundMailId: number | null; ticketId: number | null; reason?: QuarantineReason; refusedFiles?: Staged };

export class LeaseLostError extends Error {
  constructor() {
    super("mailbox lease lost: another run owns the mailbox now");
  }
}

/** Advances (uidValidity, lastUid) in the caller's transaction and renews the lease. */
async function advanceCursor(tx: Tx, c: CursorStep, uid: number | null) {
  const n = await tx.$executeRaw`
    UPDATE mailbox_states
       SET last_uid = GREATEST(last_uid, ${BigInt(uid ?? 0)}),
           lease_until = now() + make_interval(secs => ${c.leaseMs / 1000}),
           updated_at = now()
     WHERE key = ${c.mailboxKey} AND lease_owner = ${c.leaseOwner}`;
  if (n !== 1) throw new LeaseLostError();
}

type InboundRow = { key: string; uid: number | null; uidl: string | null; from: string | null; subject: string | null; size: number; sha256: string; content: string | null; raw: Buffer; rawKey: string | null; outcome: string };

/** INSERT … ON CONFLICT DO NOTHING: null when the (mailbox, message key) is already stored. */
async function insertInbound(tx: Tx, mailboxKey: string, r: InboundRow): Promise<number | null> {
  const rows = await tx.$queryRaw<{ id: number }[]>`
    INSERT INTO inbound_mails (mailbox_key, message_key, uid, uidl, from_email, subject, size, sha256, content_sha256, outcome, raw, raw_key, marked_at)
    VALUES (${mailboxKey}, ${r.key}, ${r.uid === null ? null : BigInt(r.uid)}, ${r.uidl}, ${r.from}, ${r.subject?.slice(0, 1000) ?? null}, ${r.size}, ${r.sha256}, ${r.content}, ${r.outcome}, ${r.raw}, ${r.rawKey},
            ${r.uid === null ? new Date() : null})
    ON CONFLICT (mailbox_key, message_key) DO NOTHING
    RETURNING id`;
  return rows[0]?.id ?? null;
}

// the raw source goes in the row unless it was staged as a file (rawKey)
const rowOf = (x: PreparedMail, key: string, outcome: string): InboundRow => ({
  key, uid: x.mail.uid, uidl: x.mail.uidl, from: x.parsed?.from.address || null, subject: x.parsed?.subject ?? null,
  size: x.mail.size || x.mail.raw.length, sha256: x.parsed?.sha256 ?? x.rawSha256 ?? sha256Hex(x.mail.raw), content: x.parsed?.contentSha256 ?? null,
  raw: x.rawKey ? EMPTY : x.mail.raw, rawKey: x.rawKey ?? null, outcome,
});
const EMPTY = Buffer.alloc(0);

/**
 * Executes the plan for a stored inbound mail; shared with the quarantine's "retry", which
 * passes `quiet` so the sender is not answered a second time.
 */
export async function applyPlan(tx: Tx, p: ParsedMail, staged: Staged, ctx: IngestContext, inboundMailId: number, opts: { quiet?: boolean } = {}): Promise<ProcessResult> {
  const d = await decideMail(tx, p, ctx);
  const plan = d.plan;
  // the upload policy said no for this sender: no file is kept, each is named for staff
  let refusedFiles: Staged | undefined;
  if ((plan.action === "create" || plan.action === "append") && !plan.uploads.ok && staged.files.length > 0) {
    const split = refuseFiles(staged);
    staged = split.kept;
    refusedFiles = split.refused;
  }
  let result: ProcessResult;
  let outcome: string;
  if (plan.action === "create") {
    const r = await createTicketFromMail(tx, p, staged, ctx, { ...d, plan }, { id: inboundMailId });
    result = { outcome: "created", inboundMailId, ticketId: r.ticketId };
    outcome = "created";
  } else if (plan.action === "append") {
    await appendMailReply(tx, p, staged, ctx, { ...d, plan }, inboundMailId);
    result = { outcome: plan.automatic ? "auto-reply" : "appended", inboundMailId, ticketId: plan.ticketId };
    outcome = result.outcome;
  } else if (plan.action === "refuse-closed") {
    await refuseClosedReply(tx, p, plan.ticketId, inboundMailId, opts, ctx);
    result = { outcome: "quarantined", inboundMailId, ticketId: plan.ticketId, reason: "ticket-closed" };
    outcome = "refused";
  } else {
    await quarantineEntry(tx, inboundMailId, plan.reason, d.automatic.reason);
    if (plan.answer && !opts.quiet) await answerQuarantined(tx, p, plan.answer, plan.ticketId, ctx);
    // unmatched automatic mail is counted as an auto-reply: it is kept for staff, never answered
    result = { outcome: plan.reason === "automatic" ? "auto-reply" : "quarantined", inboundMailId, ticketId: null, reason: plan.reason };
    outcome = plan.reason === "automatic" ? "auto-reply" : "quarantined";
  }
  // a new ticket's statement already recorded it; updateMany: an update() would read the row back, raw source and all
  if (plan.action !== "create") await tx.inboundMail.updateMany({
    where: { id: inboundMailId },
    data: { outcome, matchedRule: d.match.rule, ticketId: plan.action === "append" || plan.action === "refuse-closed" ? plan.ticketId : (result.ticketId ?? null) },
  });
  return refusedFiles ? { ...result, refusedFiles } : result;
}

/** A fetched mail made ready for the transaction: parsed (or why not), attachments staged on disk. */
export type PreparedMail = {
  mail: FetchedMail & { tooBig?: boolean };
  parsed: ParsedMail | null;
  /** set when the mail goes straight to the quarantine */
  failure: { reason: QuarantineReason; detail: string; key: string } | null;
  staged: Staged;
  /** storage key of the raw source when it is kept as a file (large mails, stagePrepared) */
  rawKey?: string;
  /** sha256 of a spooled raw source that could not be parsed */
  rawSha256?: string;
};

/** Does this mail's raw source go to the storage rather than the inbound_mails row? */
const rawAsFile = (m: FetchedMail) => !!m.file || m.raw.length > RAW_IN_DB_BYTES;

async function sha256File(file: string): Promise<string> {
  const h = crypto.createHash("sha256");
  await pipeline(fs.createReadStream(file), h);
  return h.digest("hex");
}

const NOTHING_STAGED: Staged = { files: [], dropped: [] };

/** Parses a mail (large ones in a worker thread); never throws. Attachments are staged separately. */
export async function prepareMail(m: FetchedMail & { tooBig?: boolean }, cursor: CursorStep | null, ctx: IngestContext): Promise<PreparedMail> {
  if (m.tooBig) {
    const key = m.uidl ? `too-big:uidl:${m.uidl}` : `too-big:${cursor?.uidValidity ?? 0}:${m.uid ?? 0}`;
    return { mail: m, parsed: null, failure: { reason: "too-big", detail: `${m.size} bytes, limit ${ctx.mail.maxMailMb} MB`, key }, staged: NOTHING_STAGED };
  }
  try {
    // a spooled mail is parsed from its file; its attachments are written next to it
    const parsed = m.file ? await parseMailFileInWorker(m.file, path.dirname(m.file)) : await parseMailAuto(m.raw);
    return { mail: m, parsed, failure: null, staged: NOTHING_STAGED };
  } catch (e) {
    const sha = m.file ? await sha256File(m.file) : sha256Hex(m.raw);
    return { mail: m, parsed: null, failure: { reason: "parse-failed", detail: String((e as Error)?.message ?? e), key: `sha256:${sha}` }, staged: NOTHING_STAGED, rawSha256: sha };
  }
}

/** Deletes what a prepared mail left in the run's spool directory (its source, its parts). */
export async function releaseSpool(x: PreparedMail): Promise<void> {
  const files = [x.mail.file, ...(x.parsed?.attachments ?? []).map((a) => a.spooled?.path)].filter((f): f is string => !!f);
  await Promise.all(files.map((f) => fs.promises.rm(f, { force: true }).catch(() => {})));
}

/** Forgets the staged raw file of a mail that did not commit (a duplicate, a failed batch). */
export async function discardRaw(x: PreparedMail): Promise<void> {
  if (!x.rawKey) return;
  const key = x.rawKey;
  x.rawKey = undefined;
  await storage().delete(key).catch(() => {});
}

/**
 * Writes the attachments of the prepared mails to storage. One query finds the mails of the
 * list already stored (a re-delivery), so their attachments are not written a second time;
 * the unique insert in the transaction stays the authority (a late duplicate's files are
 * discarded after the commit).
 */
export async function stagePrepared(list: PreparedMail[], mailboxKey: string, ctx: IngestContext): Promise<void> {
  const withFiles = list.filter((x) => x.parsed && x.parsed.attachments.length > 0 && x.staged.files.length === 0);
  const withRaw = list.filter((x) => !x.rawKey && !x.mail.tooBig && rawAsFile(x.mail));
  if (withFiles.length === 0 && withRaw.length === 0) return;
  const keyOf = (x: PreparedMail) => x.parsed?.messageKey ?? x.failure?.key ?? null;
  const all = [...withFiles, ...withRaw];
  const keys = [...new Set([...all.map(keyOf), ...all.map((x) => (x.parsed ? reusedIdKey(x.parsed) : null))].filter((k): k is string => k !== null))];
  const stored = new Map((await db().inboundMail.findMany({ where: { mailboxKey, messageKey: { in: keys } }, select: { messageKey: true, contentSha256: true } })).map((r) => [r.messageKey, r.contentSha256]));
  // stored already: the same key with the same content (or unfingerprinted), or this mail's reused-id key
  const seenMail = (x: PreparedMail) => {
    const k = keyOf(x);
    if (k === null || !stored.has(k)) return false;
    const c = stored.get(k);
    return !x.parsed || c === null || c === x.parsed.contentSha256 || stored.has(reusedIdKey(x.parsed));
  };
  for (const x of withFiles) {
    if (!seenMail(x)) x.staged = await stageAttachments(x.parsed!.attachments, ctx.tickets);
  }
  // a large raw source goes to the storage as a file (copied from the spool, or written once from memory)
  for (const x of withRaw) {
    if (seenMail(x)) continue;
    const key = newRawKey();
    if (x.mail.file) await storage().putFile(key, x.mail.file);
    else await storage().put(key, x.mail.raw);
    x.rawKey = key;
  }
}

async function quarantineIn(tx: Tx, x: PreparedMail, mailboxKey: string, reason: QuarantineReason, detail: string, key: string): Promise<ProcessResult> {
  const id = await insertInbound(tx, mailboxKey, rowOf(x, key, "quarantined"));
  if (id === null) return { outcome: "duplicate", inboundMailId: null, ticketId: null };
  await quarantineEntry(tx, id, reason, detail);
  return { outcome: "quarantined", inboundMailId: id, ticketId: null, reason };
}

/** The key of a mail that reuses a stored Message-ID with other content: `<id>#<content hash>`. */
export const reusedIdKey = (p: ParsedMail) => `${p.messageKey}#${p.contentSha256.slice(0, 32)}`;

/**
 * The Message-ID is stored already: a true repeat (same content, or a row from before content
 * was fingerprinted) is a duplicate (null); another mail reusing the id is stored under its own key.
 */
async function insertReusedId(tx: Tx, mailboxKey: string, x: PreparedMail): Promise<number | null> {
  const p = x.parsed!;
  if (!p.messageId) return null; // the key is the raw source's hash: same bytes, same mail
  const first = await tx.inboundMail.findUnique({ where: { mailboxKey_messageKey: { mailboxKey, messageKey: p.messageKey } }, select: { contentSha256: true } });
  if (!first || first.contentSha256 === null || first.contentSha256 === p.contentSha256) return null;
  return insertInbound(tx, mailboxKey, rowOf(x, reusedIdKey(p), "pending"));
}

/** One mail inside the batch transaction (under its savepoint). */
async function handleOne(tx: Tx, x: PreparedMail, mailboxKey: string, ctx: IngestContext): Promise<ProcessResult> {
  if (x.failure) return quarantineIn(tx, x, mailboxKey, x.failure.reason, x.failure.detail, x.failure.key);
  const p = x.parsed!;
  const id = await insertInbound(tx, mailboxKey, rowOf(x, p.messageKey, "pending")) ?? (await insertReusedId(tx, mailboxKey, x));
  if (id === null) {
    // POP3 has no cursor: remember this UIDL so the duplicate is not downloaded again (no source kept)
    if (x.mail.uidl) await insertInbound(tx, mailboxKey, { ...rowOf(x, `duplicate:uidl:${x.mail.uidl}`, "duplicate"), rawKey: null });
    return { outcome: "duplicate", inboundMailId: null, ticketId: null };
  }
  return applyPlan(tx, p, x.staged, ctx, id);
}

export type BatchOptions = {
  mailboxKey: string;
  cursor: CursorStep | null;
  ctx: IngestContext;
  /** stop taking more mails into the transaction after this long (the first is always taken) */
  maxMs?: number;
  /** test hook, inside the transaction after each mail (throwing simulates a crash mid-batch) */
  duringBatch?: (indexInBatch: number) => void | Promise<void>;
};

/**
 * Processes a prefix of `list` (all of it unless `maxMs` ran out) in ONE transaction and
 * returns one result per processed mail, in order. Staged files of mails that ended as
 * duplicates or were rolled back are discarded; if the transaction itself fails, every staged
 * file of the batch is discarded and the error is thrown (nothing of the batch is committed).
 */
export async function processBatch(list: PreparedMail[], opts: BatchOptions): Promise<ProcessResult[]> {
  const { mailboxKey, cursor, ctx } = opts;
  const drop: Staged[] = [];
  const dropRaw: PreparedMail[] = [];
  const started = Date.now();
  let results: ProcessResult[];
  try {
    results = await db().$transaction(
      async (tx) => {
        const out: ProcessResult[] = [];
        let lastUid: number | null = null;
        // the senders' accounts of the whole batch in one query instead of one per mail
        await preloadSenders(tx, ctx, list.flatMap((x) => (x.parsed && !x.failure ? [x.parsed.from.address] : [])));
        for (const x of list) {
          if (out.length > 0 && opts.maxMs !== undefined && Date.now() - started >= opts.maxMs) break;
          await tx.$executeRawUnsafe("SAVEPOINT m");
          let r: ProcessResult;
          try {
            // no RELEASE: it would cost a round trip per mail, and the next SAVEPOINT m nests
            // (ROLLBACK TO m goes to the newest m); a released subtransaction holds its xid
            // until the commit all the same
            r = await handleOne(tx, x, mailboxKey, ctx);
          } catch (e) {
            await tx.$executeRawUnsafe("ROLLBACK TO SAVEPOINT m");
            // an account this mail created is gone with it
            if (x.parsed) ctx.memo.senders?.delete(x.parsed.from.address);
            drop.push(x.staged);
            const detail = String((e as Error)?.message ?? e);
            logger.error("mail ingest: processing failed, quarantining", { messageKey: x.parsed?.messageKey ?? null, uid: x.mail.uid, error: detail });
            r = await quarantineIn(tx, x, mailboxKey, "processing-failed", detail, x.parsed?.messageKey ?? `sha256:${x.rawSha256 ?? sha256Hex(x.mail.raw)}`);
          }
          if (r.refusedFiles) drop.push(r.refusedFiles);
          if (r.outcome === "duplicate") {
            drop.push(x.staged);
            dropRaw.push(x);
          }
          out.push(r);
          if (x.mail.uid !== null) lastUid = Math.max(lastUid ?? 0, x.mail.uid);
          await opts.duringBatch?.(out.length - 1);
        }
        // once per batch, last: renews the lease and fails the whole batch if another run took over
        if (cursor) await advanceCursor(tx, cursor, lastUid);
        return out;
      },
      { timeout: 120_000, maxWait: 10_000 },
    );
  } catch (e) {
    ctx.memo.senders = undefined;
    await Promise.all(list.map((x) => discardStaged(x.staged)));
    await Promise.all(list.map((x) => discardRaw(x)));
    for (const x of list) x.staged = NOTHING_STAGED;
    throw e;
  }
  // true only inside that transaction
  ctx.memo.senders = undefined;
  await Promise.all(drop.map((s) => discardStaged(s)));
  await Promise.all(dropRaw.map((x) => discardRaw(x)));
  return results;
}

/** One mail in its own transaction (the quarantine page, tests, and the fallback of a failed batch). */
export async function processMail(
  m: FetchedMail & { tooBig?: boolean },
  opts: { mailboxKey: string; cursor: CursorStep | null; ctx: IngestContext },
): Promise<ProcessResult> {
  const x = await prepareMail(m, opts.cursor, opts.ctx);
  await stagePrepared([x], opts.mailboxKey, opts.ctx);
  const [r] = await processBatch([x], opts);
  return r!;
}
