// Turns ticket events into outbox rows, inside the caller's transaction.
// First version (foundation): customer-facing acknowledgement, staff reply and closing mail
// with plain bodies; the outbound-mail work replaces the bodies with editable ru/en templates.
import type { Tx } from "@/server/db/client";
import type { Actor } from "@/server/domain/actor";

export type NotifyEvent =
  | { type: "ticket.created"; ticketId: number; actor: Actor }
  | { type: "reply.staff" | "reply.customer"; ticketId: number; messageId: number; actor: Actor }
  | { type: "ticket.closed"; ticketId: number; actor: Actor };

export async function notify(tx: Tx, ev: NotifyEvent): Promise<void> {
  if (ev.type === "reply.customer") return;
  const t = await tx.ticket.findUniqueOrThrow({
    where: { id: ev.ticketId },
    select: { id: true, title: true, locale: true, requester: { select: { email: true, name: true } } },
  });
  const ru = t.locale === "ru";
  const subjects: Record<string, string> = {
    "ticket.created": ru ? `Заявка принята: ${t.title}` : `Ticket received: ${t.title}`,
    "reply.staff": ru ? `Новый ответ: ${t.title}` : `New reply: ${t.title}`,
    "ticket.closed": ru ? `Заявка закрыта: ${t.title}` : `Ticket closed: ${t.title}`,
  };
  let text = subjects[ev.type]!;
  if (ev.type === "reply.staff") {
    const m = await tx.message.findUniqueOrThrow({ where: { id: ev.messageId }, select: { bodyText: true } });
    text = m.bodyText;
  }
  await tx.outboxMail.create({
    data: {
      ticketId: t.id,
      template: ev.type,
      locale: t.locale,
      toEmail: t.requester.email,
      subject: `[#${t.id}] ${subjects[ev.type]}`,
      text,
      html: "",
      messageIdHeader: `<ticket-${t.id}.${crypto.randomUUID()}@helpdesk.local>`,
    },
  });
}
