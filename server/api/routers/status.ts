// status.*: list for every staff member (pickers); changes are ADMIN only.
import { z } from "zod";
import { createTRPCRouter, staffProcedure, adminProcedure } from "../trpc";
import { listStatuses, createStatus, updateStatus, reorderStatuses, setDefaultStatus, deleteStatus, mergeStatus } from "@/server/services/admin/statuses";

const id = z.number().int().positive();
const fields = {
  nameRu: z.string().trim().min(1, "REQUIRED").max(60, "TOO_LONG"),
  nameEn: z.string().trim().min(1, "REQUIRED").max(60, "TOO_LONG"),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, "INVALID_COLOR"),
  isClosed: z.boolean(),
  sortOrder: z.number().int().min(0).max(100_000).optional(),
};

export const statusRouter = createTRPCRouter({
  list: staffProcedure.query(() => listStatuses()),
  create: adminProcedure.input(z.object(fields)).mutation(({ input }) => createStatus(input)),
  update: adminProcedure.input(z.object({ id, ...fields })).mutation(({ input }) => updateStatus(input)),
  reorder: adminProcedure.input(z.object({ ids: z.array(id).min(1).max(200) })).mutation(({ input }) => reorderStatuses(input.ids)),
  setDefault: adminProcedure.input(z.object({ id })).mutation(({ input }) => setDefaultStatus(input.id)),
  delete: adminProcedure.input(z.object({ id })).mutation(({ input }) => deleteStatus(input.id)),
  merge: adminProcedure.input(z.object({ fromId: id, intoId: id })).mutation(({ ctx, input }) => mergeStatus(ctx.actor, input.fromId, input.intoId)),
});
