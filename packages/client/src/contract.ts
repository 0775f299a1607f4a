// The public API contract: the zod schemas of every procedure the published client exposes,
// with their REST route. Dependency-free on purpose (zod only): the client package compiles it
// alone, the server's routers take their `.output()` schemas from it, and /api/openapi.json is
// generated from it — so the types a consumer sees, what the server validates and what the
// OpenAPI document says cannot drift. server/api/public-contract.test.ts checks that each input
// here matches the router's own input schema.
import { z } from "zod";

const id = z.number().int().positive();
const names = z.object({ ru: z.string(), en: z.string() }).describe("A name in both UI languages");
const person = z.object({ id: z.number().int(), name: z.string(), email: z.string() });
const attachment = z.object({
  id: z.string(), fileName: z.string(), contentType: z.string(), size: z.number().int(), isInline: z.boolean(), contentId: z.string().nullable(),
});
const source = z.string().describe("Where it came from: WEB, EMAIL, API or SYSTEM");
/** The reasons a ticket policy says no (server/domain/tickets/policies.ts PolicyReason). */
export const policyReason = z.enum([
  "LOGIN_REQUIRED", "GUESTS_DISABLED", "NOT_OWNER", "REPLIES_CLOSED", "EDIT_DISABLED", "TICKET_CLOSED", "RATING_DISABLED", "NOT_CLOSED", "UPLOADS_DISABLED", "STAFF_ONLY",
  "ACCOUNT_INACTIVE", "FILE_TOO_BIG", "TICKET_MERGED",
]);
const title = z.string().trim().min(3, "TOO_SHORT").max(200, "TOO_LONG");
const body = z.string().trim().min(1, "REQUIRED").max(50_000, "TOO_LONG");
const attachmentIds = z.array(z.string().max(40)).max(20).optional().describe("ids of files uploaded before (POST /api/upload)");
const fieldValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]);
/** Custom field values as sent: bounded here, then validated by the schema built from the field definitions (issue 15.3). */
export const customFieldsInput = z
  .record(z.string().regex(/^\d{1,9}$/), z.union([z.string().max(10_000), z.number(), z.boolean(), z.array(z.string().max(500)).max(200), z.null()]))
  .refine((r) => Object.keys(r).length <= 200, "TOO_LONG")
  .describe("custom field values by field id (GET /custom-fields); null or \"\" removes a value");
const priority = z.object({ id: z.number().int(), name: names, color: z.string() });

export const ticketSummary = z.object({
  id: z.number().int(),
  number: z.number().int(),
  title: z.string(),
  status: z.object({ id: z.number().int(), name: names, color: z.string(), isClosed: z.boolean() }),
  category: z.object({ id: z.number().int(), name: names }),
  priority,
  customFields: z.record(z.string(), fieldValue).optional().describe("staff queue only: custom field values by field id"),
  requester: person,
  assignee: person.nullable(),
  source,
  createdAt: z.date(),
  lastActivityAt: z.date(),
  rating: z.number().int().nullable(),
  version: z.number().int().optional().describe("staff queue only: the ticket's version, for ticket.bulkUpdate's versions"),
});

export const ticketMessage = z.object({
  id: z.number().int(),
  isInternal: z.boolean(),
  isAutomatic: z.boolean(),
  source,
  bodyHtml: z.string(),
  bodyText: z.string(),
  author: z.object({ id: z.number().int().nullable(), name: z.string(), isStaff: z.boolean() }),
  fromEmail: z.string().nullable(),
  hasRawMail: z.boolean(),
  rawMailId: z.number().int().nullable(),
  fullText: z.string().nullable().describe("staff only: the whole mail text before the reply was cut out of it; null otherwise"),
  createdAt: z.date(),
  attachments: z.array(attachment),
  editedAt: z.date().nullable().describe("when its author last changed it; null: never"),
  canEdit: z.boolean().describe("the caller may still edit or delete it (staff, own reply, within the setting's minutes)"),
});

export const ticketDetail = ticketSummary.extend({
  customFields: z.record(z.string(), fieldValue).describe("custom field values by field id; customers get only the fields not hidden from them"),
  body: z.string(),
  bodyHtml: z.string(),
  locale: z.string(),
  version: z.number().int().describe("Pass it back to staff writes (setStatus, addNote): a stale one answers CONFLICT"),
  updatedAt: z.date(),
  closedAt: z.date().nullable(),
  ratingComment: z.string().nullable(),
  attachments: z.array(attachment),
  openingRawMailId: z.number().int().nullable(),
  messages: z.array(ticketMessage),
  permissions: z.object({
    canReply: z.boolean(),
    replyBlockedReason: policyReason.nullable().describe("why canReply is false"),
    canEdit: z.boolean(),
    canRate: z.boolean(),
    canUpload: z.boolean(),
    isStaff: z.boolean(),
  }),
  participants: z.array(z.object({ email: z.string(), name: z.string().nullable() })).describe("the Cc list: they receive staff replies and may answer by mail"),
  mergedInto: z.object({ id: z.number().int(), title: z.string() }).nullable().describe("this ticket was merged into that one"),
  actions: z.object({ canAddCc: z.boolean(), canRemoveCc: z.boolean(), canMerge: z.boolean() }),
});

export const ticketListInput = z.object({
  cursor: z.string().max(200).nullish().describe("nextCursor of the previous page"),
  limit: z.number().int().min(1).max(100).default(25),
  search: z.string().max(200).optional().describe("full-text search, or a ticket number"),
  statusId: id.optional(),
  open: z.boolean().optional().describe("only tickets in a status that is not closed"),
  categoryId: id.optional(),
  assignee: z.union([z.enum(["me", "unassigned", "any"]), id]).optional(),
  requester: z.string().max(254).optional().describe("requester e-mail, or a part of it"),
  from: z.coerce.date<Date | string>().optional().describe("created at or after"),
  to: z.coerce.date<Date | string>().optional().describe("created before"),
  priorityId: id.optional(),
  fieldId: id.optional().describe("with fieldValue: only tickets whose custom field has this value (a multi select: contains it)"),
  fieldValue: z.string().max(200).optional(),
  sort: z.enum(["activity", "priority"]).optional().describe("priority: most urgent first, then newest activity"),
});
export const ticketListOutput = z.object({ items: z.array(ticketSummary), nextCursor: z.string().nullable() });

export const ticketByIdInput = z.object({ id });
export const ticketCreateInput = z.object({ title, body, categoryId: id, attachmentIds, priorityId: id.optional().describe("staff, or customers when the settings allow"), customFields: customFieldsInput.optional() });
export const ticketCreateOutput = z.object({ id: z.number().int(), number: z.number().int() });
export const ticketReplyInput = z.object({
  ticketId: id, body, attachmentIds,
  version: z.number().int().min(0).optional().describe("optional: the ticket version the reply was written against; if the ticket changed since, CONFLICT TICKET_CHANGED (details.version: the current one) and nothing is sent"),
});
export const ticketReplyOutput = z.object({ id: z.number().int().describe("the new message"), version: z.number().int().optional().describe("the ticket's version after the reply") });
const version = z.number().int().min(0);
export const ticketAddNoteInput = z.object({ ticketId: id, version: version.optional(), body: z.string().trim().min(1, "REQUIRED").max(50_000, "TOO_LONG") });
export const ticketAddNoteOutput = z.object({ id: z.number().int(), version: z.number().int() });
export const ticketSetStatusInput = z.object({ ticketId: id, version, statusId: id, closeNote: z.string().trim().max(50_000, "TOO_LONG").optional() });
export const ticketSetStatusOutput = z.object({ id: z.number().int(), version: z.number().int() });

export const categoriesOutput = z.array(z.object({ id: z.number().int(), name: names, parentId: z.number().int().nullable(), noTickets: z.boolean().describe("a parent that takes no tickets itself: pick one of its children") }));
export const prioritiesOutput = z.array(priority.extend({ isDefault: z.boolean(), isUrgent: z.boolean() }));
export const customFieldsOutput = z.array(z.object({
  id: z.number().int(),
  type: z.enum(["text", "textarea", "number", "date", "checkbox", "select", "multiselect"]),
  name: names,
  help: names,
  categoryId: z.number().int().nullable().describe("null: every category; a parent's field also applies to its children"),
  required: z.boolean(),
  hiddenFromCustomer: z.boolean(),
  customerEditable: z.boolean(),
  options: z.array(z.object({ value: z.string(), ru: z.string(), en: z.string() })),
}));
export const ticketSetPriorityInput = z.object({ ticketId: id, version, priorityId: id });
export const ticketSetPriorityOutput = z.object({ id: z.number().int(), version: z.number().int() });
export const ticketSetFieldsInput = z.object({ ticketId: id, version: version.optional(), values: customFieldsInput });
export const ticketSetFieldsOutput = z.object({ id: z.number().int(), version: z.number().int(), changed: z.number().int() });
export const statusesOutput = z.array(z.object({ id: z.number().int(), name: names, color: z.string(), isClosed: z.boolean(), isDefault: z.boolean() }));

export type RestRoute = { method: "GET" | "POST"; path: string; summary: string };
export type ContractProcedure = { type: "query" | "mutation"; input: z.ZodType | null; output: z.ZodType; rest: RestRoute };

/** Every procedure the client exposes, by its tRPC path, with its REST twin. */
export const contract = {
  "ticket.list": { type: "query", input: ticketListInput, output: ticketListOutput, rest: { method: "GET", path: "/tickets", summary: "List tickets (staff: the queue; newest activity first, keyset-paginated)" } },
  "ticket.byId": { type: "query", input: ticketByIdInput, output: ticketDetail, rest: { method: "GET", path: "/tickets/{id}", summary: "One ticket with its thread" } },
  "ticket.create": { type: "mutation", input: ticketCreateInput, output: ticketCreateOutput, rest: { method: "POST", path: "/tickets", summary: "Open a ticket as the token's staff account" } },
  "ticket.reply": { type: "mutation", input: ticketReplyInput, output: ticketReplyOutput, rest: { method: "POST", path: "/tickets/{ticketId}/replies", summary: "A public reply (mailed to the requester)" } },
  "ticket.addNote": { type: "mutation", input: ticketAddNoteInput, output: ticketAddNoteOutput, rest: { method: "POST", path: "/tickets/{ticketId}/notes", summary: "An internal note (never shown to the customer)" } },
  "ticket.setStatus": { type: "mutation", input: ticketSetStatusInput, output: ticketSetStatusOutput, rest: { method: "POST", path: "/tickets/{ticketId}/status", summary: "Change the status (closing may carry a close note)" } },
  "meta.categories": { type: "query", input: null, output: categoriesOutput, rest: { method: "GET", path: "/categories", summary: "Active categories (for ticket.create)" } },
  "ticket.setPriority": { type: "mutation", input: ticketSetPriorityInput, output: ticketSetPriorityOutput, rest: { method: "POST", path: "/tickets/{ticketId}/priority", summary: "Change the priority (staff)" } },
  "ticket.setFields": { type: "mutation", input: ticketSetFieldsInput, output: ticketSetFieldsOutput, rest: { method: "POST", path: "/tickets/{ticketId}/fields", summary: "Change custom field values (staff: all; the customer: the fields they may edit)" } },
  "meta.priorities": { type: "query", input: null, output: prioritiesOutput, rest: { method: "GET", path: "/priorities", summary: "All priorities, least to most urgent" } },
  "meta.customFields": { type: "query", input: null, output: customFieldsOutput, rest: { method: "GET", path: "/custom-fields", summary: "Active custom field definitions (a customer sees those not hidden from customers)" } },
  "meta.statuses": { type: "query", input: null, output: statusesOutput, rest: { method: "GET", path: "/statuses", summary: "All statuses (for ticket.setStatus)" } },
} as const satisfies Record<string, ContractProcedure>;

export type ContractPath = keyof typeof contract;
