// customField.*: the definitions (issue 15.3). Listed for staff (admin page, queue columns);
// changes are ADMIN only. Customers read theirs through meta.customFields.
import { z } from "zod";
import { createTRPCRouter, staffProcedure, adminProcedure } from "../trpc";
import { FIELD_TYPES } from "@/server/domain/tickets/custom-fields";
import { listCustomFields, createCustomField, updateCustomField, archiveCustomField, reorderCustomFields } from "@/server/services/admin/custom-fields";

const id = z.number().int().positive();
const name = z.string().trim().min(1, "REQUIRED").max(100, "TOO_LONG");
const help = z.string().trim().max(500, "TOO_LONG");
const option = z.object({
  value: z.string().trim().min(1, "REQUIRED").max(100, "TOO_LONG"),
  ru: z.string().trim().min(1, "REQUIRED").max(200, "TOO_LONG"),
  en: z.string().trim().min(1, "REQUIRED").max(200, "TOO_LONG"),
});
const fields = {
  type: z.enum(FIELD_TYPES),
  nameRu: name,
  nameEn: name,
  helpRu: help.default(""),
  helpEn: help.default(""),
  categoryId: id.nullable(),
  required: z.boolean(),
  hiddenFromCustomer: z.boolean(),
  customerEditable: z.boolean(),
  options: z.array(option).max(100, "TOO_LONG").default([]),
};

export const customFieldRouter = createTRPCRouter({
  list: staffProcedure.query(() => listCustomFields()),
  create: adminProcedure.input(z.object(fields)).mutation(({ input }) => createCustomField(input)),
  update: adminProcedure.input(z.object({ id, ...fields })).mutation(({ input }) => updateCustomField(input)),
  archive: adminProcedure.input(z.object({ id, archived: z.boolean() })).mutation(({ input }) => archiveCustomField(input.id, input.archived)),
  reorder: adminProcedure.input(z.object({ ids: z.array(id).min(1).max(500) })).mutation(({ input }) => reorderCustomFields(input.ids)),
});
