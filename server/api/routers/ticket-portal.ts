// Customer-side ticket procedures, merged into ticket.*: update (edit own ticket), rate, and
// previewMarkdown (the form's preview, rendered by the same sanitizer as the thread): only for a
// signed-in user or a guest-link holder, and rate-limited per user (ASVS 5.0 V2.4.1) — rendering
// costs CPU on the one event loop, so an anonymous caller cannot spend it.
import { z } from "zod";
import { createTRPCRouter, publicProcedure } from "../trpc";
import { editTicket } from "@/server/services/tickets/edit-ticket";
import { rateTicket } from "@/server/services/tickets/rate-ticket";
import { renderMarkdown, MARKDOWN_MAX_CHARS } from "@/server/services/content/markdown";
import { takeOrThrow } from "@/server/auth/abuse-limits";
import { DomainError } from "@/server/domain/errors";
import { setFields } from "@/server/services/tickets/set-fields";
import { customFieldsInput, ticketSetFieldsOutput } from "@/packages/client/src/contract";

const id = z.number().int().positive();
const title = z.string().trim().min(3, "TOO_SHORT").max(200, "TOO_LONG");
const body = z.string().trim().min(1, "REQUIRED").max(50_000, "TOO_LONG");

export const ticketPortalProcedures = {
  update: publicProcedure
    .input(z.object({ ticketId: id, title: title.optional(), body: body.optional(), categoryId: id.optional(), customFields: customFieldsInput.optional() }))
    .mutation(({ ctx, input }) => editTicket(ctx.actor, input)),

  /** custom field values: staff any field, the customer the fields they may edit (issue 15.3) */
  setFields: publicProcedure
    .input(z.object({ ticketId: id, version: z.number().int().min(0).optional(), values: customFieldsInput }))
    .output(ticketSetFieldsOutput)
    .mutation(({ ctx, input }) => setFields(ctx.actor, input)),

  rate: publicProcedure
    .input(z.object({ ticketId: id, rating: z.number().int().min(1, "RATING_RANGE").max(5, "RATING_RANGE"), comment: z.string().trim().max(2000, "TOO_LONG").nullish() }))
    .mutation(({ ctx, input }) => rateTicket(ctx.actor, input)),

  previewMarkdown: publicProcedure
    .input(z.object({ body: z.string().max(MARKDOWN_MAX_CHARS, "TOO_LONG") }))
    .query(async ({ ctx, input }) => {
      if (ctx.actor.kind !== "user" && ctx.actor.kind !== "guest") throw new DomainError("UNAUTHORIZED", "LOGIN_REQUIRED");
      await takeOrThrow("markdownPreview", ctx.actor.userId);
      return { html: renderMarkdown(input.body) };
    }),
};
export const _portalRouterCheck = createTRPCRouter(ticketPortalProcedures);
