// Rating from the link in the closing mail (`/rate?token=…`, signed by signLink("rate", …)):
// no sign-in — unless "require login" is on; then the requester signs in (a mailed one-time
// link will do) and rates as themself. The token names the ticket and its requester; the rating itself goes through
// rateTicket with a guest actor for exactly that ticket, so the same policy applies as in the
// portal (ticket closed, allowRating on, requireLogin respected). Refusals come back as reason
// codes the /rate page translates (messages/<locale>/rate.json → errors.*).
import { z } from "zod";
import { db } from "@/server/db/client";
import type { Actor } from "@/server/domain/actor";
import { DomainError } from "@/server/domain/errors";
import { canRateTicket } from "@/server/domain/tickets/policies";
import { verifyLink } from "@/server/auth/signed-links";
import { loadSettings } from "@/server/platform/settings/settings-store";
import { rateTicket } from "./rate-ticket";

export type RateLinkReason = "INVALID_LINK" | "RATING_DISABLED" | "NOT_CLOSED" | "LOGIN_REQUIRED" | "INVALID_RATING" | "NOT_OWNER";

export type RateLinkTicket = { id: number; title: string; rating: number | null; ratingComment: string | null };

export type RateLinkView =
  | { ok: true; ticket: RateLinkTicket }
  /** `ticket` is present when the link itself is good but rating is refused */
  | { ok: false; reason: RateLinkReason; ticket?: RateLinkTicket };

const KNOWN: ReadonlySet<string> = new Set<RateLinkReason>(["RATING_DISABLED", "NOT_CLOSED", "LOGIN_REQUIRED", "NOT_OWNER"]);

type RateActor = (Extract<Actor, { kind: "guest" }> | Extract<Actor, { kind: "user" }>) & { ticketId: number };

/**
 * Who rates through this link: the signed-in requester themself when the viewer is the account
 * the link names (so "require login" is met after a sign-in — issue 12.4), else a guest actor
 * limited to that ticket.
 */
function actorFor(token: string, locale: string, viewer?: Actor): RateActor | null {
  const v = verifyLink("rate", token);
  if (!v) return null;
  if (viewer?.kind === "user" && viewer.userId === v.userId) return { ...viewer, ticketId: v.ticketId };
  return { kind: "guest", userId: v.userId, ticketId: v.ticketId, locale };
}

/** What the /rate page shows for a token: the ticket, or why it cannot be rated. */
export async function viewRateLink(token: string, locale = "ru", viewer?: Actor): Promise<RateLinkView> {
  const actor = actorFor(token, locale, viewer);
  if (!actor) return { ok: false, reason: "INVALID_LINK" };
  const t = await db().ticket.findUnique({
    where: { id: actor.ticketId },
    select: { id: true, title: true, rating: true, ratingComment: true, requesterId: true, mergedIntoId: true, status: { select: { isClosed: true } } },
  });
  // a ticket that is gone, or now belongs to someone else, makes the link simply invalid
  if (!t || t.requesterId !== actor.userId) return { ok: false, reason: "INVALID_LINK" };
  const ticket: RateLinkTicket = { id: t.id, title: t.title, rating: t.rating, ratingComment: t.ratingComment };
  const d = canRateTicket(actor, { id: t.id, requesterId: t.requesterId, isClosed: t.status.isClosed, mergedIntoId: t.mergedIntoId }, await loadSettings("tickets"));
  if (!d.ok) return { ok: false, reason: KNOWN.has(d.reason) ? (d.reason as RateLinkReason) : "INVALID_LINK", ticket };
  return { ok: true, ticket };
}

export const rateByLinkInput = z.object({
  token: z.string().max(200),
  rating: z.coerce.number().int().min(1).max(5),
  comment: z.string().max(2000).optional().nullable(),
});

export type RateByLinkResult = { ok: true; rating: number; ratingComment: string | null } | { ok: false; reason: RateLinkReason };

/** Rates the ticket the token names, as its requester (a guest actor limited to that ticket). */
export async function rateByLink(input: { token: string; rating: unknown; comment?: string | null }, locale = "ru", viewer?: Actor): Promise<RateByLinkResult> {
  const parsed = rateByLinkInput.safeParse(input);
  if (!parsed.success) return { ok: false, reason: parsed.error.issues.some((i) => i.path[0] === "token") ? "INVALID_LINK" : "INVALID_RATING" };
  const actor = actorFor(parsed.data.token, locale, viewer);
  if (!actor) return { ok: false, reason: "INVALID_LINK" };
  // the same checks as the page first, so a refusal names its reason (rateTicket hides a
  // ticket the actor may not view behind TICKET_NOT_FOUND); rateTicket checks again under lock
  const view = await viewRateLink(parsed.data.token, locale, viewer);
  if (!view.ok) return { ok: false, reason: view.reason };
  try {
    const r = await rateTicket(actor, { ticketId: actor.ticketId, rating: parsed.data.rating, comment: parsed.data.comment ?? null });
    return { ok: true, rating: r.rating, ratingComment: r.ratingComment };
  } catch (e) {
    if (e instanceof DomainError) return { ok: false, reason: KNOWN.has(e.reason) ? (e.reason as RateLinkReason) : "INVALID_LINK" };
    throw e;
  }
}
