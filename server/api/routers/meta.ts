// meta.*: small public lookups the forms need (categories, statuses) and who am I.
import { createTRPCRouter, publicProcedure } from "../trpc";
import { activeCategories, allPriorities, allStatuses, visibleFieldDefs, portalOffer } from "@/server/services/meta/lookups";
import { categoriesOutput, customFieldsOutput, prioritiesOutput, statusesOutput } from "@/packages/client/src/contract";

export const metaRouter = createTRPCRouter({
  categories: publicProcedure.output(categoriesOutput).query(() => activeCategories()),
  priorities: publicProcedure.output(prioritiesOutput).query(() => allPriorities()),
  customFields: publicProcedure.output(customFieldsOutput).query(({ ctx }) => visibleFieldDefs(ctx.actor)),
  statuses: publicProcedure.output(statusesOutput).query(() => allStatuses()),
  portal: publicProcedure.query(({ ctx }) => portalOffer(ctx.actor)),
});
