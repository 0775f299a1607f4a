// One fetched mail → exactly one outcome, in ONE transaction that also advances the mailbox
// cursor (docs/mail.md, "never lose, never duplicate"): the raw source is stored under the
// unique (mailbox, message key) first — a conflict means a duplicate — then the plan of
// decide-mail.ts is executed. Anything that fails (too big, unparseable, a failing insert)
// lands in the quarantine with its reason and raw source in a second small transaction, and
// the cursor moves past it: one bad mail never blocks the mailbox.
import { db, type Tx } from "@/server/db/client";
import { logger } from "@/server/logger";
import type { FetchedMail } from "./mailbox-source";
import { decideMail, type IngestContext, type QuarantineReason } from "./decide-mail";
import { answerQuarantined, appendMailReply, createTicketFromMail, quarantineEntry, refuseClosedReply } from "./mail-writes";
import { parseMail, sha256Hex, type ParsedMail } from "./parse-mail";
import { discardStaged, stageAttachments, type Staged } from "./store-attachments";

export type MailOutcome = "created" | "appended" | "duplicate" | "auto-reply" | "quarantined";

export type CursorStep = {
  mailboxKey: string;
  uidValidity: number | null;
  /** the lease this run holds; the commit fails if another run took the mailbox over */
  leaseOwner: string;
  leaseMs: number;
};

export type ProcessResult = { outcome: MailOutcome; inboundMailId: number | null; ticketId: number | null; reason?: QuarantineReason };

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

type InboundRow = { key: string; uid: number | null; uidl: string | null; from: string | null; subject: string | null; size: number; sha256: string; raw: Buffer; outcome: string };

/** INSERT … ON CONFLICT DO NOTHING: null when the (mailbox, message key) is already stored. */
async function insertInbound(tx: Tx, mailboxKey: string, r: InboundRow): Promise<number | null> {
  const rows = await tx.$queryRaw<{ id: number }[]>`
    INSERT INTO inbound_mails (mailbox_key, message_key, uid, uidl, from_email, subject, size, sha256, outcome, raw)
    VALUES (${mailboxKey}, ${r.key}, ${r.uid === null ? null : BigInt(r.uid)}, ${r.uidl}, ${r.from}, ${r.subject?.slice(0, 1000) ?? null}, ${r.size}, ${r.sha256}, ${r.outcome}, ${r.raw})
    ON CONFLICT (mailbox_key, message_key) DO NOTHING
    RETURNING id`;
  return rows[0]?.id ?? null;
}

const rowOf = (m: FetchedMail, p: ParsedMail | null, key: string, outcome: string): InboundRow => ({
  key, uid: m.uid, uidl: m.uidl, from: p?.from.address || null, subject: p?.subject ?? null,
  size: m.size || m.raw.length, sha256: p?.sha256 ?? sha256Hex(m.raw), raw: m.raw, outcome,
});

/** A mail that could not be handled normally: stored with its reason, cursor moved past it. */
async function quarantineMail(m: FetchedMail, cursor: CursorStep | null, mailboxKey: string, key: string, p: ParsedMail | null, reason: QuarantineReason, detail: string): Promise<ProcessResult> {
  return db().$transaction(async (tx) => {
    if (cursor) await advanceCursor(tx, cursor, m.uid);
    const id = await insertInbound(tx, mailboxKey, rowOf(m, p, key, "quarantined"));
    if (id === null) return { outcome: "duplicate" as const, inboundMailId: null, ticketId: null };
    await quarantineEntry(tx, id, reason, detail);
    return { outcome: "quarantined" as const, inboundMailId: id, ticketId: null, reason };
  });
}

/**
 * Executes the plan for a stored inbound mail; shared with the quarantine's "retry", which
 * passes `quiet` so the sender is not answered a second time.
 */
export async function applyPlan(tx: Tx, p: ParsedMail, staged: Staged, ctx: IngestContext, inboundMailId: number, opts: { quiet?: boolean } = {}): Promise<ProcessResult> {
  const d = await decideMail(tx, p, ctx);
  const plan = d.plan;
  let result: ProcessResult;
  let outcome: string;
  if (plan.action === "create") {
    const r = await createTicketFromMail(tx, p, staged, ctx, { ...d, plan });
    result = { outcome: "created", inboundMailId, ticketId: r.ticketId };
    outcome = "created";
  } else if (plan.action === "append") {
    await appendMailReply(tx, p, staged, ctx, { ...d, plan }, inboundMailId);
    result = { outcome: plan.automatic ? "auto-reply" : "appended", inboundMailId, ticketId: plan.ticketId };
    outcome = result.outcome;
  } else if (plan.action === "refuse-closed") {
    await refuseClosedReply(tx, p, plan.ticketId, inboundMailId, opts);
    result = { outcome: "quarantined", inboundMailId, ticketId: plan.ticketId, reason: "ticket-closed" };
    outcome = "refused";
  } else {
    await quarantineEntry(tx, inboundMailId, plan.reason, d.automatic.reason);
    if (plan.answer && !opts.quiet) await answerQuarantined(tx, p, plan.answer, plan.ticketId);
    // unmatched automatic mail is counted as an auto-reply: it is kept for staff, never answered
    result = { outcome: plan.reason === "automatic" ? "auto-reply" : "quarantined", inboundMailId, ticketId: null, reason: plan.reason };
    outcome = plan.reason === "automatic" ? "auto-reply" : "quarantined";
  }
  await tx.inboundMail.update({
    where: { id: inboundMailId },
    data: { outcome, matchedRule: d.match.rule, ticketId: plan.action === "append" || plan.action === "refuse-closed" ? plan.ticketId : (result.ticketId ?? null) },
  });
  return result;
}

export async function processMail(
  m: FetchedMail & { tooBig?: boolean },
  opts: { mailboxKey: string; cursor: CursorStep | null; ctx: IngestContext },
): Promise<ProcessResult> {
  const { mailboxKey, cursor, ctx } = opts;
  if (m.tooBig) {
    const key = m.uidl ? `too-big:uidl:${m.uidl}` : `too-big:${cursor?.uidValidity ?? 0}:${m.uid ?? 0}`;
    return quarantineMail(m, cursor, mailboxKey, key, null, "too-big", `${m.size} bytes, limit ${ctx.mail.maxMailMb} MB`);
  }
  let p: ParsedMail;
  try {
    p = await parseMail(m.raw);
  } catch (e) {
    return quarantineMail(m, cursor, mailboxKey, `sha256:${sha256Hex(m.raw)}`, null, "parse-failed", String((e as Error)?.message ?? e));
  }
  // Cheap pre-check so a re-delivered mail does not write its attachments again; the unique
  // insert below stays the authority.
  const seen = await db().inboundMail.findUnique({ where: { mailboxKey_messageKey: { mailboxKey, messageKey: p.messageKey } }, select: { id: true } });
  const staged = seen ? { files: [], dropped: [] } : await stageAttachments(p.attachments, ctx.tickets);
  try {
    return await db().$transaction(
      async (tx) => {
        if (cursor) await advanceCursor(tx, cursor, m.uid);
        const id = await insertInbound(tx, mailboxKey, rowOf(m, p, p.messageKey, "pending"));
        if (id === null) {
          // POP3 has no cursor: remember this UIDL so the duplicate is not downloaded again
          if (m.uidl) await insertInbound(tx, mailboxKey, rowOf(m, p, `duplicate:uidl:${m.uidl}`, "duplicate"));
          return { outcome: "duplicate" as const, inboundMailId: null, ticketId: null };
        }
        return applyPlan(tx, p, staged, ctx, id);
      },
      { timeout: 60_000, maxWait: 10_000 },
    ).then(async (r) => {
      if (r.outcome === "duplicate") await discardStaged(staged);
      return r;
    });
  } catch (e) {
    await discardStaged(staged);
    if (e instanceof LeaseLostError) throw e;
    logger.error("mail ingest: processing failed, quarantining", { messageKey: p.messageKey, error: String((e as Error)?.message ?? e) });
    return quarantineMail(m, cursor, mailboxKey, p.messageKey, p, "processing-failed", String((e as Error)?.message ?? e));
  }
}
