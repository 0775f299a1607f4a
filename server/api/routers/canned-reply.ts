// cannedReply.*: CRUD of shared answer snippets (any staff member).
import { z } from "zod";
import { createTRPCRouter, staffProcedure } from "../trpc";
import { listCannedReplies, createCannedReply, updateCannedReply, deleteCannedReply } from "@/server/services/admin/canned-replies";

const id = z.number().int().positive();
const fields = { title: z.string().trim().min(1, "REQUIRED").max(200, "TOO_LONG"), body: z.string().trim().min(1, "REQUIRED").max(20_000, "TOO_LONG") };

export const cannedReplyRouter = createTRPCRouter({
  list: staffProcedure.query(({ ctx }) => listCannedReplies(ctx.actor)),
  create: staffProcedure.input(z.object(fields)).mutation(({ ctx, input }) => createCannedReply(ctx.actor, input)),
  update: staffProcedure.input(z.object({ id, ...fields })).mutation(({ ctx, input }) => updateCannedReply(ctx.actor, input)),
  delete: staffProcedure.input(z.object({ id })).mutation(({ ctx, input }) => deleteCannedReply(ctx.actor, input.id)),
});
