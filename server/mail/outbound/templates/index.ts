// Template lookup: an admin's mail_templates row when present and valid, else the shipped
// default. validateTemplate is what the save path and the send path both use.
import type { Db, Tx } from "@/server/db/client";
import { logger } from "@/server/logger";
import { parseTemplate, render, renderSubject, TemplateError, type TemplateVars } from "../render";
import { allowedPlaceholders, type TemplateText } from "./catalog";
import type { TemplateKey, TemplateLocale } from "@/server/domain/mail/template-keys";
import { en } from "./en";
import { ru } from "./ru";

export * from "./catalog";

export function defaultTemplate(key: TemplateKey, locale: TemplateLocale): TemplateText {
  return (locale === "en" ? en : ru)[key];
}

export type TemplateProblem = { field: "subject" | "text" | "html"; reason: TemplateError["reason"] | "EMPTY"; detail: string };

/** Problems of a template; an empty list means it can be saved and sent. */
export function validateTemplate(key: TemplateKey, t: TemplateText): TemplateProblem[] {
  const allowed = allowedPlaceholders(key);
  const problems: TemplateProblem[] = [];
  for (const field of ["subject", "text", "html"] as const) {
    const src = t[field];
    if (field !== "html" && src.trim() === "") {
      problems.push({ field, reason: "EMPTY", detail: "" });
      continue;
    }
    try {
      parseTemplate(src, allowed);
    } catch (e) {
      if (e instanceof TemplateError) problems.push({ field, reason: e.reason, detail: e.detail });
      else throw e;
    }
  }
  return problems;
}

export type RenderedTemplate = { subject: string; text: string; html: string };

export function renderTemplate(key: TemplateKey, t: TemplateText, vars: TemplateVars): RenderedTemplate {
  const allowed = allowedPlaceholders(key);
  return {
    subject: renderSubject(t.subject, vars, allowed),
    text: render(t.text, vars, "text", allowed).replace(/\n{3,}/g, "\n\n").trim(),
    // An empty HTML template means "text only".
    html: t.html.trim() === "" ? "" : render(t.html, vars, "html", allowed),
  };
}

/**
 * The template to send: the admin's version unless it is missing or broken (then the default,
 * with a warning in the log — a customer action never fails because of a template).
 */
export async function loadTemplate(client: Db | Tx, key: TemplateKey, locale: TemplateLocale): Promise<{ template: TemplateText; overridden: boolean }> {
  const [row] = await client.$queryRawUnsafe<TemplateText[]>(`SELECT subject, text, html FROM mail_templates WHERE key = $1 AND locale = $2`, key, locale);
  if (!row) return { template: defaultTemplate(key, locale), overridden: false };
  const t = { subject: row.subject, text: row.text, html: row.html };
  const problems = validateTemplate(key, t);
  if (problems.length) {
    logger.warn("mail template broken, using the default", { key, locale, problems });
    return { template: defaultTemplate(key, locale), overridden: false };
  }
  return { template: t, overridden: true };
}

/** Renders with the given template, falling back to the default if rendering throws anyway. */
export function renderOrDefault(key: TemplateKey, locale: TemplateLocale, t: TemplateText, vars: TemplateVars): RenderedTemplate {
  try {
    return renderTemplate(key, t, vars);
  } catch (e) {
    logger.warn("mail template failed to render, using the default", { key, locale, error: String(e) });
    return renderTemplate(key, defaultTemplate(key, locale), vars);
  }
}
