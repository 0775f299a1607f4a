// view.*: saved queue views (issue 16.4). Transport only; rules in server/domain/views.
import { z } from "zod";
import { createTRPCRouter, staffProcedure } from "../trpc";
import { viewName, viewParams } from "@/server/domain/views/saved-view";
import { createView, deleteView, listViews, pinView, reorderViews, updateView } from "@/server/services/views/saved-views";
import { viewCounts } from "@/server/services/views/view-counts";

const id = z.number().int().positive();
const teamIds = z.array(id).max(100);

export const viewRouter = createTRPCRouter({
  list: staffProcedure.query(({ ctx }) => listViews(ctx.actor)),
  counts: staffProcedure.query(({ ctx }) => viewCounts(ctx.actor)),
  create: staffProcedure
    .input(z.object({ name: viewName, params: viewParams, teamIds: teamIds.optional(), pinned: z.boolean().optional() }))
    .mutation(({ ctx, input }) => createView(ctx.actor, input)),
  update: staffProcedure
    .input(z.object({ id, name: viewName.optional(), params: viewParams.optional(), teamIds: teamIds.optional() }))
    .mutation(({ ctx, input }) => updateView(ctx.actor, input)),
  delete: staffProcedure.input(z.object({ id })).mutation(({ ctx, input }) => deleteView(ctx.actor, input.id)),
  pin: staffProcedure.input(z.object({ id, pinned: z.boolean() })).mutation(({ ctx, input }) => pinView(ctx.actor, input)),
  reorder: staffProcedure.input(z.object({ ids: z.array(id).min(1).max(100) })).mutation(({ ctx, input }) => reorderViews(ctx.actor, input.ids)),
});
