// Opening a ticket from the portal or the API by a signed-in user. One transaction: the
// ticket, its history entry, claimed uploads and the acknowledgement mail in the outbox.
// Visitors without an account go through create-guest-ticket.ts, which shares `insertTicket`.
import { db, type Tx } from "@/server/db/client";
import type { Actor } from "@/server/domain/actor";
import { forbidden } from "@/server/domain/errors";
import { canCreateTicket } from "@/server/domain/tickets/policies";
import type { TicketSettings } from "@/server/domain/settings/schema";
import { loadSettings } from "@/server/platform/settings/settings-store";
import { renderMarkdown } from "@/server/services/content/markdown";
import { recordEvent } from "@/server/platform/audit";
import { activeCategory, defaultStatus, priorityById } from "./lookups";
import { priorityForNewTicket } from "@/server/domain/tickets/ticket-fields";
import { validateFieldValues } from "./ticket-field-values";
import { claimUploads } from "./claim-uploads";
import { chooseAssignee } from "./auto-assign";
import { afterTicketCreated } from "./hooks";

export type CreateTicketInput = {
  title: string; body: string; categoryId: number; attachmentIds?: string[];
  /** issue 15: kept only when canSetPriority allows; otherwise the default priority */
  priorityId?: number;
  /** custom field values by field id, validated against the category's definitions */
  customFields?: Record<string, unknown>;
};

/**
 * How a ticket opened by staff for a customer differs (create-for-customer.ts): `notifyCustomer`
 * false skips the acknowledgement, `history` is added to the "created" entry.
 */
export type InsertTicketOptions = { notifyCustomer?: boolean; history?: Record<string, unknown> };

/** The rows of a new ticket inside the caller's transaction (shared with guest tickets). */
export async function insertTicket(tx: Tx, actor: Actor, input: CreateTicketInput, requesterId: number, settings: TicketSettings, passwordToken?: string, opts: InsertTicketOptions = {}) {
  const category = await activeCategory(tx, input.categoryId);
  const status = await defaultStatus(tx);
  const [requester] = await tx.$queryRawUnsafe<Array<{ locale: string }>>(`SELECT locale FROM users WHERE id = $1::int`, requesterId);
  if (!requester) throw new Error(`user ${requesterId} not found`);
  const priorityId = priorityForNewTicket(actor, settings, input.priorityId);
  if (priorityId === "PRIORITY_NOT_ALLOWED") throw forbidden(priorityId);
  if (priorityId !== null) await priorityById(tx, priorityId);
  const values = await validateFieldValues(tx, actor, category, input.customFields ?? {}, false);
  const t = await tx.ticket.create({
    data: {
      title: input.title,
      body: input.body,
      bodyHtml: renderMarkdown(input.body),
      categoryId: category.id,
      statusId: status.id,
      requesterId,
      assigneeId: await chooseAssignee(tx, category),
      locale: requester.locale,
      source: actor.kind === "user" && actor.via === "token" ? "API" : "WEB",
      ...(priorityId !== null ? { priorityId } : {}),
      customFields: Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null)),
    },
  });
  await claimUploads(tx, actor, input.attachmentIds ?? [], { ticketId: t.id, messageId: null }, settings);
  await recordEvent(tx, { ticketId: t.id, actor, type: "ticket.created", data: { source: t.source, guest: actor.kind !== "user", ...opts.history } });
  await afterTicketCreated(tx, t.id, actor, passwordToken, opts.notifyCustomer ?? true);
  return t;
}

export async function createTicket(actor: Actor, input: CreateTicketInput, opts: { requesterId?: number } = {}) {
  const settings = await loadSettings("tickets");
  const decision = canCreateTicket(actor, settings);
  if (!decision.ok) throw forbidden(decision.reason);
  const requesterId = opts.requesterId ?? (actor.kind === "user" ? actor.userId : null);
  if (!requesterId) throw forbidden("LOGIN_REQUIRED");
  const ticket = await db().$transaction((tx) => insertTicket(tx, actor, input, requesterId, settings));
  return { id: ticket.id, number: ticket.id };
}
