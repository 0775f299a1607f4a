// apiToken.*: ADMIN only. The plain token is in the create response and nowhere else.
import { z } from "zod";
import { createTRPCRouter, adminProcedure } from "../trpc";
import { createApiToken, listApiTokens, revokeApiToken, mintInput } from "@/server/services/admin/api-tokens";

const id = z.number().int().positive();

export const apiTokenRouter = createTRPCRouter({
  list: adminProcedure.query(() => listApiTokens()),
  create: adminProcedure.input(mintInput.extend({ userId: id.optional() })).mutation(({ ctx, input }) => createApiToken(ctx.actor, input)),
  revoke: adminProcedure.input(z.object({ id })).mutation(({ input }) => revokeApiToken(input.id)),
});
