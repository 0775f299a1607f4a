// Staff-side ticket procedures (ticket.counts, setStatus, assign, setCategory, addNote,
// setRequester, history, bulkUpdate), merged into ticket.*. Transport only.
import { z } from "zod";
import { createTRPCRouter, staffProcedure, adminProcedure } from "../trpc";
import { queueCounts } from "@/server/services/tickets/queue-counts";
import { setStatus } from "@/server/services/tickets/set-status";
import { assignTicket } from "@/server/services/tickets/assign";
import { setCategory } from "@/server/services/tickets/set-category";
import { addNote } from "@/server/services/tickets/add-note";
import { editRequester } from "@/server/services/tickets/edit-requester";
import { ticketHistory } from "@/server/services/tickets/ticket-history";
import { bulkUpdate } from "@/server/services/tickets/bulk-update";
import { loadSettings } from "@/server/platform/settings/settings-store";
import { customFieldsInput, ticketAddNoteOutput, ticketSetStatusOutput, ticketSetPriorityOutput } from "@/packages/client/src/contract";
import { setPriority } from "@/server/services/tickets/set-priority";
import { ticketsCsv } from "@/server/services/reports/tickets-csv";

const id = z.number().int().positive();
const version = z.number().int().min(0);
const noteBody = z.string().trim().min(1, "REQUIRED").max(50_000, "TOO_LONG");

export const ticketStaffProcedures = {
  counts: staffProcedure.query(({ ctx }) => queueCounts(ctx.actor)),

  /** The ticket settings the staff UI needs (settings.get is admin only). */
  staffSettings: staffProcedure.query(async () => {
    const s = await loadSettings("tickets");
    return { closeNotesOnClose: s.closeNotesOnClose, uploads: { maxMb: s.maxUploadMb, allowedFileTypes: s.allowedFileTypes } };
  }),

  setStatus: staffProcedure
    .input(z.object({ ticketId: id, version, statusId: id, closeNote: z.string().trim().max(50_000, "TOO_LONG").optional() }))
    .output(ticketSetStatusOutput)
    .mutation(({ ctx, input }) => setStatus(ctx.actor, input)),

  assign: staffProcedure
    .input(z.object({ ticketId: id, version, assigneeId: id.nullable() }))
    .mutation(({ ctx, input }) => assignTicket(ctx.actor, input)),

  setCategory: staffProcedure
    .input(z.object({ ticketId: id, version, categoryId: id, customFields: customFieldsInput.optional() }))
    .mutation(({ ctx, input }) => setCategory(ctx.actor, input)),

  setPriority: staffProcedure
    .input(z.object({ ticketId: id, version, priorityId: id }))
    .output(ticketSetPriorityOutput)
    .mutation(({ ctx, input }) => setPriority(ctx.actor, input)),

  addNote: staffProcedure
    .input(z.object({ ticketId: id, version: version.optional(), body: noteBody }))
    .output(ticketAddNoteOutput)
    .mutation(({ ctx, input }) => addNote(ctx.actor, input)),

  setRequester: adminProcedure
    .input(z.object({ ticketId: id, version, name: z.string().trim().min(1, "REQUIRED").max(200, "TOO_LONG"), email: z.string().trim().email("INVALID_EMAIL").max(254) }))
    .mutation(({ ctx, input }) => editRequester(ctx.actor, input)),

  /** the queue with its filters as CSV (issue 15: priority, category path, custom fields) */
  exportCsv: staffProcedure
    .input(z.object({
      locale: z.enum(["ru", "en"]).default("en"),
      search: z.string().max(200).optional(), statusId: id.optional(), open: z.boolean().optional(), categoryId: id.optional(),
      assignee: z.union([z.enum(["me", "unassigned", "any"]), id]).optional(), requester: z.string().max(254).optional(),
      from: z.coerce.date().optional(), to: z.coerce.date().optional(),
      priorityId: id.optional(), fieldId: id.optional(), fieldValue: z.string().max(200).optional(), sort: z.enum(["activity", "priority"]).optional(),
    }))
    .query(({ ctx, input }) => { const { locale, ...filter } = input; return ticketsCsv(ctx.actor, filter, locale); }),

  history: staffProcedure.input(z.object({ ticketId: id })).query(({ ctx, input }) => ticketHistory(ctx.actor, input.ticketId)),

  bulkUpdate: staffProcedure
    .input(z.object({ ticketIds: z.array(id).min(1).max(100), versions: z.array(version).max(100).optional(), statusId: id.optional(), categoryId: id.optional(), assigneeId: id.nullable().optional() }))
    .mutation(({ ctx, input }) => bulkUpdate(ctx.actor, input)),
};
export const _staffRouterCheck = createTRPCRouter(ticketStaffProcedures);
