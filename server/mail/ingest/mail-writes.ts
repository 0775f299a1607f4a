// The writes behind each plan of decide-mail.ts, all inside the caller's transaction: a new
// ticket from a mail, a reply appended to a ticket, a refused reply, a quarantine entry.
// Automatic mail is stored staff-only and never notifies, never changes status.
import { chooseAssignee } from "@/server/services/tickets/auto-assign";
import type { Tx } from "@/server/db/client";
import { lockAndLoadTicket } from "@/server/db/lock-ticket";
import type { Actor } from "@/server/domain/actor";
import { system, userId } from "@/server/domain/actor";
import { stripPlusTag } from "@/server/domain/mail/addresses";
import { cutReplyHtml } from "@/server/domain/mail/reply-cut";
import { sanitize, textToHtml } from "@/server/platform/sanitize";
import { recordEvent } from "@/server/platform/audit";
import { defaultStatus } from "@/server/services/tickets/lookups";
import { notify } from "@/server/mail/outbound/notify";
import { addReply } from "@/server/services/tickets/add-reply";
import { adoptMailCcs } from "@/server/services/tickets/participants";
import type { Decision, IngestContext, QuarantineAnswer, QuarantineReason, SenderUser } from "./decide-mail";
import { issueToken } from "@/server/services/users/password-tokens";
import { revokeCredentials } from "@/server/services/users/revoke-credentials";
import { replyStrings } from "./decide-mail";
import { guessLocale } from "./guess-locale";
import type { ParsedMail } from "./parse-mail";
import { allowOwnImages, insertAttachments, rewriteCidLinks, type Staged } from "./store-attachments";

export { guessLocale };

function bodyHtml(p: ParsedMail, staged: Staged, text: string, cut: boolean, ctx: IngestContext): string {
  if (!p.html) return textToHtml(text);
  const html = rewriteCidLinks(p.html, staged);
  const clean = sanitize(cut ? cutReplyHtml(html, replyStrings(ctx.mail), { subject: p.subject }) : html, { allowImageSrc: allowOwnImages(staged) });
  return clean.trim() === "" ? textToHtml(text) : clean;
}

const userActor = (u: { id: number; role: "CUSTOMER" | "AGENT" | "ADMIN" | "MANAGER"; email: string; name: string; locale: string }): Actor => ({
  kind: "user", userId: u.id, role: u.role, email: u.email, name: u.name, locale: u.locale, via: "session",
});
const userSelect = { id: true, role: true, email: true, name: true, locale: true } as const;

type CategoryRow = Awaited<ReturnType<Tx["category"]["findFirstOrThrow"]>>;
type StatusRow = Awaited<ReturnType<typeof defaultStatus>>;

// The default category/status cannot change in the middle of a run: read once per context.
async function pickCategory(tx: Tx, ctx: IngestContext): Promise<CategoryRow> {
  return ((ctx.memo.category as CategoryRow | undefined) ??= await pickCategoryFresh(tx, ctx));
}

async function pickStatus(tx: Tx, ctx: IngestContext): Promise<StatusRow> {
  return ((ctx.memo.status as StatusRow | undefined) ??= await pickStatusFresh(tx, ctx));
}

async function pickCategoryFresh(tx: Tx, ctx: IngestContext) {
  const wanted = ctx.mail.defaultCategoryId;
  const c = wanted === "auto" ? null : await tx.category.findFirst({ where: { id: wanted, archivedAt: null } });
  // the default may be a sub-category; "auto" never lands on a parent marked "no tickets" (issue 15.2)
  return c ?? tx.category.findFirstOrThrow({ where: { archivedAt: null }, orderBy: [{ noTickets: "asc" }, { sortOrder: "asc" }, { id: "asc" }] });
}

async function pickStatusFresh(tx: Tx, ctx: IngestContext) {
  const wanted = ctx.mail.defaultStatusId;
  const s = wanted === "auto" ? null : await tx.status.findUnique({ where: { id: wanted } });
  return s ?? defaultStatus(tx);
}

/**
 * `inbound`: the inbound_mails row this ticket comes from, marked "created" in the same statement
 * (the ingest); without it the caller records the outcome (the quarantine's "new ticket").
 */
/**
 * The requester of a ticket opened by mail: the sender's account, or a new password-less one. An
 * unproven sign-up of the address (`reclaimUserId`) is handed to the mailbox owner: its password,
 * sessions, tokens and pending links end (revokeCredentials) and the acknowledgement mails a
 * set-password link, so whoever filled the sign-up form cannot read the mailbox owner's tickets.
 */
async function requesterOf(tx: Tx, p: ParsedMail, ctx: IngestContext, found: SenderUser | null, reclaimUserId: number | null, locale: string) {
  if (found && reclaimUserId === found.id) {
    await revokeCredentials(tx, found.id, { clearPassword: true, unverify: true });
    const u = await tx.user.update({ where: { id: found.id }, data: { name: p.from.name || found.name }, select: userSelect });
    ctx.memo.senders?.set(p.from.address, { ...found, name: u.name, passwordHash: null, emailVerifiedAt: null });
    return { requester: u, requesterFacts: { isActive: found.isActive, passwordHash: null }, fresh: true };
  }
  if (found) return { requester: found, requesterFacts: { isActive: found.isActive, passwordHash: found.passwordHash }, fresh: false };
  // unknown sender: a customer account with no password
  const requester = await tx.user.create({ data: { email: p.from.address, name: p.from.name || p.from.address.split("@")[0]!, role: "CUSTOMER", locale, passwordHash: null }, select: userSelect });
  // the next mail of this sender in the batch finds the account (process-mail drops it again on a rollback)
  ctx.memo.senders?.set(p.from.address, { ...requester, isActive: true, passwordHash: null, emailVerifiedAt: null });
  return { requester, requesterFacts: { isActive: true, passwordHash: null }, fresh: true };
}

/** The Cc's of a new ticket's mail that become participants: not us, not the requester, at most the setting's cap. */
function adoptedCcs(p: ParsedMail, requesterEmail: string, ctx: IngestContext) {
  const ours = new Set(ctx.ownAddresses.map(stripPlusTag));
  const all = [...new Set(p.cc.filter((a) => a !== requesterEmail && !ours.has(stripPlusTag(a))))];
  return { kept: all.slice(0, ctx.mail.maxParticipantsFromMail), total: all.length };
}

export async function createTicketFromMail(tx: Tx, p: ParsedMail, staged: Staged, ctx: IngestContext, d: Decision & { plan: { action: "create" } }, inbound?: { id: number }) {
  const locale = guessLocale(p);
  const found = d.senderUser !== undefined ? d.senderUser : ((await tx.user.findUnique({ where: { email: p.from.address }, select: userSelect })) as SenderUser | null);
  const { requester, requesterFacts, fresh } = await requesterOf(tx, p, ctx, found, d.plan.reclaimUserId, locale);
  const category = await pickCategory(tx, ctx);
  const assigneeId = await chooseAssignee(tx, category);
  const status = await pickStatus(tx, ctx);
  const text = p.text.replace(/\s+$/, "");
  const title = (p.subject || ctx.mail.defaultTitle).slice(0, 250);
  const ticketLocale = requester.role === "CUSTOMER" ? requester.locale : locale;
  const html = bodyHtml(p, staged, text, false, ctx);
  const actor = userActor(requester);
  const { kept: ccs, total: ccTotal } = adoptedCcs(p, requester.email, ctx);
  const created = {
    source: "EMAIL", claimedTicketId: d.plan.refusedTicketId, forgedMarker: d.match.forged || undefined, dropped: staged.dropped.length ? staged.dropped : undefined,
    reclaimedAccount: d.plan.reclaimUserId !== null || undefined, ccNotAdded: ccTotal > ccs.length ? ccTotal - ccs.length : undefined,
  };
  // One statement for the ticket, its "created" history entry and (from the ingest) the inbound
  // row's outcome: three round trips and three passes through the Prisma engine were most of
  // a mail's cost after the notifications. Timestamps as Prisma would write them (UTC, from here).
  const now = new Date();
  // issue 15.1: the mail settings' priority if it still exists, else the default priority
  const priority = ctx.mail.defaultPriorityId === "auto" ? null : ctx.mail.defaultPriorityId;
  const [t] = await tx.$queryRaw<{ id: number }[]>`
    WITH t AS (
      INSERT INTO tickets (title, body, body_html, category_id, status_id, requester_id, assignee_id, source, locale, created_at, updated_at, last_activity_at, last_customer_at, priority_id)
      VALUES (${title}, ${text}, ${html}, ${category.id}, ${status.id}, ${requester.id}, ${assigneeId}, 'EMAIL'::"MessageSource", ${ticketLocale}, ${now}, ${now}, ${now}, ${now},
              coalesce((SELECT id FROM priorities WHERE id = ${priority}::int), default_priority_id()))
      RETURNING id),
    a AS (INSERT INTO audit_events (ticket_id, actor_id, type, data, created_at) SELECT t.id, ${userId(actor)}, 'ticket.created', ${JSON.stringify(created)}::jsonb, ${now} FROM t),
    i AS (UPDATE inbound_mails SET outcome = 'created', matched_rule = ${d.match.rule}, ticket_id = t.id FROM t WHERE inbound_mails.id = ${inbound?.id ?? null})
    SELECT id FROM t`;
  if (!t) throw new Error("ticket insert returned no row");
  if (ccs.length) {
    await tx.ticketParticipant.createMany({ data: ccs.map((email) => ({ ticketId: t.id, email })), skipDuplicates: true });
    // every Cc change is in the history (issue 15.6)
    await recordEvent(tx, { ticketId: t.id, actor, type: "ticket.cc_added", data: { emails: ccs, via: "email", notAdded: ccTotal > ccs.length ? ccTotal - ccs.length : undefined } });
  }
  await insertAttachments(tx, staged, { ticketId: t.id, messageId: null });
  // the ticket as notify() would read it back: it was written just above, in this transaction
  const ticket = requesterFacts && {
    id: t.id, title, body: text, locale: ticketLocale, source: "EMAIL" as const, rating: null, assigneeId, requesterId: requester.id, categoryId: category.id,
    status: { nameRu: status.nameRu, nameEn: status.nameEn },
    requester: { id: requester.id, email: requester.email, name: requester.name, ...requesterFacts },
    participants: ccs.map((email) => ({ email })),
  };
  await noteNotKept(tx, t.id, ticketLocale, staged);
  // a new (or reclaimed) password-less account: the acknowledgement carries its set-password link,
  // so the mailbox that receives it owns the account
  const passwordToken = fresh ? await issueToken(tx, requester.id, "set-password") : undefined;
  await notify(tx, { type: "ticket.created", ticketId: t.id, actor, ticket: ticket ?? undefined, passwordToken }, ctx.enqueue);
  return { ticketId: t.id };
}

export async function appendMailReply(tx: Tx, p: ParsedMail, staged: Staged, ctx: IngestContext, d: Decision & { plan: { action: "append" } }, inboundMailId: number) {
  const { ticketId, automatic, sender } = d.plan;
  const t = await lockAndLoadTicket(tx, ticketId);
  if (!t) throw new Error(`ticket ${ticketId} is gone`); // matched in this transaction: cannot happen short of a bug
  const author = await tx.user.findUnique({ where: { email: p.from.address }, select: userSelect });
  const text = d.reply.text;
  const message = {
    authorId: author?.id ?? null, isAutomatic: automatic, source: "EMAIL" as const,
    bodyText: text, bodyHtml: bodyHtml(p, staged, text, true, ctx),
    fromEmail: p.from.address, fromName: p.from.name || null, inboundMailId, fullText: p.text.replace(/\s+$/, ""),
  };
  if (automatic) {
    const m = await tx.message.create({ data: { ...message, ticketId }, select: { id: true } });
    await insertAttachments(tx, staged, { ticketId, messageId: m.id });
    // stored for staff only: no notification, no status change, no activity bump
    await recordEvent(tx, { ticketId, actor: system, type: "mail.auto_reply", data: { messageId: m.id, kind: d.automatic.kind, reason: d.automatic.reason } });
    return { ticketId, messageId: m.id };
  }
  const actor: Actor = d.plan.actor.kind === "user" ? d.plan.actor : author ? userActor(author) : system;
  const r = await addReply(tx, {
    ticket: t, actor, byStaff: sender === "staff", settings: ctx.tickets, enqueue: ctx.enqueue, message,
    attach: (messageId) => insertAttachments(tx, staged, { ticketId, messageId }),
    history: { via: "email", rule: d.match.rule, dropped: staged.dropped.length ? staged.dropped : undefined },
  });
  await noteNotKept(tx, ticketId, t.locale, staged);
  // Cc's of a later mail of the requester or staff join the list, within the cap (issue 15.6)
  if (p.cc.length && (sender === "staff" || sender === "requester")) {
    const requester = await tx.user.findUniqueOrThrow({ where: { id: t.requesterId }, select: { email: true } });
    await adoptMailCcs(tx, { ticketId, actor, sender, senderEmail: p.from.address, cc: p.cc, requesterEmail: requester.email, ownAddresses: ctx.ownAddresses, cap: ctx.mail.maxParticipantsFromMail });
  }
  return { ticketId, messageId: r.messageId };
}

const NOT_KEPT: Record<"ru" | "en", Record<Staged["dropped"][number]["reason"], string>> = {
  en: { "too-big": "too big", "type-not-allowed": "file type not allowed", "uploads-off": "uploads are off" },
  ru: { "too-big": "слишком большой файл", "type-not-allowed": "тип файла не разрешён", "uploads-off": "загрузка файлов выключена" },
};

/** Files of a mail the settings refused, as an internal note staff see in the thread (the raw .eml keeps them). */
export async function noteNotKept(tx: Tx, ticketId: number, locale: string, staged: Staged) {
  if (staged.dropped.length === 0) return;
  const l = locale === "en" ? "en" : "ru";
  const reasons = [...new Set(staged.dropped.map((x) => NOT_KEPT[l][x.reason]))].join(", ");
  const n = staged.dropped.length;
  const head = l === "en" ? `${n} attachment${n === 1 ? "" : "s"} not kept: ${reasons}` : `Вложений не сохранено: ${n} (${reasons})`;
  const names = staged.dropped.slice(0, 20).map((x) => x.fileName).join(", ");
  const text = `${head}. ${names}${n > 20 ? ", …" : ""}`;
  // SYSTEM: written by the ingest, not a mail of its own (every EMAIL message is one inbound mail)
  await tx.message.create({ data: { ticketId, authorId: null, isInternal: true, source: "SYSTEM", bodyText: text, bodyHtml: textToHtml(text) } });
}

/** A reply to a closed ticket (noRepliesAfterClose): not appended, answered, recorded in history. */
export async function refuseClosedReply(tx: Tx, p: ParsedMail, ticketId: number, inboundMailId: number, opts: { quiet?: boolean } = {}, ctx?: IngestContext) {
  const t = await tx.ticket.findUniqueOrThrow({ where: { id: ticketId }, select: { locale: true } });
  await recordEvent(tx, { ticketId, actor: system, type: "mail.refused", data: { reason: "closed", from: p.from.address, subject: p.subject, inboundMailId } });
  if (!opts.quiet) await notify(tx, { type: "reply.refused", to: p.from.address, locale: t.locale, reason: "closed", ticketId, subject: p.subject }, ctx?.enqueue);
  await quarantineEntry(tx, inboundMailId, "ticket-closed", `ticket #${ticketId} is closed`);
}

export async function quarantineEntry(tx: Tx, inboundMailId: number, reason: QuarantineReason, detail: string | null) {
  await tx.quarantineEntry.upsert({
    where: { inboundMailId },
    create: { inboundMailId, reason, detail: detail?.slice(0, 2000) ?? null },
    update: { reason, detail: detail?.slice(0, 2000) ?? null, resolvedAt: null, resolution: null },
  });
}

/** A quarantine that answers the sender (never for automatic mail: decide-mail never asks for it). */
export async function answerQuarantined(tx: Tx, p: ParsedMail, answer: QuarantineAnswer, ticketId: number | null, ctx?: IngestContext) {
  await notify(tx, { type: "reply.refused", to: p.from.address, locale: guessLocale(p), reason: answer, ticketId, subject: p.subject }, ctx?.enqueue);
}
