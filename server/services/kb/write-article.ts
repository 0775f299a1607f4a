// Staff writing articles: create, update (optimistic version check), delete. Every save
// writes a revision — a full snapshot plus the names of the fields that changed — in the same
// transaction, which is the article's history of who changed what.
import { db } from "@/server/db/client";
import type { Actor } from "@/server/domain/actor";
import { badRequest, conflict, notFound } from "@/server/domain/errors";
import { canEditArticles } from "@/server/domain/kb/access";
import { isValidSlug, nextFreeSlug, searchKey, slugify } from "@/server/domain/kb/slug";
import { Prisma } from "@/server/generated/prisma/client";
import { enforce } from "./kb-context";
import { plainText } from "./render-article";

export type ArticleFields = {
  categoryId: number;
  slug?: string;
  kind: "ARTICLE" | "FAQ";
  visibility: "PUBLIC" | "CUSTOMERS" | "STAFF";
  isPublished: boolean;
  titleRu: string;
  bodyRu: string;
  titleEn: string;
  bodyEn: string;
  sortOrder?: number;
};

const TRACKED = ["categoryId", "slug", "kind", "visibility", "isPublished", "titleRu", "bodyRu", "titleEn", "bodyEn"] as const;

function validate(f: ArticleFields) {
  if (!f.titleRu.trim() && !f.titleEn.trim()) throw badRequest("KB_TITLE_REQUIRED");
  if ((f.bodyRu.trim() && !f.titleRu.trim()) || (f.bodyEn.trim() && !f.titleEn.trim())) throw badRequest("KB_TITLE_REQUIRED");
  if (f.slug && !isValidSlug(f.slug)) throw badRequest("KB_SLUG_INVALID");
}

async function freeSlug(wanted: string | undefined, f: ArticleFields, exceptId?: number): Promise<string> {
  if (wanted) {
    const taken = await db().kbArticle.findFirst({ where: { slug: wanted, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { id: true } });
    if (taken) throw conflict("KB_SLUG_TAKEN");
    return wanted;
  }
  const base = slugify(f.titleEn.trim() || f.titleRu) || "article";
  const rows = await db().kbArticle.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } });
  return nextFreeSlug(base, new Set(rows.map((r) => r.slug)));
}

async function assertCategory(id: number) {
  if (!(await db().kbCategory.findUnique({ where: { id }, select: { id: true } }))) throw badRequest("KB_CATEGORY_NOT_FOUND");
}

const derived = (f: ArticleFields) => ({ plainRu: plainText(f.bodyRu), plainEn: plainText(f.bodyEn), searchKey: searchKey(`${f.titleRu} ${f.titleEn}`) });
const snapshot = (a: Record<(typeof TRACKED)[number], unknown>) => Object.fromEntries(TRACKED.map((k) => [k, a[k]])) as Pick<ArticleFields, (typeof TRACKED)[number]> & { slug: string };

function uniqueSlugError(e: unknown): never {
  if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") throw conflict("KB_SLUG_TAKEN");
  throw e;
}

export async function createArticle(actor: Actor, f: ArticleFields) {
  enforce(canEditArticles(actor));
  validate(f);
  await assertCategory(f.categoryId);
  const slug = await freeSlug(f.slug, f);
  const data = { ...f, slug, sortOrder: f.sortOrder ?? 0, ...derived(f), publishedAt: f.isPublished ? new Date() : null };
  return db()
    .$transaction(async (tx) => {
      const a = await tx.kbArticle.create({ data, select: { id: true, slug: true, version: true } });
      await tx.kbRevision.create({ data: { articleId: a.id, version: 1, authorId: userIdOf(actor), changed: ["created"], ...snapshot(data) } });
      return a;
    })
    .catch(uniqueSlugError);
}

const userIdOf = (a: Actor) => (a.kind === "user" ? a.userId : null);

export async function updateArticle(actor: Actor, input: ArticleFields & { id: number; version: number }) {
  enforce(canEditArticles(actor));
  const { id, version, ...f } = input;
  validate(f);
  const cur = await db().kbArticle.findUnique({ where: { id } });
  if (!cur) throw notFound("ARTICLE_NOT_FOUND");
  if (cur.version !== version) throw conflict("STALE_UPDATE");
  if (f.categoryId !== cur.categoryId) await assertCategory(f.categoryId);
  const slug = f.slug && f.slug !== cur.slug ? await freeSlug(f.slug, f, id) : cur.slug;
  const next = { ...f, slug };
  const changed = TRACKED.filter((k) => next[k] !== cur[k]);
  if (!changed.length && (f.sortOrder ?? cur.sortOrder) === cur.sortOrder) return { id, slug: cur.slug, version: cur.version };
  const data = { ...next, sortOrder: f.sortOrder ?? cur.sortOrder, ...derived(f), version: version + 1, publishedAt: cur.publishedAt ?? (f.isPublished ? new Date() : null) };
  return db()
    .$transaction(async (tx) => {
      const r = await tx.kbArticle.updateMany({ where: { id, version }, data });
      if (r.count === 0) throw conflict("STALE_UPDATE");
      await tx.kbRevision.create({ data: { articleId: id, version: version + 1, authorId: userIdOf(actor), changed: changed.length ? [...changed] : ["sortOrder"], ...snapshot(next) } });
      return { id, slug, version: version + 1 };
    })
    .catch(uniqueSlugError);
}

export async function deleteArticle(actor: Actor, id: number) {
  enforce(canEditArticles(actor));
  const r = await db().kbArticle.deleteMany({ where: { id } });
  if (r.count === 0) throw notFound("ARTICLE_NOT_FOUND");
  return { id };
}
