// Opening a ticket from the portal or the API by a signed-in user. One transaction: the
// ticket, its history entry, claimed uploads and the acknowledgement mail in the outbox.
// Visitors without an account go through create-guest-ticket.ts, which shares `insertTicket`.
import { db, type Tx } from "@/server/db/client";
import type { Ticket } from "@/server/generated/prisma/client";
import { TICKET_COLUMNS } from "@/server/db/sql/ticket-row";
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
  // plain SQL (issue 21); every timestamp is the same UTC moment, as Prisma's create wrote them
  const now = new Date().toISOString();
  const [t] = await tx.$queryRawUnsafe<Ticket[]>(
    `INSERT INTO tickets AS t (title, body, body_html, category_id, status_id, requester_id, assignee_id, locale, source, priority_id, custom_fields,
                               created_at, updated_at, last_activity_at, last_customer_at, status_changed_at)
     SELECT $1, $2, $3, $4::int, $5::int, $6::int, $7::int, $8, $9::"MessageSource", coalesce($10::int, default_priority_id()), $11::jsonb, n, n, n, n, n
       FROM (SELECT $12::timestamptz AT TIME ZONE 'UTC' AS n) x
     RETURNING ${TICKET_COLUMNS}`,
    input.title, input.body, renderMarkdown(input.body), category.id, status.id, requesterId, await chooseAssignee(tx, category), requester.locale,
    actor.kind === "user" && actor.via === "token" ? "API" : "WEB", priorityId,
    JSON.stringify(Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null))), now,
  );
  if (!t) throw new Error("ticket insert returned nothing");
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
