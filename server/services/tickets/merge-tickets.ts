// ticket.merge (issue 15.4): staff merge one ticket (the source) into another (the target), in one
// transaction. The source's opening text becomes a message of the target (with its files); its
// replies, notes, files, Cc's, inbound mails and history move; its requester joins the target's
// Cc list when the two differ; the source closes with a pointer (merged_into_id) that the page
// shows and the mail ingest follows (decide-mail.ts), so mail answering its markers lands in the
// target. The source's customer is told by mail (template "ticket.merged").
import { db, type Tx } from "@/server/db/client";
import type { Actor } from "@/server/domain/actor";
import { badRequest, forbidden, notFound } from "@/server/domain/errors";
import { canMergeTickets } from "@/server/domain/tickets/action-policies";
import { recordEvent } from "@/server/platform/audit";
import { textToHtml } from "@/server/platform/sanitize";
import { notifyMerged } from "@/server/mail/outbound/notify-merge";
import { assertStaff, lockTicket } from "./staff-write";
import { assertTicketInScope, loadScope } from "@/server/services/scope/staff-scope";
import { andScope } from "@/server/db/scope-sql";
import { Prisma } from "@/server/generated/prisma/client";

type Locked = Awaited<ReturnType<typeof lockTicket>>;

/** Both rows locked in id order, so two merges of the same pair cannot deadlock. */
async function lockPair(tx: Tx, actor: Actor, sourceId: number, targetId: number, sourceVersion?: number): Promise<[Locked, Locked]> {
  if (sourceId < targetId) {
    const s = await lockTicket(tx, sourceId, sourceVersion, actor);
    return [s, await lockTicket(tx, targetId, undefined, actor)];
  }
  const t = await lockTicket(tx, targetId, undefined, actor);
  return [await lockTicket(tx, sourceId, sourceVersion, actor), t];
}

async function closedStatusId(tx: Tx): Promise<number> {
  const s = (await tx.status.findUnique({ where: { key: "closed" } })) ?? (await tx.status.findFirst({ where: { isClosed: true }, orderBy: [{ sortOrder: "asc" }, { id: "asc" }] }));
  if (!s) throw badRequest("NO_CLOSED_STATUS");
  return s.id;
}

/** The source's opening text as a message of the target, dated when the source was opened. */
async function moveOpening(tx: Tx, s: Locked, targetId: number): Promise<number> {
  // a mail-born opening keeps its raw mail (staff's ".eml" link); that inbound row stays the
  // source's "created" one, so the target's own opening mail is still the target's
  const opening = s.source === "EMAIL" ? await tx.inboundMail.findFirst({ where: { ticketId: s.id, outcome: "created" }, select: { id: true }, orderBy: { id: "asc" } }) : null;
  const m = await tx.message.create({
    data: { ticketId: targetId, authorId: s.requesterId, source: s.source, bodyText: s.body, bodyHtml: s.bodyHtml, createdAt: s.createdAt, inboundMailId: opening?.id ?? null },
    select: { id: true },
  });
  // the opening's own files (no message) follow it
  await tx.attachment.updateMany({ where: { ticketId: s.id, messageId: null }, data: { messageId: m.id } });
  return m.id;
}

async function moveRows(tx: Tx, s: Locked, t: Locked) {
  const moved = await tx.message.updateMany({ where: { ticketId: s.id }, data: { ticketId: t.id } });
  await tx.attachment.updateMany({ where: { ticketId: s.id }, data: { ticketId: t.id } });
  await tx.inboundMail.updateMany({ where: { ticketId: s.id, outcome: { not: "created" } }, data: { ticketId: t.id } });
  await tx.auditEvent.updateMany({ where: { ticketId: s.id }, data: { ticketId: t.id } });
  // Cc's move; the source's requester joins them when the target has another requester
  const cc = await tx.ticketParticipant.findMany({ where: { ticketId: s.id }, select: { email: true, name: true } });
  const [sReq, tReq] = await Promise.all([
    tx.user.findUniqueOrThrow({ where: { id: s.requesterId }, select: { email: true, name: true } }),
    tx.user.findUniqueOrThrow({ where: { id: t.requesterId }, select: { email: true } }),
  ]);
  const joined = [...cc, ...(s.requesterId !== t.requesterId ? [sReq] : [])].filter((p) => p.email !== tReq.email);
  if (joined.length) await tx.ticketParticipant.createMany({ data: joined.map((p) => ({ ticketId: t.id, email: p.email, name: p.name })), skipDuplicates: true });
  await tx.ticketParticipant.deleteMany({ where: { ticketId: s.id } });
  // tickets merged into the source earlier now point at the target: a pointer is one hop
  await tx.ticket.updateMany({ where: { mergedIntoId: s.id }, data: { mergedIntoId: t.id } });
  return { messages: moved.count, ccAdded: joined.map((p) => p.email) };
}

export async function mergeTickets(actor: Actor, input: { sourceId: number; targetId: number; sourceVersion?: number }) {
  assertStaff(actor);
  return db().$transaction(async (tx) => {
    if (input.sourceId === input.targetId) throw badRequest("SAME_TICKET");
    const [s, t] = await lockPair(tx, actor, input.sourceId, input.targetId, input.sourceVersion);
    const may = canMergeTickets(actor, s, t);
    if (!may.ok) throw may.reason === "STAFF_ONLY" ? forbidden(may.reason) : badRequest(may.reason);
    const closedId = await closedStatusId(tx);
    const openingId = await moveOpening(tx, s, t.id);
    const moved = await moveRows(tx, s, t);
    const now = new Date();
    // a line in the target's thread for staff: where these messages came from
    const line = `#${s.id} «${s.title}» → #${t.id}`;
    await tx.message.create({ data: { ticketId: t.id, authorId: actor.userId, isInternal: true, source: "SYSTEM", bodyText: line, bodyHtml: textToHtml(line) } });
    await tx.ticket.update({ where: { id: s.id }, data: { mergedIntoId: t.id, statusId: closedId, closedAt: s.closedAt ?? now, lastActivityAt: now, version: { increment: 1 } } });
    const u = await tx.ticket.update({ where: { id: t.id }, data: { lastActivityAt: now, version: { increment: 1 } }, select: { version: true } });
    await recordEvent(tx, { ticketId: s.id, actor, type: "ticket.merged", data: { mergedInto: t.id, from: s.statusId, to: closedId } });
    await recordEvent(tx, { ticketId: t.id, actor, type: "ticket.merged_from", data: { mergedFrom: s.id, openingMessageId: openingId, messages: moved.messages, emails: moved.ccAdded } });
    await notifyMerged(tx, { sourceId: s.id, targetId: t.id });
    return { id: t.id, version: u.version };
  });
}

/** Shortest title part searched: a trigram index needs three characters to answer without reading every title. */
export const MERGE_SEARCH_MIN = 3;

type CandidateRow = { id: number; title: string; status_ru: string; status_en: string; color: string; is_closed: boolean; requester_name: string; requester_email: string };

/**
 * The merge dialog's search: tickets by number or by any part (3+ characters) of the title, never
 * merged ones, never itself, only within the caller's categories (issue 16). The title part is an
 * ILIKE answered by the trigram index of migration 0020, not a scan of every ticket.
 */
export async function mergeCandidates(actor: Actor, input: { ticketId: number; query: string }) {
  assertStaff(actor);
  const q = input.query.trim().replace(/^#/, "");
  if (!q) return [];
  const byNumber = /^\d{1,9}$/.test(q) ? Number(q) : null;
  const source = await db().ticket.findUnique({ where: { id: input.ticketId }, select: { categoryId: true } });
  if (!source) throw notFound("TICKET_NOT_FOUND");
  await assertTicketInScope(actor, source.categoryId);
  const match = [
    ...(byNumber ? [Prisma.sql`t.id = ${byNumber}`] : []),
    ...(q.length >= MERGE_SEARCH_MIN ? [Prisma.sql`t.title ILIKE ${`%${q.replace(/[\\%_]/g, "\\$&")}%`}`] : []),
  ];
  if (!match.length) return [];
  const rows = await db().$queryRaw<CandidateRow[]>`
    SELECT t.id, t.title, s.name_ru AS status_ru, s.name_en AS status_en, s.color, s.is_closed, r.name AS requester_name, r.email AS requester_email
      FROM tickets t JOIN statuses s ON s.id = t.status_id JOIN users r ON r.id = t.requester_id
     WHERE t.id <> ${input.ticketId} AND t.merged_into_id IS NULL AND (${Prisma.join(match, " OR ")})${andScope(await loadScope(actor))}
     ORDER BY t.last_activity_at DESC, t.id DESC
     LIMIT 10`;
  return rows.map((r) => ({ id: r.id, title: r.title, status: { name: { ru: r.status_ru, en: r.status_en }, color: r.color, isClosed: r.is_closed }, requester: { name: r.requester_name, email: r.requester_email } }));
}
