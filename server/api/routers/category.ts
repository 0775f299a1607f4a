// category.*: list for every staff member (pickers, archived on request); changes are ADMIN only.
import { z } from "zod";
import { createTRPCRouter, staffProcedure, adminProcedure } from "../trpc";
import { listCategories, createCategory, updateCategory, setCategoryArchived, reorderCategories } from "@/server/services/admin/categories";

const id = z.number().int().positive();
const fields = {
  nameRu: z.string().trim().min(1, "REQUIRED").max(100, "TOO_LONG"),
  nameEn: z.string().trim().min(1, "REQUIRED").max(100, "TOO_LONG"),
  sortOrder: z.number().int().min(0).max(100_000).optional(),
  defaultAssigneeId: id.nullable().optional(),
  parentId: id.nullable().optional(),
  noTickets: z.boolean().optional(),
  assignmentRule: z.enum(["NONE", "ROUND_ROBIN", "FEWEST_OPEN"]).optional(),
};

export const categoryRouter = createTRPCRouter({
  list: staffProcedure.input(z.object({ includeArchived: z.boolean().default(false) }).optional()).query(({ input }) => listCategories({ includeArchived: input?.includeArchived ?? false })),
  create: adminProcedure.input(z.object(fields)).mutation(({ input }) => createCategory(input)),
  update: adminProcedure.input(z.object({ id, ...fields })).mutation(({ input }) => updateCategory(input)),
  archive: adminProcedure.input(z.object({ id, archived: z.boolean() })).mutation(({ input }) => setCategoryArchived(input.id, input.archived)),
  reorder: adminProcedure.input(z.object({ ids: z.array(id).min(1).max(500) })).mutation(({ input }) => reorderCategories(input.ids)),
});
