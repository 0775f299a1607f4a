// Knowledge-base rows for tests: a category tree and articles of every visibility.
import { db } from "@/server/db/client";
import { system } from "@/server/domain/actor";
import { createArticle, type ArticleFields } from "@/server/services/kb/write-article";

export type KbWorld = { categoryId: number; categorySlug: string; emptyCategoryId: number; articleId: number; articleSlug: string; articleVersion: () => Promise<number> };

const staffActor = (userId: number) => ({ kind: "user" as const, userId, role: "AGENT" as const, email: "kb@example.test", name: "KB", locale: "en", via: "session" as const });

export async function makeKbCategory(over: { slug?: string; parentId?: number | null; nameEn?: string; nameRu?: string } = {}) {
  return db().kbCategory.create({
    data: { slug: over.slug ?? `cat-${Math.random().toString(36).slice(2, 8)}`, parentId: over.parentId ?? null, nameEn: over.nameEn ?? "Accounts", nameRu: over.nameRu ?? "Учётные записи" },
  });
}

export async function makeKbArticle(authorId: number | null, categoryId: number, over: Partial<ArticleFields> = {}) {
  const f: ArticleFields = {
    categoryId,
    kind: "ARTICLE",
    visibility: "PUBLIC",
    isPublished: true,
    titleRu: "Как сбросить пароль",
    bodyRu: "Откройте страницу входа и нажмите **Забыли пароль**.",
    titleEn: "How to reset your password",
    bodyEn: "Open the sign-in page and choose **Forgot password**.",
    ...over,
  };
  return createArticle(authorId ? staffActor(authorId) : system, f);
}

/** For the authorization matrix: a category, an empty one, and one public article. */
export async function buildKbWorld(authorId: number): Promise<KbWorld> {
  const c = await makeKbCategory({ slug: "accounts" });
  const empty = await makeKbCategory({ slug: "empty-one", nameEn: "Empty", nameRu: "Пусто" });
  const a = await makeKbArticle(authorId, c.id, { slug: "reset-password" });
  return {
    categoryId: c.id,
    categorySlug: c.slug,
    emptyCategoryId: empty.id,
    articleId: a.id,
    articleSlug: a.slug,
    articleVersion: async () => (await db().kbArticle.findUniqueOrThrow({ where: { id: a.id }, select: { version: true } })).version,
  };
}
