// The reader's side of the help centre: home (categories + popular), a category (sub-categories,
// articles, FAQ with answers) and one article in the visitor's language with fallback.
// Only what the actor may read is ever selected (visibleLevels, published unless staff).
import { db } from "@/server/db/client";
import type { Actor } from "@/server/domain/actor";
import { isStaff } from "@/server/domain/actor";
import { notFound } from "@/server/domain/errors";
import { canReadArticle, visibleLevels, type KbAccessSettings } from "@/server/domain/kb/access";
import { languagesOf, pickLanguage, pickName, type KbLang } from "@/server/domain/kb/language";
import { assertKbOpen, enforce } from "./kb-context";
import { renderArticle, excerpt } from "./render-article";

const bilingual = { titleRu: true, titleEn: true, bodyRu: true, bodyEn: true } as const;

function readableWhere(actor: Actor, s: KbAccessSettings) {
  return { visibility: { in: visibleLevels(actor, s) }, ...(isStaff(actor) ? {} : { isPublished: true }) };
}

type Cat = { id: number; slug: string; nameRu: string; nameEn: string; descriptionRu: string; descriptionEn: string };
const catView = (c: Cat, lang: KbLang) => ({
  id: c.id,
  slug: c.slug,
  name: pickName(c, lang),
  description: pickName({ nameRu: c.descriptionRu, nameEn: c.descriptionEn }, lang),
});

function listItem(a: { id: number; slug: string; kind: string; titleRu: string; titleEn: string; bodyRu: string; bodyEn: string; plainRu?: string; plainEn?: string }, lang: KbLang) {
  const p = pickLanguage(a, lang);
  const plain = p.lang === "ru" ? a.plainRu : a.plainEn;
  return { id: a.id, slug: a.slug, kind: a.kind as "ARTICLE" | "FAQ", title: p.title, lang: p.lang, excerpt: plain ? excerpt(plain, 140) : "" };
}

export async function kbHome(actor: Actor, lang: KbLang) {
  const s = await assertKbOpen(actor);
  const where = readableWhere(actor, s);
  const [cats, counts, popular] = await Promise.all([
    db().kbCategory.findMany({ orderBy: [{ sortOrder: "asc" }, { id: "asc" }], take: 500 }),
    db().kbArticle.groupBy({ by: ["categoryId"], where, _count: { _all: true } }),
    db().kbArticle.findMany({ where: { ...where, kind: "ARTICLE" }, orderBy: [{ viewCount: "desc" }, { id: "asc" }], take: 6, select: { id: true, slug: true, kind: true, ...bilingual, plainRu: true, plainEn: true } }),
  ]);
  const n = new Map(counts.map((c) => [c.categoryId, c._count._all]));
  const top = cats.filter((c) => c.parentId === null);
  const categories = top
    .map((c) => {
      const children = cats.filter((x) => x.parentId === c.id).map((x) => ({ ...catView(x, lang), count: n.get(x.id) ?? 0 }));
      return { ...catView(c, lang), count: (n.get(c.id) ?? 0) + children.reduce((a, x) => a + x.count, 0), children };
    })
    .filter((c) => c.count > 0 || isStaff(actor));
  return { categories, popular: popular.map((a) => listItem(a, lang)) };
}

export async function kbCategory(actor: Actor, slug: string, lang: KbLang) {
  const s = await assertKbOpen(actor);
  const c = await db().kbCategory.findUnique({ where: { slug }, include: { parent: true, children: { orderBy: [{ sortOrder: "asc" }, { id: "asc" }] } } });
  if (!c) throw notFound("CATEGORY_NOT_FOUND");
  const where = readableWhere(actor, s);
  const items = await db().kbArticle.findMany({
    where: { ...where, categoryId: c.id },
    orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
    take: 500,
    select: { id: true, slug: true, kind: true, ...bilingual, plainRu: true, plainEn: true, isPublished: true, visibility: true },
  });
  const counts = await db().kbArticle.groupBy({ by: ["categoryId"], where: { ...where, categoryId: { in: c.children.map((x) => x.id) } }, _count: { _all: true } });
  const n = new Map(counts.map((x) => [x.categoryId, x._count._all]));
  const articles = items.filter((a) => a.kind === "ARTICLE").map((a) => ({ ...listItem(a, lang), isPublished: a.isPublished, visibility: a.visibility }));
  const faq = items.filter((a) => a.kind === "FAQ").map((a) => {
    const p = pickLanguage(a, lang);
    return { id: a.id, slug: a.slug, question: p.title, answerHtml: renderArticle(p.body), lang: p.lang };
  });
  return {
    ...catView(c, lang),
    parent: c.parent ? catView(c.parent, lang) : null,
    children: c.children.map((x) => ({ ...catView(x, lang), count: n.get(x.id) ?? 0 })),
    articles,
    faq,
  };
}

export async function kbArticle(actor: Actor, slug: string, lang: KbLang) {
  const s = await assertKbOpen(actor);
  const a = await db().kbArticle.findUnique({ where: { slug }, include: { category: { include: { parent: true } } } });
  if (!a) throw notFound("ARTICLE_NOT_FOUND");
  enforce(canReadArticle(actor, a, s));
  const p = pickLanguage(a, lang);
  const [votes, related] = await Promise.all([
    db().kbVote.groupBy({ by: ["helpful"], where: { articleId: a.id }, _count: { _all: true } }),
    db().kbArticle.findMany({
      where: { ...readableWhere(actor, s), categoryId: a.categoryId, id: { not: a.id }, kind: "ARTICLE" },
      orderBy: [{ viewCount: "desc" }, { id: "asc" }],
      take: 5,
      select: { id: true, slug: true, kind: true, ...bilingual },
    }),
  ]);
  const count = (h: boolean) => votes.find((v) => v.helpful === h)?._count._all ?? 0;
  return {
    id: a.id,
    slug: a.slug,
    kind: a.kind,
    visibility: a.visibility,
    isPublished: a.isPublished,
    lang: p.lang,
    fallback: p.fallback,
    title: p.title,
    html: renderArticle(p.body),
    description: excerpt(p.lang === "ru" ? a.plainRu : a.plainEn),
    languages: languagesOf(a),
    updatedAt: a.updatedAt,
    viewCount: a.viewCount,
    votes: { yes: count(true), no: count(false) },
    category: { ...catView(a.category, lang), parent: a.category.parent ? catView(a.category.parent, lang) : null },
    related: related.map((r) => listItem(r, lang)),
  };
}

/** Everything a search engine may index: public, published articles (none while login is required). */
export async function kbSitemap() {
  const s = await assertKbOpen({ kind: "anonymous" }).catch(() => null);
  if (!s) return { articles: [], categories: [] };
  const [articles, categories] = await Promise.all([
    db().kbArticle.findMany({ where: { isPublished: true, visibility: "PUBLIC" }, select: { slug: true, updatedAt: true, titleRu: true, titleEn: true }, orderBy: { id: "asc" }, take: 50_000 }),
    db().kbCategory.findMany({ select: { slug: true, createdAt: true }, orderBy: { id: "asc" } }),
  ]);
  return { articles: articles.map((a) => ({ slug: a.slug, updatedAt: a.updatedAt, languages: languagesOf({ ...a, bodyRu: "", bodyEn: "" }) })), categories };
}
