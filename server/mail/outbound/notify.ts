// Turns ticket events into outbox rows, inside the caller's transaction: the customer's mails
// (acknowledgement, staff reply, closing with a rating link, refused reply) and the staff
// notifications (new ticket, assigned, replies, @mentions): who gets a mail and who an in-app
// row is decided by server/domain/notifications/recipients.ts from users.notify_prefs.
// Template problems never fail the caller: the shipped default is used and the problem logged.
import type { Tx } from "@/server/db/client";
import type { MessageSource } from "@/server/generated/prisma/client";
import type { Actor } from "@/server/domain/actor";
import { env } from "@/server/env";
import { signLink } from "@/server/auth/signed-links";
import { loadSettings } from "@/server/platform/settings/settings-store";
import { requesterActor } from "@/server/domain/actor";
import { autoStatusOnReply, canReply, replyToClosedTicket } from "@/server/domain/tickets/policies";
import type { TicketSettings } from "@/server/domain/settings/schema";
import { setPasswordUrl } from "./account-mail";
import { safeHtml, escapeHtml } from "./render";
import { enqueueMail, loadEnqueueContext, type EnqueueContext } from "./enqueue";
import { enqueueStaffFanout } from "./staff-fanout";
import { staffRecipients } from "./staff-recipients";
import type { TicketEvent } from "@/server/domain/notifications/recipients";
import { writeNotifications } from "@/server/platform/notifications";
import { excerpt } from "@/server/domain/notifications/excerpt";
import { templateLocale } from "./templates";

export type RefusedReason = "closed" | "unknown-sender" | "login-required" | "guests-disabled";

export type NotifyEvent =
  /** `ticket`: the row as loadTicket() would read it, when the caller just wrote it (the mail ingest) */
  /** `passwordToken`: a new password-less account's set-password token, mailed in the acknowledgement */
  /** `quiet`: no acknowledgement to the customer (a ticket staff opened with "do not notify") */
  | { type: "ticket.created"; ticketId: number; actor: Actor; ticket?: TicketRow; passwordToken?: string; quiet?: boolean }
  | { type: "reply.staff" | "reply.customer"; ticketId: number; messageId: number; actor: Actor }
  | { type: "ticket.closed"; ticketId: number; actor: Actor }
  /** staff only: the ticket's assignee changed to someone (issue 16 point 3) */
  | { type: "ticket.assigned"; ticketId: number; actor: Actor }
  /** staff only: an internal note naming staff members (ids from server/domain/notifications/mentions.ts) */
  | { type: "note.mention"; ticketId: number; messageId: number; actor: Actor; mentionedIds: number[] }
  /** a mail the ingest could not accept; `subject` is the refused mail's subject */
  | { type: "reply.refused"; to: string; locale: string; reason: RefusedReason; ticketId?: number | null; subject?: string };

const url = (path: string) => new URL(path, env().APP_URL).toString();

const asRequester = (t: TicketRow) => requesterActor({ ...t.requester, locale: t.locale, hasPassword: t.requester.passwordHash !== null }, t.id);

/** The ticket settings of the context (an ingest run loads them once), else read here. */
async function ticketSettings(tx: Tx, ctx: EnqueueContext): Promise<TicketSettings> {
  return ctx.tickets ?? loadSettings("tickets", { db: tx });
}

/**
 * `preloaded`: the mail + outbound settings when the caller already has them (the mail ingest
 * loads them once per run); without it they are read here, inside the transaction.
 */
export async function notify(tx: Tx, ev: NotifyEvent, preloaded?: EnqueueContext): Promise<void> {
  const ctx = preloaded ?? (await loadEnqueueContext(tx));
  switch (ev.type) {
    case "ticket.created":
      return ticketCreated(tx, ev, ctx);
    case "reply.staff":
    case "reply.customer":
      return ev.type === "reply.staff" ? staffReply(tx, ev, ctx) : customerReply(tx, ev, ctx);
    case "ticket.closed":
      return ticketClosed(tx, ev, ctx);
    case "ticket.assigned":
    case "note.mention":
      return staffNotice(tx, ev, ctx);
    case "reply.refused":
      return replyRefused(tx, ev, ctx);
  }
}

/** What a notification needs of its ticket. */
export type TicketRow = {
  id: number; title: string; body: string; locale: string; source: MessageSource; categoryId: number; rating: number | null;
  assigneeId: number | null; requesterId: number;
  status: { nameRu: string; nameEn: string };
  requester: { id: number; email: string; name: string; isActive: boolean; passwordHash: string | null };
  participants: Array<{ email: string }>;
};

/** The ticket of a notification in one statement (issue 21: the model call took four, one per relation). */
export async function loadTicket(tx: Tx, id: number): Promise<TicketRow> {
  const [r] = await tx.$queryRawUnsafe<Array<Omit<TicketRow, "status" | "requester" | "participants"> & {
    status_ru: string; status_en: string; r_email: string; r_name: string; r_active: boolean; r_hash: string | null; cc: string[];
  }>>(
    `SELECT t.id, t.title, t.body, t.locale, t.source::text AS source, t.category_id AS "categoryId", t.rating, t.assignee_id AS "assigneeId",
            t.requester_id AS "requesterId", s.name_ru AS status_ru, s.name_en AS status_en,
            u.email AS r_email, u.name AS r_name, u.is_active AS r_active, u.password_hash AS r_hash,
            coalesce((SELECT array_agg(p.email ORDER BY p.email) FROM ticket_participants p WHERE p.ticket_id = t.id), '{}') AS cc
       FROM tickets t JOIN statuses s ON s.id = t.status_id JOIN users u ON u.id = t.requester_id
      WHERE t.id = $1::int`,
    id,
  );
  if (!r) throw new Error(`ticket ${id} not found`);
  const { status_ru, status_en, r_email, r_name, r_active, r_hash, cc, ...t } = r;
  return {
    ...t,
    status: { nameRu: status_ru, nameEn: status_en },
    requester: { id: t.requesterId, email: r_email, name: r_name, isActive: r_active, passwordHash: r_hash },
    participants: cc.map((email) => ({ email })),
  };
}

export function ticketVars(t: TicketRow) {
  const locale = templateLocale(t.locale);
  return {
    "ticket.number": t.id,
    "ticket.title": t.title,
    "ticket.status": locale === "en" ? t.status.nameEn : t.status.nameRu,
    "customer.name": t.requester.name,
    // a password-less (guest) requester gets the signed guest link, everyone else the portal page
    link: t.requester.passwordHash ? url(`/tickets/${t.id}`) : url(`/t/${encodeURIComponent(signLink("ticket", t.id, t.requester.id))}`),
  };
}

async function ticketCreated(tx: Tx, ev: Extract<NotifyEvent, { type: "ticket.created" }>, ctx: EnqueueContext) {
  const t = ev.ticket ?? (await loadTicket(tx, ev.ticketId));
  const ackOff = (t.source === "EMAIL" && !ctx.mail.acknowledgeMailTickets) || ev.quiet === true;
  if (!ackOff && t.requester.isActive) {
    // say "reply to this email" only when the reply policy would take such a reply
    const tickets = await ticketSettings(tx, ctx);
    const accepted = canReply(asRequester(t), { id: t.id, requesterId: t.requesterId, isClosed: false }, tickets).ok;
    const password = ev.passwordToken ? setPasswordUrl(ev.passwordToken) : "";
    const vars = { ...ticketVars(t), "ticket.text": t.body, "password.link": password, "reply.accepted": accepted };
    await enqueueMail(tx, { template: "ticket.created", locale: t.locale, to: t.requester.email, ticketId: t.id, audience: "customer", vars }, ctx);
  }
  await staffMails(tx, t, { type: "ticket.created" }, "staff.new-ticket", ev.actor, t.body, {}, ctx, true);
}

async function staffReply(tx: Tx, ev: Extract<NotifyEvent, { type: "reply.staff" | "reply.customer" }>, ctx: EnqueueContext) {
  // one statement with the author and the files (issue 21: the model call took three)
  const [m] = await tx.$queryRawUnsafe<Array<{ bodyText: string; isInternal: boolean; isAutomatic: boolean; author: { name: string } | null; attachments: Array<{ id: string; fileName: string }> }>>(
    `SELECT m.body_text AS "bodyText", m.is_internal AS "isInternal", m.is_automatic AS "isAutomatic",
            CASE WHEN u.id IS NULL THEN NULL ELSE json_build_object('name', u.name) END AS author,
            coalesce((SELECT json_agg(json_build_object('id', a.id, 'fileName', a.file_name) ORDER BY a.created_at, a.id) FROM attachments a WHERE a.message_id = m.id AND NOT a.is_inline), '[]') AS attachments
       FROM messages m LEFT JOIN users u ON u.id = m.author_id WHERE m.id = $1::int`,
    ev.messageId,
  );
  if (!m) throw new Error(`message ${ev.messageId} not found`);
  if (m.isInternal || m.isAutomatic) return;
  const t = await loadTicket(tx, ev.ticketId);
  await staffMails(tx, t, { type: "reply.staff" }, "staff.notice", ev.actor, m.bodyText, { "notice.reply": true, "actor.name": m.author?.name ?? "" }, ctx);
  if (!t.requester.isActive) return;
  const links = m.attachments.map((a) => ({ name: a.fileName, href: url(`/api/attachments/${a.id}`) }));
  const attachments = links.length
    ? safeHtml(
        `<ul>${links.map((l) => `<li><a href="${escapeHtml(l.href)}">${escapeHtml(l.name)}</a></li>`).join("")}</ul>`,
        links.map((l) => `- ${l.name}: ${l.href}`).join("\n"),
      )
    : "";
  const agentName = m.author?.name ?? (ev.actor.kind === "user" ? ev.actor.name : "");
  await enqueueMail(
    tx,
    {
      template: "reply.staff", locale: t.locale, to: t.requester.email, cc: t.participants.map((p) => p.email), ticketId: t.id, audience: "customer",
      // CCs get the same mail: never hand them the requester's signed guest link
      vars: { ...ticketVars(t), ...(t.participants.length ? { link: url(`/tickets/${t.id}`) } : {}), "agent.name": agentName, "reply.text": m.bodyText, attachments },
      attachmentIds: ctx.outbound.attachToReplies ? m.attachments.map((a) => a.id) : [],
    },
    ctx,
  );
}

async function customerReply(tx: Tx, ev: Extract<NotifyEvent, { type: "reply.staff" | "reply.customer" }>, ctx: EnqueueContext) {
  const m = await tx.message.findUniqueOrThrow({ where: { id: ev.messageId }, select: { bodyText: true, isInternal: true, isAutomatic: true } });
  if (m.isInternal || m.isAutomatic) return;
  const t = await loadTicket(tx, ev.ticketId);
  await staffMails(tx, t, { type: "reply.customer" }, "staff.customer-reply", ev.actor, m.bodyText, {}, ctx);
}

async function ticketClosed(tx: Tx, ev: Extract<NotifyEvent, { type: "ticket.closed" }>, ctx: EnqueueContext) {
  const t = await loadTicket(tx, ev.ticketId);
  if (!t.requester.isActive) return;
  const tickets = await ticketSettings(tx, ctx);
  // the wording follows what a reply would really do (reopen, add, or be refused: open a new ticket)
  const reopenId = autoStatusOnReply(tickets, "customer");
  const reopenClosed = reopenId !== null && !!(await tx.status.findUnique({ where: { id: reopenId }, select: { isClosed: true } }))?.isClosed;
  const afterClose = replyToClosedTicket(asRequester(t), { id: t.id, requesterId: t.requesterId, isClosed: true }, tickets, reopenClosed);
  const replyVars = { "reply.reopens": afterClose === "reopens", "reply.adds": afterClose === "adds", "reply.refused": afterClose === "refused", "newticket.link": url("/tickets/new") };
  const rating = tickets.allowRating && t.rating === null ? url(`/rate?token=${encodeURIComponent(signLink("rate", t.id, t.requesterId))}`) : "";
  const agentName = ev.actor.kind === "user" && ev.actor.role !== "CUSTOMER" ? ev.actor.name : "";
  await enqueueMail(tx, { template: "ticket.closed", locale: t.locale, to: t.requester.email, ticketId: t.id, audience: "customer", vars: { ...ticketVars(t), ...replyVars, "agent.name": agentName, "rating.link": rating } }, ctx);
}

async function replyRefused(tx: Tx, ev: Extract<NotifyEvent, { type: "reply.refused" }>, ctx: EnqueueContext) {
  const t = ev.ticketId ? await tx.ticket.findUnique({ where: { id: ev.ticketId }, select: { id: true, title: true } }) : null;
  const link = ev.reason === "login-required" ? url("/sign-in?next=%2Ftickets%2Fnew") : ev.reason === "guests-disabled" ? url("/sign-up") : url("/tickets/new");
  await enqueueMail(
    tx,
    {
      template: "reply.refused", locale: ev.locale, to: ev.to,
      // Only a closed ticket's requester gets the ticket's markers; strangers learn nothing about the ticket.
      ticketId: ev.reason === "closed" && t ? t.id : null,
      audience: ev.reason === "closed" && t ? "customer" : "account",
      vars: {
        link,
        "original.subject": ev.subject ?? "",
        "ticket.number": ev.reason === "closed" && t ? t.id : "",
        "ticket.title": ev.reason === "closed" && t ? t.title : "",
        "reason.closed": ev.reason === "closed",
        "reason.unknownSender": ev.reason === "unknown-sender",
        "reason.loginRequired": ev.reason === "login-required",
        "reason.guestsDisabled": ev.reason === "guests-disabled",
      },
    },
    ctx,
  );
}

/** Assigned to someone, or named in an internal note: one staff mail template says which. */
async function staffNotice(tx: Tx, ev: Extract<NotifyEvent, { type: "ticket.assigned" | "note.mention" }>, ctx: EnqueueContext) {
  const t = await loadTicket(tx, ev.ticketId);
  const actorName = ev.actor.kind === "user" ? ev.actor.name : "";
  if (ev.type === "ticket.assigned") {
    return staffMails(tx, t, { type: "ticket.assigned" }, "staff.notice", ev.actor, t.title, { "notice.assigned": true, "actor.name": actorName }, ctx);
  }
  const m = await tx.message.findUniqueOrThrow({ where: { id: ev.messageId }, select: { bodyText: true } });
  await staffMails(tx, t, { type: "note.mention", mentionedIds: ev.mentionedIds }, "staff.notice", ev.actor, m.bodyText, { "notice.mention": true, "actor.name": actorName }, ctx);
}

/**
 * The one fan-out point of staff notifications: the decider says who, by mail and/or in the
 * app; `text` (the ticket's or the message's) goes into both as an excerpt, never whole.
 */
async function staffMails(
  tx: Tx, t: TicketRow, event: TicketEvent, template: "staff.new-ticket" | "staff.customer-reply" | "staff.notice", actor: Actor, text: string,
  extra: Record<string, string | boolean>, ctx: EnqueueContext, newTicket = false,
) {
  const who = await staffRecipients(tx, ctx, t, event, actor);
  await writeNotifications(tx, { ticketId: t.id, actorId: actor.kind === "user" ? actor.userId : null, text, rows: who.filter((r) => r.app) });
  const textVar = template === "staff.new-ticket" ? "ticket.text" : "reply.text";
  await enqueueStaffFanout(
    tx,
    {
      template, ticketId: t.id, newTicket,
      recipients: who.filter((r) => r.mail).map((r) => ({ email: r.person.email, name: r.person.name, locale: r.person.locale })),
      vars: { ...ticketVars(t), link: url(`/staff/tickets/${t.id}`), "customer.email": t.requester.email, [textVar]: excerpt(text), ...extra },
    },
    ctx,
  );
}
