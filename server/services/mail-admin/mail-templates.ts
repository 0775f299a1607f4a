// The admin's notification templates: the shipped default or a saved override per key and
// language, a live preview with sample values (markers included), and save / reset. A broken
// template (unknown placeholder, unbalanced braces, unclosed {{#if}}) is refused on save.
import { db } from "@/server/db/client";
import { badRequest } from "@/server/domain/errors";
import { loadSettings } from "@/server/platform/settings/settings-store";
import { PLACEHOLDERS, defaultTemplate, renderTemplate, sampleVars, validateTemplate } from "@/server/mail/outbound/templates";
import { TEMPLATE_KEYS, TEMPLATE_LOCALES, type TemplateKey } from "@/server/domain/mail/template-keys";
import { markersFor, withSubjectToken, wrapBody } from "@/server/mail/outbound/compose";

type Locale = (typeof TEMPLATE_LOCALES)[number];
type Which = { key: TemplateKey; locale: Locale };
type Body = { subject: string; text: string; html: string };

const SAMPLE_TICKET = 1042;

export async function listTemplates() {
  const rows = await db().mailTemplate.findMany({ select: { key: true, locale: true, updatedAt: true } });
  return TEMPLATE_KEYS.flatMap((k) =>
    TEMPLATE_LOCALES.map((l) => {
      const row = rows.find((r) => r.key === k && r.locale === l);
      return { key: k, locale: l, overridden: !!row, updatedAt: row?.updatedAt ?? null };
    }),
  );
}

export async function getTemplate(which: Which) {
  const row = await db().mailTemplate.findUnique({ where: { key_locale: which } });
  const def = defaultTemplate(which.key, which.locale);
  return {
    key: which.key,
    locale: which.locale,
    overridden: !!row,
    template: row ? { subject: row.subject, text: row.text, html: row.html } : def,
    default: def,
    placeholders: [...PLACEHOLDERS[which.key]],
  };
}

/** Renders unsaved edits with sample values exactly as the mail would look (markers included). */
export async function previewTemplate(which: Which, t: Body) {
  const problems = validateTemplate(which.key, t);
  if (problems.length) return { problems, mail: null };
  const mailSettings = await loadSettings("mail");
  const outbound = await loadSettings("outbound");
  const r = renderTemplate(which.key, t, { "site.name": outbound.fromName, ...sampleVars(which.key, which.locale) });
  const customer = !which.key.startsWith("staff.") && isTicketMail(which.key);
  const wrapped = wrapBody(r, customer ? markersFor(mailSettings, SAMPLE_TICKET, which.locale) : null, which.locale);
  return { problems, mail: { subject: withSubjectToken(r.subject, isTicketMail(which.key) ? SAMPLE_TICKET : null), text: wrapped.text, html: wrapped.html } };
}

export async function saveTemplate(which: Which, t: Body) {
  const problems = validateTemplate(which.key, t);
  if (problems.length) throw badRequest("TEMPLATE_BROKEN", { problems });
  await db().mailTemplate.upsert({ where: { key_locale: which }, create: { ...which, ...t }, update: t });
  return { ok: true as const };
}

/** Back to the shipped default. */
export async function resetTemplate(which: Which) {
  await db().mailTemplate.deleteMany({ where: which });
  return { ok: true as const };
}

function isTicketMail(k: TemplateKey) {
  return !["account.set-password", "password.reset", "agent.invite", "reply.refused", "account.verify-email", "account.exists", "account.magic-link"].includes(k);
}
