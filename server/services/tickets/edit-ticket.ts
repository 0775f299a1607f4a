// ticket.update: the customer changes the title, category and body of their own ticket
// (allowTicketEdit). One transaction under a row lock; the history keeps the old and the new
// value of every changed field, so nothing a customer wrote is ever lost.
import { db } from "@/server/db/client";
import type { Actor } from "@/server/domain/actor";
import { forbidden } from "@/server/domain/errors";
import { canEditTicket } from "@/server/domain/tickets/policies";
import { loadSettings } from "@/server/services/settings/settings-store";
import { renderMarkdown } from "@/server/services/content/markdown";
import { recordEvent } from "@/server/services/audit";
import { activeCategory } from "./lookups";
import { lockVisibleTicket } from "./lock-ticket";

export type EditTicketInput = { ticketId: number; title?: string; body?: string; categoryId?: number };

export async function editTicket(actor: Actor, input: EditTicketInput) {
  const settings = await loadSettings("tickets");
  return db().$transaction(async (tx) => {
    const { t, facts } = await lockVisibleTicket(tx, actor, input.ticketId, settings);
    const d = canEditTicket(actor, facts, settings);
    if (!d.ok) throw forbidden(d.reason);

    const changes: Record<string, { from: unknown; to: unknown }> = {};
    if (input.title !== undefined && input.title !== t.title) changes.title = { from: t.title, to: input.title };
    if (input.body !== undefined && input.body !== t.body) changes.body = { from: t.body, to: input.body };
    if (input.categoryId !== undefined && input.categoryId !== t.categoryId) {
      await activeCategory(tx, input.categoryId);
      changes.categoryId = { from: t.categoryId, to: input.categoryId };
    }
    if (Object.keys(changes).length === 0) return { id: t.id, changed: [] as string[] };

    await tx.ticket.update({
      where: { id: t.id },
      data: {
        ...(changes.title ? { title: input.title } : {}),
        ...(changes.body ? { body: input.body, bodyHtml: renderMarkdown(input.body!) } : {}),
        ...(changes.categoryId ? { categoryId: input.categoryId } : {}),
        version: { increment: 1 },
      },
    });
    await recordEvent(tx, { ticketId: t.id, actor, type: "ticket.edited", data: { changes } });
    return { id: t.id, changed: Object.keys(changes) };
  });
}
