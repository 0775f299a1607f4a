// Staff reads for the editor: the article list (drafts and internal included), one article
// with all its fields, its revision history, and a Markdown preview with the renderer pages use.
import { db } from "@/server/db/client";
import type { Actor } from "@/server/domain/actor";
import { notFound } from "@/server/domain/errors";
import { canEditArticles } from "@/server/domain/kb/access";
import { enforce } from "./kb-context";
import { renderArticle } from "./render-article";

export async function listArticlesForStaff(actor: Actor, input: { categoryId?: number; q?: string }) {
  enforce(canEditArticles(actor));
  const q = input.q?.trim();
  return db().kbArticle.findMany({
    where: {
      ...(input.categoryId ? { categoryId: input.categoryId } : {}),
      ...(q ? { OR: [{ titleRu: { contains: q, mode: "insensitive" } }, { titleEn: { contains: q, mode: "insensitive" } }, { slug: { contains: q } }] } : {}),
    },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: 200,
    select: { id: true, slug: true, kind: true, visibility: true, isPublished: true, titleRu: true, titleEn: true, viewCount: true, updatedAt: true, categoryId: true },
  });
}

export async function getArticleForStaff(actor: Actor, id: number) {
  enforce(canEditArticles(actor));
  const a = await db().kbArticle.findUnique({
    where: { id },
    select: { id: true, slug: true, kind: true, visibility: true, isPublished: true, titleRu: true, bodyRu: true, titleEn: true, bodyEn: true, categoryId: true, sortOrder: true, version: true, viewCount: true, updatedAt: true },
  });
  if (!a) throw notFound("ARTICLE_NOT_FOUND");
  return a;
}

export async function listRevisions(actor: Actor, articleId: number) {
  enforce(canEditArticles(actor));
  return db().kbRevision.findMany({
    where: { articleId },
    orderBy: { version: "desc" },
    take: 100,
    select: { id: true, version: true, changed: true, createdAt: true, author: { select: { id: true, name: true } }, titleRu: true, titleEn: true, isPublished: true, visibility: true },
  });
}

export function previewArticle(actor: Actor, body: string) {
  enforce(canEditArticles(actor));
  return { html: renderArticle(body) };
}
