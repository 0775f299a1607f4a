// mailTemplate.*: admin-editable notification templates with a live preview. A broken template
// (unknown placeholder, unbalanced braces, unclosed {{#if}}) is refused on save.
import { z } from "zod";
import { createTRPCRouter, adminProcedure } from "../trpc";
import { TEMPLATE_KEYS, TEMPLATE_LOCALES } from "@/server/domain/mail/template-keys";
import { listTemplates, getTemplate, previewTemplate, saveTemplate, resetTemplate } from "@/server/services/mail-admin/mail-templates";

const which = z.object({ key: z.enum(TEMPLATE_KEYS), locale: z.enum(TEMPLATE_LOCALES) });
const body = z.object({ subject: z.string().max(300), text: z.string().max(20_000), html: z.string().max(50_000) });
const split = ({ key, locale, subject, text, html }: z.infer<typeof which> & z.infer<typeof body>) => [{ key, locale }, { subject, text, html }] as const;

export const mailTemplateRouter = createTRPCRouter({
  list: adminProcedure.query(() => listTemplates()),
  get: adminProcedure.input(which).query(({ input }) => getTemplate(input)),
  /** Renders unsaved edits with sample values exactly as the mail would look (markers included). */
  preview: adminProcedure.input(which.merge(body)).query(({ input }) => previewTemplate(...split(input))),
  save: adminProcedure.input(which.merge(body)).mutation(({ input }) => saveTemplate(...split(input))),
  /** Back to the shipped default. */
  reset: adminProcedure.input(which).mutation(({ input }) => resetTemplate(input)),
});
