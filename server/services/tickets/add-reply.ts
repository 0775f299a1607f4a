// The one write step behind "add a public reply to a ticket", shared by the web, the API
// (reply-to-ticket.ts) and the mail ingest (server/mail/ingest/mail-writes.ts): the message,
// its files, the automatic status (statusOnStaffReply / statusOnClientReply), the history and
// the notifications, in the caller's transaction. The caller has locked the ticket row and asked
// the reply policy; this step decides nothing, so the three doors cannot drift apart.
import type { Tx } from "@/server/db/client";
import type { MessageSource } from "@/server/generated/prisma/client";
import type { Actor } from "@/server/domain/actor";
import { autoStatusOnReply } from "@/server/domain/tickets/policies";
import type { TicketSettings } from "@/server/domain/settings/schema";
import { recordEvent } from "@/server/platform/audit";
import { notify } from "@/server/mail/outbound/notify";
import type { EnqueueContext } from "@/server/mail/outbound/enqueue";

/** The columns a reply sets (the web, the API and the mail ingest); the rest keep their defaults. */
export type NewMessage = {
  authorId: number | null; bodyText: string; bodyHtml: string; source: MessageSource;
  isInternal?: boolean; isAutomatic?: boolean; fromEmail?: string | null; fromName?: string | null; inboundMailId?: number | null; fullText?: string | null;
};

export type ReplyTicket = { id: number; statusId: number; firstResponseAt: Date | null; status: { isClosed: boolean } };

export type NewReply = {
  ticket: ReplyTicket;
  actor: Actor;
  byStaff: boolean;
  /** the message row, less its ticket */
  message: NewMessage;
  /** files of the reply, written once the message exists (uploads claimed, mail parts inserted) */
  attach?: (messageId: number) => Promise<void>;
  /** extra facts for the "ticket.replied" history entry (mail: the thread rule, files not kept) */
  history?: Record<string, unknown>;
  settings: TicketSettings;
  /** the mail + outbound settings when the caller has them (an ingest run) */
  enqueue?: EnqueueContext;
};

export async function addReply(tx: Tx, r: NewReply): Promise<{ messageId: number }> {
  const { ticket: t, actor, byStaff } = r;
  const x = r.message;
  // plain SQL (issue 21); created_at in UTC from here, as Prisma's create wrote it
  const [m] = await tx.$queryRawUnsafe<Array<{ id: number }>>(
    `INSERT INTO messages (ticket_id, author_id, is_internal, is_automatic, source, body_text, body_html, from_email, from_name, inbound_mail_id, full_text, created_at)
     VALUES ($1::int, $2::int, $3, $4, $5::"MessageSource", $6, $7, $8, $9, $10::int, $11, $12::timestamptz AT TIME ZONE 'UTC') RETURNING id`,
    t.id, x.authorId, x.isInternal ?? false, x.isAutomatic ?? false, x.source, x.bodyText, x.bodyHtml, x.fromEmail ?? null, x.fromName ?? null,
    x.inboundMailId ?? null, x.fullText ?? null, new Date().toISOString(),
  );
  if (!m) throw new Error("message insert returned nothing");
  await r.attach?.(m.id);
  const now = new Date();
  const nextStatusId = autoStatusOnReply(r.settings, byStaff ? "staff" : "customer");
  const [nextStatus] = nextStatusId && nextStatusId !== t.statusId
    ? await tx.$queryRawUnsafe<Array<{ id: number; isClosed: boolean }>>(`SELECT id, is_closed AS "isClosed" FROM statuses WHERE id = $1::int`, nextStatusId)
    : [];
  // plain SQL (issue 21); $1 is the moment of every timestamp it sets, in UTC like Prisma's
  await tx.$executeRawUnsafe(
    `UPDATE tickets SET last_activity_at = n, updated_at = n, version = version + 1,
            first_response_at = CASE WHEN $2 THEN coalesce(first_response_at, n) ELSE first_response_at END,
            last_staff_reply_at = CASE WHEN $2 THEN n ELSE last_staff_reply_at END,
            last_customer_at = CASE WHEN $2 THEN last_customer_at ELSE n END,
            status_id = coalesce($3::int, status_id),
            closed_at = CASE WHEN $3::int IS NULL THEN closed_at WHEN $4 THEN n ELSE NULL END
       FROM (SELECT $1::timestamptz AT TIME ZONE 'UTC' AS n) x
      WHERE id = $5::int`,
    now.toISOString(), byStaff, nextStatus?.id ?? null, nextStatus?.isClosed ?? false, t.id,
  );
  await recordEvent(tx, { ticketId: t.id, actor, type: "ticket.replied", data: { messageId: m.id, ...r.history } });
  if (nextStatus) await recordEvent(tx, { ticketId: t.id, actor, type: "ticket.status", data: { from: t.statusId, to: nextStatus.id, auto: true } });
  await notify(tx, { type: byStaff ? "reply.staff" : "reply.customer", ticketId: t.id, messageId: m.id, actor }, r.enqueue);
  if (nextStatus && nextStatus.isClosed && !t.status.isClosed) await notify(tx, { type: "ticket.closed", ticketId: t.id, actor }, r.enqueue);
  return { messageId: m.id };
}
