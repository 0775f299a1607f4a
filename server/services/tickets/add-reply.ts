// The one write step behind "add a public reply to a ticket", shared by the web, the API
// (reply-to-ticket.ts) and the mail ingest (server/mail/ingest/mail-writes.ts): the message,
// its files, the automatic status (statusOnStaffReply / statusOnClientReply), the history and
// the notifications, in the caller's transaction. The caller has locked the ticket row and asked
// the reply policy; this step decides nothing, so the three doors cannot drift apart.
import type { Tx } from "@/server/db/client";
import type { Prisma } from "@/server/generated/prisma/client";
import type { Actor } from "@/server/domain/actor";
import { autoStatusOnReply } from "@/server/domain/tickets/policies";
import type { TicketSettings } from "@/server/domain/settings/schema";
import { recordEvent } from "@/server/platform/audit";
import { notify } from "@/server/mail/outbound/notify";
import type { EnqueueContext } from "@/server/mail/outbound/enqueue";

export type ReplyTicket = { id: number; statusId: number; firstResponseAt: Date | null; status: { isClosed: boolean } };

export type NewReply = {
  ticket: ReplyTicket;
  actor: Actor;
  byStaff: boolean;
  /** the message row, less its ticket */
  message: Omit<Prisma.MessageUncheckedCreateInput, "ticketId">;
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
  const m = await tx.message.create({ data: { ...r.message, ticketId: t.id }, select: { id: true } });
  await r.attach?.(m.id);
  const now = new Date();
  const nextStatusId = autoStatusOnReply(r.settings, byStaff ? "staff" : "customer");
  const nextStatus = nextStatusId && nextStatusId !== t.statusId ? await tx.status.findUnique({ where: { id: nextStatusId } }) : null;
  await tx.ticket.update({
    where: { id: t.id },
    data: {
      lastActivityAt: now,
      version: { increment: 1 },
      ...(byStaff ? { firstResponseAt: t.firstResponseAt ?? now, lastStaffReplyAt: now } : { lastCustomerAt: now }),
      ...(nextStatus ? { statusId: nextStatus.id, closedAt: nextStatus.isClosed ? now : null } : {}),
    },
  });
  await recordEvent(tx, { ticketId: t.id, actor, type: "ticket.replied", data: { messageId: m.id, ...r.history } });
  if (nextStatus) await recordEvent(tx, { ticketId: t.id, actor, type: "ticket.status", data: { from: t.statusId, to: nextStatus.id, auto: true } });
  await notify(tx, { type: byStaff ? "reply.staff" : "reply.customer", ticketId: t.id, messageId: m.id, actor }, r.enqueue);
  if (nextStatus && nextStatus.isClosed && !t.status.isClosed) await notify(tx, { type: "ticket.closed", ticketId: t.id, actor }, r.enqueue);
  return { messageId: m.id };
}
