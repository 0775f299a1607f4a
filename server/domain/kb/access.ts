// Who may see which knowledge-base article: visibility × "require login" × actor, as pure
// functions. The KB obeys the existing tickets setting `requireLogin` rather than a setting of
// its own: a team that closed its portal to strangers has not agreed to publish its help pages
// either, and one switch cannot disagree with itself. With it on, "public" means "signed in".
// A guest (holder of a signed ticket link) is not signed in: for the KB it is a visitor.
import type { Actor } from "../actor";
import { isStaff } from "../actor";

export type KbVisibility = "PUBLIC" | "CUSTOMERS" | "STAFF";
export type KbAccessSettings = { requireLogin: boolean };
export type KbReason = "LOGIN_REQUIRED" | "NOT_VISIBLE" | "STAFF_ONLY";
export type KbDecision = { ok: true } | { ok: false; reason: KbReason };
export type ArticleFacts = { visibility: KbVisibility; isPublished: boolean };

const OK: KbDecision = { ok: true };
const no = (reason: KbReason): KbDecision => ({ ok: false, reason });
const signedIn = (a: Actor) => a.kind === "user" || a.kind === "system";

/** May this actor open the help centre at all (home, categories, search)? */
export function canOpenKb(actor: Actor, s: KbAccessSettings): KbDecision {
  if (s.requireLogin && !signedIn(actor)) return no("LOGIN_REQUIRED");
  return OK;
}

/** The visibilities whose published articles this actor may read (search filters on it). */
export function visibleLevels(actor: Actor, s: KbAccessSettings): KbVisibility[] {
  if (isStaff(actor) || actor.kind === "system") return ["PUBLIC", "CUSTOMERS", "STAFF"];
  if (actor.kind === "user") return ["PUBLIC", "CUSTOMERS"];
  return s.requireLogin ? [] : ["PUBLIC"];
}

/**
 * Reading one article. Drafts and internal articles answer NOT_VISIBLE to non-staff (the page
 * shows "not found": their existence is not revealed); a customers-only article asks an
 * anonymous visitor to sign in.
 */
export function canReadArticle(actor: Actor, a: ArticleFacts, s: KbAccessSettings): KbDecision {
  if (isStaff(actor) || actor.kind === "system") return OK;
  const open = canOpenKb(actor, s);
  if (!open.ok) return open;
  if (!a.isPublished || a.visibility === "STAFF") return no("NOT_VISIBLE");
  if (a.visibility === "CUSTOMERS" && actor.kind !== "user") return no("LOGIN_REQUIRED");
  return OK;
}

/** Votes and view counts: whoever may read a published article. */
export function canRateArticle(actor: Actor, a: ArticleFacts, s: KbAccessSettings): KbDecision {
  if (!a.isPublished) return no("NOT_VISIBLE");
  return canReadArticle(actor, a, s);
}

/** Writing articles and uploading their images: staff. Categories: admins (like ticket categories). */
export function canEditArticles(actor: Actor): KbDecision {
  return isStaff(actor) ? OK : no("STAFF_ONLY");
}

export function canEditCategories(actor: Actor): KbDecision {
  return actor.kind === "user" && actor.role === "ADMIN" ? OK : no("STAFF_ONLY");
}

/**
 * The key that makes a vote "one per visitor": the account when signed in (or the ticket
 * link's owner), else the visitor id the browser keeps (hashed by the caller). Null: no identity.
 */
export function voterKey(actor: Actor, visitorHash: string | null): string | null {
  if (actor.kind === "user" || actor.kind === "guest") return `u:${actor.userId}`;
  return visitorHash ? `v:${visitorHash}` : null;
}
