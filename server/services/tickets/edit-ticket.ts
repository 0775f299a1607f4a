// ticket.update: the customer changes the title, category, body and custom fields of their own
// ticket (allowTicketEdit). One transaction under a row lock; the history keeps the old and the
// new value of every changed field, so nothing a customer wrote is ever lost. A new category
// brings its own custom fields: the move is refused with the field errors while one of its
// required fields stays empty (validateCategoryMove, the same schema as ticket create).
import { db, type Tx } from "@/server/db/client";
import type { Actor } from "@/server/domain/actor";
import { forbidden } from "@/server/domain/errors";
import { canEditTicket } from "@/server/domain/tickets/policies";
import type { FieldValues } from "@/server/domain/tickets/custom-fields";
import { loadSettings } from "@/server/platform/settings/settings-store";
import { renderMarkdown } from "@/server/services/content/markdown";
import { recordEvent } from "@/server/platform/audit";
import { activeCategory } from "./lookups";
import { lockVisibleTicket } from "./lock-ticket";
import { validateCategoryMove, validateFieldValues, writeFieldValues } from "./ticket-field-values";

export type EditTicketInput = { ticketId: number; title?: string; body?: string; categoryId?: number; customFields?: Record<string, unknown> };

type Locked = { id: number; categoryId: number; customFields: unknown };

/** The validated field changes of this edit, or null when it touches neither the category nor a field. */
async function fieldChanges(tx: Tx, actor: Actor, t: Locked, input: EditTicketInput, moved: { id: number; parentId: number | null } | null) {
  const sent = input.customFields ?? {};
  if (moved) return validateCategoryMove(tx, actor, moved, (t.customFields ?? {}) as FieldValues, sent);
  if (Object.keys(sent).length === 0) return null;
  const own = await tx.category.findUniqueOrThrow({ where: { id: t.categoryId }, select: { id: true, parentId: true } });
  return validateFieldValues(tx, actor, own, sent, true);
}

export async function editTicket(actor: Actor, input: EditTicketInput) {
  const settings = await loadSettings("tickets");
  return db().$transaction(async (tx) => {
    const { t, facts } = await lockVisibleTicket(tx, actor, input.ticketId, settings);
    const d = canEditTicket(actor, facts, settings);
    if (!d.ok) throw forbidden(d.reason);

    const changes: Record<string, { from: unknown; to: unknown }> = {};
    if (input.title !== undefined && input.title !== t.title) changes.title = { from: t.title, to: input.title };
    if (input.body !== undefined && input.body !== t.body) changes.body = { from: t.body, to: input.body };
    let moved: { id: number; parentId: number | null } | null = null;
    if (input.categoryId !== undefined && input.categoryId !== t.categoryId) {
      moved = await activeCategory(tx, input.categoryId);
      changes.categoryId = { from: t.categoryId, to: input.categoryId };
    }
    const fields = await fieldChanges(tx, actor, t, input, moved);
    const changed = Object.keys(changes);
    if (changed.length) {
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
    }
    const f = fields ? await writeFieldValues(tx, actor, t, fields) : { changed: 0 };
    return { id: t.id, changed: f.changed ? [...changed, "customFields"] : changed };
  });
}
