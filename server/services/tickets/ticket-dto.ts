// The ticket as the API returns it: localized names, the thread (internal notes only for
// staff), and `permissions` computed by the same policies the services enforce.
import type { Actor } from "@/server/domain/actor";
import { canSeeInternal, ticketPermissions } from "@/server/domain/tickets/policies";
import type { TicketSettings } from "@/server/domain/settings/schema";
import { visibleValues, type FieldDef, type FieldValues } from "@/server/domain/tickets/custom-fields";
import { canAddCc, canEditOwnMessage, canRemoveCc } from "@/server/domain/tickets/action-policies";

export const ticketInclude = {
  status: { select: { id: true, nameRu: true, nameEn: true, color: true, isClosed: true } },
  category: { select: { id: true, nameRu: true, nameEn: true } },
  priority: { select: { id: true, nameRu: true, nameEn: true, color: true } },
  requester: { select: { id: true, name: true, email: true } },
  assignee: { select: { id: true, name: true, email: true } },
} as const;

type Named = { nameRu: string; nameEn: string };
export const names = (x: Named) => ({ ru: x.nameRu, en: x.nameEn });

type Row = {
  id: number; title: string; body: string; bodyHtml: string; source: string; locale: string; version: number;
  rating: number | null; ratingComment: string | null; createdAt: Date; updatedAt: Date; lastActivityAt: Date; closedAt: Date | null;
  requesterId: number;
  status: { id: number; nameRu: string; nameEn: string; color: string; isClosed: boolean };
  category: { id: number; nameRu: string; nameEn: string };
  priority: { id: number; nameRu: string; nameEn: string; color: string };
  requester: { id: number; name: string; email: string };
  assignee: { id: number; name: string; email: string } | null;
  /** tickets.custom_fields; the queue reads it only when a custom-field column is asked for */
  customFields?: unknown;
};

export function ticketSummary(t: Row) {
  return {
    id: t.id,
    number: t.id,
    title: t.title,
    status: { id: t.status.id, name: names(t.status), color: t.status.color, isClosed: t.status.isClosed },
    category: { id: t.category.id, name: names(t.category) },
    priority: { id: t.priority.id, name: names(t.priority), color: t.priority.color },
    ...(t.customFields !== undefined ? { customFields: t.customFields as FieldValues } : {}),
    requester: t.requester,
    assignee: t.assignee,
    source: t.source,
    createdAt: t.createdAt,
    lastActivityAt: t.lastActivityAt,
    rating: t.rating,
  };
}

export type MessageRow = {
  id: number; isInternal: boolean; isAutomatic: boolean; source: string; bodyText: string; bodyHtml: string; fromEmail: string | null; fromName: string | null;
  inboundMailId: number | null; fullText?: string | null; createdAt: Date; author: { id: number; name: string; role: string } | null;
  attachments: Array<{ id: string; fileName: string; contentType: string; size: number; isInline: boolean; contentId: string | null }>;
  /** set when its author changed it (issue 15.8) */
  editedAt?: Date | null;
};

/** What issue 15's actions add to a ticket row: its Cc list and where it was merged into. */
type ActionRow = { participants?: Array<{ email: string; name: string | null }>; mergedInto?: { id: number; title: string; requesterId: number } | null };

export function ticketDetail(actor: Actor, t: Row & ActionRow & { messages: MessageRow[]; attachments: MessageRow["attachments"]; openingMailId?: number | null }, s: TicketSettings, fieldDefs: FieldDef[] = [], now = new Date()) {
  const staff = canSeeInternal(actor);
  const facts = { id: t.id, requesterId: t.requesterId, isClosed: t.status.isClosed, mergedIntoId: t.mergedInto?.id ?? null };
  return {
    ...ticketSummary(t),
    /** custom field values by field id; a customer gets only the fields not hidden from customers */
    customFields: visibleValues((t.customFields ?? {}) as FieldValues, fieldDefs, staff),
    body: t.body,
    bodyHtml: t.bodyHtml,
    locale: t.locale,
    version: t.version,
    updatedAt: t.updatedAt,
    closedAt: t.closedAt,
    ratingComment: t.ratingComment,
    attachments: t.attachments,
    /** the inbound mail that opened the ticket (staff only): its raw source is downloadable */
    openingRawMailId: staff ? (t.openingMailId ?? null) : null,
    messages: t.messages
      .filter((m) => staff || (!m.isInternal && !m.isAutomatic))
      .map((m) => ({
        id: m.id,
        isInternal: m.isInternal,
        isAutomatic: m.isAutomatic,
        source: m.source,
        bodyHtml: m.bodyHtml,
        bodyText: m.bodyText,
        author: m.author ? { id: m.author.id, name: m.author.name, isStaff: m.author.role !== "CUSTOMER" } : { id: null, name: m.fromName ?? m.fromEmail ?? "", isStaff: false },
        fromEmail: staff ? m.fromEmail : null,
        hasRawMail: staff && m.inboundMailId != null,
        rawMailId: staff ? m.inboundMailId : null,
        /** staff only: the whole mail text before the reply was cut out of it ("show quoted text") */
        fullText: staff ? (m.fullText ?? null) : null,
        createdAt: m.createdAt,
        attachments: m.attachments,
        editedAt: m.editedAt ?? null,
        /** its author may still edit or delete it (action-policies.ts canEditOwnMessage) */
        canEdit: canEditOwnMessage(actor, { authorId: m.author?.id ?? null, source: m.source, isAutomatic: m.isAutomatic, createdAt: m.createdAt, deletedAt: null }, s, now).ok,
      })),
    permissions: ticketPermissions(actor, facts, s),
    /** the Cc list (issue 15.6) */
    participants: t.participants ?? [],
    /** merged into that ticket (issue 15.4): the page shows a pointer */
    // another customer's ticket is named by number only: its title is not this customer's to read
    mergedInto: t.mergedInto ? { id: t.mergedInto.id, title: staff || t.mergedInto.requesterId === t.requesterId ? t.mergedInto.title : "" } : null,
    actions: {
      canAddCc: canAddCc(actor, facts, s).ok,
      canRemoveCc: canRemoveCc(actor).ok && !facts.mergedIntoId,
      canMerge: staff && !facts.mergedIntoId,
    },
  };
}

export type TicketDetail = ReturnType<typeof ticketDetail>;
export type TicketSummary = ReturnType<typeof ticketSummary>;
