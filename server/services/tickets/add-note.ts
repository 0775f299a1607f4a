// ticket.addNote: an internal note — staff only, never shown to the customer, never mailed to
// the customer. An @mention (server/domain/notifications/mentions.ts) notifies that staff
// member per their preferences; one who cannot see the ticket is ignored (the decider's scoping).
import { db } from "@/server/db/client";
import type { Actor } from "@/server/domain/actor";
import { renderMarkdown } from "@/server/services/content/markdown";
import { recordEvent } from "@/server/platform/audit";
import { assertStaff, lockTicket } from "./staff-write";
import { parseMentions } from "@/server/domain/notifications/mentions";
import { STAFF_ROLES } from "@/server/domain/actor";
import { notify } from "@/server/mail/outbound/notify";

export async function addNote(actor: Actor, input: { ticketId: number; version?: number; body: string }) {
  assertStaff(actor);
  return db().$transaction(async (tx) => {
    const t = await lockTicket(tx, input.ticketId, input.version, actor);
    const m = await tx.message.create({
      data: { ticketId: t.id, authorId: actor.userId, isInternal: true, source: actor.via === "token" ? "API" : "WEB", bodyText: input.body, bodyHtml: renderMarkdown(input.body) },
    });
    // a note changes nothing the customer sees: no lastActivityAt, no mail; the version moves
    // so another agent's open page learns the thread changed
    const u = await tx.ticket.update({ where: { id: t.id }, data: { version: { increment: 1 } }, select: { version: true } });
    await recordEvent(tx, { ticketId: t.id, actor, type: "ticket.note", data: { messageId: m.id } });
    if (input.body.includes("@")) {
      const staff = await tx.user.findMany({ where: { isActive: true, role: { in: [...STAFF_ROLES] } }, select: { id: true, name: true, email: true }, take: 500 });
      const mentionedIds = parseMentions(input.body, staff);
      if (mentionedIds.length) await notify(tx, { type: "note.mention", ticketId: t.id, messageId: m.id, actor, mentionedIds });
    }
    return { id: m.id, version: u.version };
  });
}
