// ticket.reply: a public reply by the customer or staff (internal notes are addNote).
// Policy first (no reply after close, ownership), then one transaction: the message, claimed
// uploads, the automatic status (statusOnStaffReply / statusOnClientReply), history, mail.
import { db } from "@/server/db/client";
import type { Actor } from "@/server/domain/actor";
import { isStaff } from "@/server/domain/actor";
import { forbidden } from "@/server/domain/errors";
import { canReply, autoStatusOnReply } from "@/server/domain/tickets/policies";
import { loadSettings } from "@/server/services/settings/settings-store";
import { renderMarkdown } from "@/server/services/content/markdown";
import { recordEvent } from "@/server/services/audit";
import { claimUploads } from "./claim-uploads";
import { afterReply, afterStatusChange } from "./hooks";
import { lockVisibleTicket } from "./lock-ticket";

export async function replyToTicket(actor: Actor, input: { ticketId: number; body: string; attachmentIds?: string[] }) {
  const settings = await loadSettings("tickets");
  const byStaff = isStaff(actor);
  return db().$transaction(async (tx) => {
        const { t, facts } = await lockVisibleTicket(tx, actor, input.ticketId, settings);
    const d = canReply(actor, facts, settings);
    if (!d.ok) throw forbidden(d.reason);

    const authorId = actor.kind === "user" || actor.kind === "guest" ? actor.userId : null;
    const m = await tx.message.create({
      data: { ticketId: t.id, authorId, bodyText: input.body, bodyHtml: renderMarkdown(input.body), source: actor.kind === "user" && actor.via === "token" ? "API" : "WEB" },
    });
    await claimUploads(tx, actor, input.attachmentIds ?? [], { ticketId: t.id, messageId: m.id }, settings);

    const now = new Date();
    const nextStatusId = autoStatusOnReply(settings, byStaff ? "staff" : "customer");
    const nextStatus = nextStatusId && nextStatusId !== t.statusId ? await tx.status.findUnique({ where: { id: nextStatusId } }) : null;
    await tx.ticket.update({
      where: { id: t.id },
      data: {
        lastActivityAt: now,
        version: { increment: 1 },
        ...(byStaff ? { firstResponseAt: t.firstResponseAt ?? now } : { lastCustomerAt: now }),
        ...(nextStatus ? { statusId: nextStatus.id, closedAt: nextStatus.isClosed ? now : null } : {}),
      },
    });
    await recordEvent(tx, { ticketId: t.id, actor, type: "ticket.replied", data: { messageId: m.id } });
    if (nextStatus) {
      await recordEvent(tx, { ticketId: t.id, actor, type: "ticket.status", data: { from: t.statusId, to: nextStatus.id, auto: true } });
    }
    await afterReply(tx, t.id, m.id, actor, byStaff);
    if (nextStatus && nextStatus.isClosed && !t.status.isClosed) await afterStatusChange(tx, t.id, actor, true);
    return { id: m.id };
  });
}
