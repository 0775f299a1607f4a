// What readers tell us: "was this helpful?" (one vote per visitor, a re-vote changes it),
// views, and the new-ticket suggestions (opened → did the form still submit?).
import crypto from "node:crypto";
import { db } from "@/server/db/client";
import type { Actor } from "@/server/domain/actor";
import { badRequest, notFound } from "@/server/domain/errors";
import { canRateArticle, canReadArticle, voterKey } from "@/server/domain/kb/access";
import { enforce, kbSettings } from "./kb-context";

async function loadFacts(id: number) {
  const a = await db().kbArticle.findUnique({ where: { id }, select: { id: true, visibility: true, isPublished: true } });
  if (!a) throw notFound("ARTICLE_NOT_FOUND");
  return a;
}

const hashVisitor = (visitorId: string | undefined) => (visitorId ? crypto.createHash("sha256").update(`kb-visitor:${visitorId}`).digest("hex") : null);

export async function voteArticle(actor: Actor, input: { articleId: number; helpful: boolean; visitorId?: string }) {
  const a = await loadFacts(input.articleId);
  enforce(canRateArticle(actor, a, await kbSettings()));
  const key = voterKey(actor, hashVisitor(input.visitorId));
  if (!key) throw badRequest("KB_VISITOR_REQUIRED");
  await db().kbVote.upsert({
    where: { articleId_voterKey: { articleId: a.id, voterKey: key } },
    create: { articleId: a.id, voterKey: key, helpful: input.helpful },
    update: { helpful: input.helpful },
  });
  const votes = await db().kbVote.groupBy({ by: ["helpful"], where: { articleId: a.id }, _count: { _all: true } });
  const n = (h: boolean) => votes.find((v) => v.helpful === h)?._count._all ?? 0;
  return { yes: n(true), no: n(false), mine: input.helpful };
}

export async function recordView(actor: Actor, articleId: number) {
  const a = await loadFacts(articleId);
  enforce(canRateArticle(actor, a, await kbSettings()));
  await db().kbArticle.update({ where: { id: a.id }, data: { viewCount: { increment: 1 } }, select: { id: true } });
  return { ok: true };
}

/** A suggested article was opened from the new-ticket form `session` (once per article). */
export async function suggestionOpened(actor: Actor, input: { session: string; articleId: number }) {
  const a = await loadFacts(input.articleId);
  enforce(canReadArticle(actor, a, await kbSettings()));
  await db().kbDeflection.upsert({
    where: { sessionKey_articleId: { sessionKey: input.session, articleId: a.id } },
    create: { sessionKey: input.session, articleId: a.id },
    update: {},
  });
  return { ok: true };
}

/** That form created a ticket after all: its opens did not answer the question. */
export async function suggestionsSubmitted(_actor: Actor, input: { session: string }) {
  const r = await db().kbDeflection.updateMany({ where: { sessionKey: input.session, submittedAt: null }, data: { submittedAt: new Date() } });
  return { updated: r.count };
}
