// ticket.editMessage / ticket.deleteMessage (issue 15.8): staff change or delete a reply or note
// they wrote, within the ticket setting's minutes (action-policies.ts canEditOwnMessage). The
// original text goes into the history; nobody is mailed again — the customer already has the
// first version, and a second mail for a typo would be noise.
import { db, type Tx } from "@/server/db/client";
import type { Actor } from "@/server/domain/actor";
import { forbidden, notFound } from "@/server/domain/errors";
import { canEditOwnMessage } from "@/server/domain/tickets/action-policies";
import { loadSettings } from "@/server/platform/settings/settings-store";
import { renderMarkdown } from "@/server/services/content/markdown";
import { recordEvent } from "@/server/platform/audit";
import { assertStaff, lockTicket } from "./staff-write";

async function lockOwnMessage(tx: Tx, actor: Actor, messageId: number) {
  const found = await tx.message.findUnique({ where: { id: messageId }, select: { ticketId: true } });
  if (!found) throw notFound("MESSAGE_NOT_FOUND");
  const t = await lockTicket(tx, found.ticketId, undefined, actor);
  const m = await tx.message.findUniqueOrThrow({ where: { id: messageId }, select: { id: true, ticketId: true, authorId: true, source: true, isAutomatic: true, isInternal: true, createdAt: true, deletedAt: true, bodyText: true } });
  if (m.deletedAt) throw notFound("MESSAGE_NOT_FOUND");
  const may = canEditOwnMessage(actor, m, await loadSettings("tickets", { db: tx }), new Date());
  if (!may.ok) throw forbidden(may.reason);
  return { t, m };
}

export async function editMessage(actor: Actor, input: { messageId: number; body: string }) {
  assertStaff(actor);
  return db().$transaction(async (tx) => {
    const { t, m } = await lockOwnMessage(tx, actor, input.messageId);
    if (m.bodyText === input.body) return { id: m.id, version: t.version };
    await tx.message.update({ where: { id: m.id }, data: { bodyText: input.body, bodyHtml: renderMarkdown(input.body), editedAt: new Date() } });
    const u = await tx.ticket.update({ where: { id: t.id }, data: { version: { increment: 1 } }, select: { version: true } });
    await recordEvent(tx, { ticketId: t.id, actor, type: "message.edited", data: { messageId: m.id, internal: m.isInternal, original: m.bodyText } });
    return { id: m.id, version: u.version };
  });
}

export async function deleteMessage(actor: Actor, input: { messageId: number }) {
  assertStaff(actor);
  return db().$transaction(async (tx) => {
    const { t, m } = await lockOwnMessage(tx, actor, input.messageId);
    // kept as a row (its files, the raw mail links, the history point at it); the thread hides it
    await tx.message.update({ where: { id: m.id }, data: { deletedAt: new Date() } });
    const u = await tx.ticket.update({ where: { id: t.id }, data: { version: { increment: 1 } }, select: { version: true } });
    await recordEvent(tx, { ticketId: t.id, actor, type: "message.deleted", data: { messageId: m.id, internal: m.isInternal, original: m.bodyText } });
    return { id: m.id, version: u.version };
  });
}
