// mailTemplate.*: admin-editable notification templates with a live preview. A broken template
// (unknown placeholder, unbalanced braces, unclosed {{#if}}) is refused on save.
import { z } from "zod";
import { createTRPCRouter, adminProcedure } from "../trpc";
import { db } from "@/server/db/client";
import { badRequest } from "@/server/domain/errors";
import { loadSettings } from "@/server/services/settings/settings-store";
import {
  TEMPLATE_KEYS, TEMPLATE_LOCALES, PLACEHOLDERS, defaultTemplate, renderTemplate, sampleVars, validateTemplate, type TemplateKey,
} from "@/server/mail/outbound/templates";
import { markersFor, withSubjectToken, wrapBody } from "@/server/mail/outbound/compose";

const key = z.enum(TEMPLATE_KEYS);
const locale = z.enum(TEMPLATE_LOCALES);
const body = z.object({ subject: z.string().max(300), text: z.string().max(20_000), html: z.string().max(50_000) });

const SAMPLE_TICKET = 1042;

export const mailTemplateRouter = createTRPCRouter({
  list: adminProcedure.query(async () => {
    const rows = await db().mailTemplate.findMany({ select: { key: true, locale: true, updatedAt: true } });
    return TEMPLATE_KEYS.flatMap((k) =>
      TEMPLATE_LOCALES.map((l) => {
        const row = rows.find((r) => r.key === k && r.locale === l);
        return { key: k, locale: l, overridden: !!row, updatedAt: row?.updatedAt ?? null };
      }),
    );
  }),

  get: adminProcedure.input(z.object({ key, locale })).query(async ({ input }) => {
    const row = await db().mailTemplate.findUnique({ where: { key_locale: input } });
    const def = defaultTemplate(input.key, input.locale);
    return {
      key: input.key,
      locale: input.locale,
      overridden: !!row,
      template: row ? { subject: row.subject, text: row.text, html: row.html } : def,
      default: def,
      placeholders: [...PLACEHOLDERS[input.key]],
    };
  }),

  /** Renders unsaved edits with sample values exactly as the mail would look (markers included). */
  preview: adminProcedure.input(z.object({ key, locale }).merge(body)).query(async ({ input }) => {
    const t = { subject: input.subject, text: input.text, html: input.html };
    const problems = validateTemplate(input.key, t);
    if (problems.length) return { problems, mail: null };
    const mailSettings = await loadSettings("mail");
    const outbound = await loadSettings("outbound");
    const r = renderTemplate(input.key, t, { "site.name": outbound.fromName, ...sampleVars(input.key, input.locale) });
    const customer = !input.key.startsWith("staff.") && isTicketMail(input.key);
    const wrapped = wrapBody(r, customer ? markersFor(mailSettings, SAMPLE_TICKET, input.locale) : null, input.locale);
    return { problems, mail: { subject: withSubjectToken(r.subject, isTicketMail(input.key) ? SAMPLE_TICKET : null), text: wrapped.text, html: wrapped.html } };
  }),

  save: adminProcedure.input(z.object({ key, locale }).merge(body)).mutation(async ({ input }) => {
    const t = { subject: input.subject, text: input.text, html: input.html };
    const problems = validateTemplate(input.key, t);
    if (problems.length) throw badRequest("TEMPLATE_BROKEN", { problems });
    await db().mailTemplate.upsert({ where: { key_locale: { key: input.key, locale: input.locale } }, create: { key: input.key, locale: input.locale, ...t }, update: t });
    return { ok: true as const };
  }),

  /** Back to the shipped default. */
  reset: adminProcedure.input(z.object({ key, locale })).mutation(async ({ input }) => {
    await db().mailTemplate.deleteMany({ where: { key: input.key, locale: input.locale } });
    return { ok: true as const };
  }),
});

function isTicketMail(k: TemplateKey) {
  return !["account.set-password", "password.reset", "agent.invite", "reply.refused", "account.verify-email", "account.exists", "account.magic-link"].includes(k);
}
