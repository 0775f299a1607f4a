// priority.*: list for every staff member (admin page, pickers); changes are ADMIN only (issue 15.1).
import { z } from "zod";
import { createTRPCRouter, staffProcedure, adminProcedure } from "../trpc";
import { listPriorities, createPriority, updatePriority, reorderPriorities, setDefaultPriority, deletePriority } from "@/server/services/admin/priorities";

const id = z.number().int().positive();
const fields = {
  nameRu: z.string().trim().min(1, "REQUIRED").max(60, "TOO_LONG"),
  nameEn: z.string().trim().min(1, "REQUIRED").max(60, "TOO_LONG"),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, "INVALID_COLOR"),
  isUrgent: z.boolean(),
};

export const priorityRouter = createTRPCRouter({
  list: staffProcedure.query(() => listPriorities()),
  create: adminProcedure.input(z.object(fields)).mutation(({ input }) => createPriority(input)),
  update: adminProcedure.input(z.object({ id, ...fields })).mutation(({ input }) => updatePriority(input)),
  reorder: adminProcedure.input(z.object({ ids: z.array(id).min(1).max(50) })).mutation(({ input }) => reorderPriorities(input.ids)),
  setDefault: adminProcedure.input(z.object({ id })).mutation(({ input }) => setDefaultPriority(input.id)),
  delete: adminProcedure.input(z.object({ id, intoId: id.optional() })).mutation(({ ctx, input }) => deletePriority(ctx.actor, input.id, input.intoId)),
});
