// Staff side of the mail quarantine: list, view, retry (run the mail through ingest again with
// today's settings and tickets), discard, or force a new ticket from it. Every mail stays in
// inbound_mails with its raw source (in the row, or as a file for a large mail: raw-source.ts);
// an entry is only ever marked resolved, never deleted.
import { db } from "@/server/db/client";
import type { Actor } from "@/server/domain/actor";
import { badRequest, notFound } from "@/server/domain/errors";
import { sanitize } from "@/server/platform/sanitize";
import { decideMail, loadIngestContext, unprovenSignUp } from "@/server/mail/ingest/decide-mail";
import { createTicketFromMail } from "@/server/mail/ingest/mail-writes";
import { parseMailAuto } from "@/server/mail/ingest/parse-worker";
import { readInboundRaw } from "@/server/mail/ingest/raw-source";
import { applyPlan } from "@/server/mail/ingest/process-mail";
import { discardStaged, stageAttachments } from "@/server/mail/ingest/store-attachments";
import { logger } from "@/server/logger";

const PAGE = 50;

export async function listQuarantine(input: { resolved?: boolean; cursor?: number | null }) {
  const rows = await db().quarantineEntry.findMany({
    where: { resolvedAt: input.resolved ? { not: null } : null, ...(input.cursor ? { id: { lt: input.cursor } } : {}) },
    orderBy: { id: "desc" },
    take: PAGE + 1,
    select: {
      id: true, reason: true, detail: true, createdAt: true, resolvedAt: true, resolution: true,
      inboundMail: { select: { id: true, fromEmail: true, subject: true, size: true, ticketId: true, outcome: true } },
    },
  });
  return { items: rows.slice(0, PAGE), nextCursor: rows.length > PAGE ? rows[PAGE - 1]!.id : null };
}

export async function openQuarantineCount() {
  return db().quarantineEntry.count({ where: { resolvedAt: null } });
}

async function entryWithRaw(id: number) {
  const e = await db().quarantineEntry.findUnique({ where: { id }, include: { inboundMail: true } });
  if (!e) throw notFound("QUARANTINE_NOT_FOUND");
  return e;
}

/** The entry with a readable preview; the raw source is shown as text (capped). */
export async function getQuarantine(id: number) {
  const e = await entryWithRaw(id);
  const raw = (await readInboundRaw(e.inboundMail)) ?? Buffer.alloc(0);
  let preview: { from: string; subject: string; text: string; html: string | null; attachments: string[] } | null = null;
  if (raw.length > 0) {
    try {
      const p = await parseMailAuto(raw);
      preview = { from: p.from.address, subject: p.subject, text: p.text.slice(0, 20000), html: p.html ? sanitize(p.html) : null, attachments: p.attachments.map((a) => a.fileName) };
    } catch {
      preview = null;
    }
  }
  const { raw: _omit, rawKey: _key, ...mail } = e.inboundMail;
  void _omit;
  void _key;
  return { ...e, inboundMail: mail, preview, rawText: raw.subarray(0, 200_000).toString("utf8"), rawTruncated: raw.length > 200_000 };
}

export async function rawSource(id: number) {
  const e = await entryWithRaw(id);
  const data = await readInboundRaw(e.inboundMail);
  if (!data) throw notFound("QUARANTINE_NOT_FOUND");
  return { fileName: `quarantine-${id}.eml`, data };
}

async function resolve(id: number, resolution: string) {
  await db().quarantineEntry.update({ where: { id }, data: { resolvedAt: new Date(), resolution } });
}

/** Runs the mail through ingest again. Still not acceptable → stays in the quarantine (updated reason). */
/** An unresolved entry's mail parsed again (null when it cannot be), with the ingest context: where retry and "new ticket" start. */
async function replay(id: number) {
  const e = await entryWithRaw(id);
  if (e.resolvedAt) throw badRequest("QUARANTINE_RESOLVED");
  const raw = await readInboundRaw(e.inboundMail);
  if (!raw || raw.length === 0) throw badRequest("QUARANTINE_NO_SOURCE");
  const ctx = await loadIngestContext();
  const p = await parseMailAuto(raw).catch(() => null);
  return { e, ctx, p };
}

export async function retryQuarantine(_actor: Actor, id: number) {
  const { e, ctx, p } = await replay(id);
  if (!p) throw badRequest("QUARANTINE_UNPARSEABLE");
  const staged = await stageAttachments(p.attachments, ctx.tickets);
  try {
    const r = await db().$transaction((tx) => applyPlan(tx, p, staged, ctx, e.inboundMailId, { quiet: true }), { timeout: 60_000 });
    const stillHeld = r.outcome === "quarantined" || (r.outcome === "auto-reply" && r.reason === "automatic");
    if (!stillHeld) await resolve(id, `retried:${r.outcome}`);
    else await discardStaged(staged);
    if (r.refusedFiles) await discardStaged(r.refusedFiles);
    return { outcome: r.outcome, ticketId: r.ticketId, resolved: !stillHeld, reason: r.reason ?? null };
  } catch (err) {
    await discardStaged(staged);
    logger.error("quarantine retry failed", { id, error: String((err as Error)?.message ?? err) });
    throw err;
  }
}

export async function discardQuarantine(_actor: Actor, id: number) {
  const e = await entryWithRaw(id);
  if (!e.resolvedAt) await resolve(id, "discarded");
  return { ok: true };
}

/** Staff decided this mail is a new ticket, whatever the rules said (sender, closed ticket, automatic). */
export async function ticketFromQuarantine(_actor: Actor, id: number) {
  const { e, ctx, p } = await replay(id);
  if (!p || !p.from.address.includes("@")) throw badRequest("QUARANTINE_NO_SENDER");
  const staged = await stageAttachments(p.attachments, ctx.tickets);
  try {
    const ticketId = await db().$transaction(async (tx) => {
      const d = await decideMail(tx, p, ctx);
      // staff's decision: the files are kept, and an unproven sign-up of the address is still reclaimed
      const plan = { action: "create" as const, refusedTicketId: null, sender: "unknown" as const, reclaimUserId: unprovenSignUp(d.senderUser), uploads: { ok: true as const } };
      const { ticketId } = await createTicketFromMail(tx, p, staged, ctx, { ...d, plan });
      await tx.inboundMail.update({ where: { id: e.inboundMailId }, data: { outcome: "created", ticketId } });
      await tx.quarantineEntry.update({ where: { id }, data: { resolvedAt: new Date(), resolution: "ticket-created" } });
      return ticketId;
    });
    return { ticketId };
  } catch (err) {
    await discardStaged(staged);
    throw err;
  }
}
