// One ingest run over the configured mailbox. Both cron jobs (ticket_create, ticket_replies)
// call this same single pass: every mail is routed once — to a new ticket, to a reply, or to
// the quarantine — so neither job can skip a mail the other left behind or process it twice.
//
// A run holds a per-mailbox lease (a row in mailbox_states, taken with one atomic upsert whose
// WHERE only matches an expired lease), so an overlapping call answers `busy` at once. The
// cursor (uidValidity, lastUid) advances in each mail's own transaction (process-mail.ts);
// marking the message seen / moving it happens only after that commit, and is cosmetic.
import crypto from "node:crypto";
import { db } from "@/server/db/client";
import { logger } from "@/server/logger";
import type { MailSettings } from "@/server/domain/settings/schema";
import { openMailbox, type MailboxConfig, type MailboxSource, type MarkAction } from "./mailbox-source";
import { loadIngestContext } from "./decide-mail";
import { processMail, type CursorStep, type MailOutcome } from "./process-mail";

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

export type RunOptions = {
  /** test hook: called after each committed mail (throwing simulates a crash mid-run) */
  afterMail?: (handled: number) => void | Promise<void>;
  /** overrides for tests */
  openSource?: (cfg: MailboxConfig) => Promise<MailboxSource>;
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

const BUCKET: Record<MailOutcome, keyof Pick<IngestSummary, "created" | "appended" | "duplicates" | "autoReplies" | "quarantined">> = {
  created: "created", appended: "appended", duplicate: "duplicates", "auto-reply": "autoReplies", quarantined: "quarantined",
};

export async function runIngest(opts: RunOptions = {}): Promise<IngestResult> {
  const started = Date.now();
  const ctx = await loadIngestContext();
  const cfg = mailboxConfig(ctx.mail);
  if (!cfg) return { configured: false };
  const sum: IngestSummary = { configured: true, fetched: 0, created: 0, appended: 0, duplicates: 0, autoReplies: 0, quarantined: 0, skipped: 0, busy: false, ms: 0 };
  const budgetMs = ctx.mail.timeBudgetSeconds * 1000;
  const leaseMs = budgetMs + 60_000;
  const owner = `${process.pid}:${crypto.randomUUID()}`;
  const state = await acquireLease(MAILBOX_KEY, owner, leaseMs);
  if (!state) return { ...sum, busy: true, ms: Date.now() - started };

  let source: MailboxSource | undefined;
  try {
    source = await (opts.openSource ?? openMailbox)(cfg);
    let lastUid = state.lastUid;
    if (source.uidValidity !== null && source.uidValidity !== state.uidValidity) {
      // UIDs were renumbered (or first run): re-scan from the start; dedupe makes it harmless
      if (state.uidValidity !== null) logger.warn("mail ingest: UIDVALIDITY changed, re-scanning", { from: state.uidValidity, to: source.uidValidity });
      lastUid = 0;
      await db().mailboxState.update({ where: { key: MAILBOX_KEY }, data: { uidValidity: BigInt(source.uidValidity), lastUid: 0n } });
    }
    const cursor: CursorStep = { mailboxKey: MAILBOX_KEY, uidValidity: source.uidValidity, leaseOwner: owner, leaseMs };
    const action = markAction(ctx.mail.afterProcessing);
    const skipUidls = async (uidls: string[]) => {
      const rows = await db().inboundMail.findMany({ where: { mailboxKey: MAILBOX_KEY, uidl: { in: uidls } }, select: { uidl: true } });
      return new Set(rows.map((r) => r.uidl!));
    };
    while (Date.now() - started < budgetMs) {
      const batch = await source.fetchBatch({ afterUid: lastUid, limit: ctx.mail.batchSize, maxBytes: ctx.mail.maxMailMb * 1024 * 1024, skipUidls });
      if (batch.length === 0) break;
      for (const mail of batch) {
        if (Date.now() - started >= budgetMs) break;
        const r = await processMail(mail, { mailboxKey: MAILBOX_KEY, cursor, ctx });
        sum.fetched += 1;
        sum[BUCKET[r.outcome]] += 1;
        if (mail.uid !== null) lastUid = Math.max(lastUid, mail.uid);
        // cosmetic, after the commit: the cursor is the truth either way
        if (action !== "leave" && source.protocol === "imap") {
          await source.markProcessed(mail, action).catch((e) => logger.warn("mail ingest: marking the message failed", { uid: mail.uid, error: String(e?.message ?? e) }));
        }
        await opts.afterMail?.(sum.fetched);
      }
      if (batch.length < ctx.mail.batchSize) break;
    }
  } finally {
    sum.ms = Date.now() - started;
    await source?.close().catch(() => {});
    await releaseLease(MAILBOX_KEY, owner, sum).catch((e) => logger.error("mail ingest: releasing the lease failed", { error: String(e?.message ?? e) }));
  }
  return sum;
}
