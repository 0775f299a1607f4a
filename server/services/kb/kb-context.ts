// What every KB service asks first: the "require login" switch (tickets settings) and the
// helpers that turn a domain refusal into the error the API answers with.
import type { Actor } from "@/server/domain/actor";
import { DomainError, notFound } from "@/server/domain/errors";
import { canOpenKb, type KbAccessSettings, type KbDecision } from "@/server/domain/kb/access";
import { loadSettings } from "@/server/platform/settings/settings-store";
import { env } from "@/server/env";

export async function kbSettings(): Promise<KbAccessSettings> {
  const s = await loadSettings("tickets");
  return { requireLogin: s.requireLogin };
}

/** Throws the API error for a refusal: sign in first, staff only, or (to hide drafts and internal articles) not found. */
export function enforce(d: KbDecision): void {
  if (d.ok) return;
  if (d.reason === "LOGIN_REQUIRED") throw new DomainError("UNAUTHORIZED", "LOGIN_REQUIRED");
  if (d.reason === "STAFF_ONLY") throw new DomainError("FORBIDDEN", "STAFF_ONLY");
  throw notFound("ARTICLE_NOT_FOUND");
}

export async function assertKbOpen(actor: Actor): Promise<KbAccessSettings> {
  const s = await kbSettings();
  enforce(canOpenKb(actor, s));
  return s;
}

export const articlePath = (slug: string) => `/kb/articles/${slug}`;
export const categoryPath = (slug: string) => `/kb/categories/${slug}`;
/** Absolute, for links that leave the site (a staff reply goes out by mail). */
export const articleUrl = (slug: string) => `${env().APP_URL.replace(/\/$/, "")}${articlePath(slug)}`;
