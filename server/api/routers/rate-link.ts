// rateLink.*: the /rate page of the closing mail. The token is the credential (with "require
// login" on, together with the requester's own session); refusals come back as reasons.
import { z } from "zod";
import { createTRPCRouter, publicProcedure } from "../trpc";
import { rateByLink, viewRateLink } from "@/server/services/tickets/rate-by-link";

const token = z.string().max(2000);
const locale = z.enum(["ru", "en"]);

export const rateLinkRouter = createTRPCRouter({
  view: publicProcedure.input(z.object({ token, locale })).query(({ ctx, input }) => viewRateLink(input.token, input.locale, ctx.actor)),
  rate: publicProcedure
    .input(z.object({ token, locale, rating: z.string().max(20), comment: z.string().max(10_000).nullable() }))
    .mutation(({ ctx, input }) => rateByLink(input, input.locale, ctx.actor)),
});
