// KB categories: one level of sub-categories (a sub-category cannot have children, and a
// category with children cannot become one). Admins manage them, like ticket categories.
import { db } from "@/server/db/client";
import type { Actor } from "@/server/domain/actor";
import { badRequest, conflict, notFound } from "@/server/domain/errors";
import { canEditArticles, canEditCategories } from "@/server/domain/kb/access";
import { isValidSlug, nextFreeSlug, slugify } from "@/server/domain/kb/slug";
import { enforce } from "./kb-context";

export type CategoryFields = { parentId: number | null; slug?: string; nameRu: string; nameEn: string; descriptionRu: string; descriptionEn: string; sortOrder?: number };

/** Flat list for the editor's pickers (any staff member). */
export async function listKbCategories(actor: Actor) {
  enforce(canEditArticles(actor));
  return db().kbCategory.findMany({ orderBy: [{ sortOrder: "asc" }, { id: "asc" }], take: 500, include: { _count: { select: { articles: true, children: true } } } });
}

async function checkParent(parentId: number | null, selfId?: number) {
  if (parentId === null) return;
  if (parentId === selfId) throw badRequest("KB_CATEGORY_DEPTH");
  const p = await db().kbCategory.findUnique({ where: { id: parentId }, select: { parentId: true } });
  if (!p) throw badRequest("KB_CATEGORY_NOT_FOUND");
  if (p.parentId !== null) throw badRequest("KB_CATEGORY_DEPTH");
  if (selfId && (await db().kbCategory.count({ where: { parentId: selfId } })) > 0) throw badRequest("KB_CATEGORY_DEPTH");
}

async function slugFor(f: CategoryFields, selfId?: number) {
  if (f.slug) {
    if (!isValidSlug(f.slug)) throw badRequest("KB_SLUG_INVALID");
    const other = await db().kbCategory.findFirst({ where: { slug: f.slug, ...(selfId ? { id: { not: selfId } } : {}) } });
    if (other) throw conflict("KB_SLUG_TAKEN");
    return f.slug;
  }
  const base = slugify(f.nameEn.trim() || f.nameRu) || "category";
  const rows = await db().kbCategory.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } });
  return nextFreeSlug(base, new Set(rows.map((r) => r.slug)));
}

export async function createKbCategory(actor: Actor, f: CategoryFields) {
  enforce(canEditCategories(actor));
  if (!f.nameRu.trim() && !f.nameEn.trim()) throw badRequest("KB_NAME_REQUIRED");
  await checkParent(f.parentId);
  return db().kbCategory.create({ data: { ...f, slug: await slugFor(f), sortOrder: f.sortOrder ?? 0 } });
}

export async function updateKbCategory(actor: Actor, input: CategoryFields & { id: number }) {
  enforce(canEditCategories(actor));
  const { id, ...f } = input;
  if (!f.nameRu.trim() && !f.nameEn.trim()) throw badRequest("KB_NAME_REQUIRED");
  const cur = await db().kbCategory.findUnique({ where: { id } });
  if (!cur) throw notFound("CATEGORY_NOT_FOUND");
  await checkParent(f.parentId, id);
  const slug = f.slug && f.slug !== cur.slug ? await slugFor(f, id) : cur.slug;
  return db().kbCategory.update({ where: { id }, data: { ...f, slug, sortOrder: f.sortOrder ?? cur.sortOrder } });
}

export async function deleteKbCategory(actor: Actor, id: number) {
  enforce(canEditCategories(actor));
  const c = await db().kbCategory.findUnique({ where: { id }, include: { _count: { select: { articles: true, children: true } } } });
  if (!c) throw notFound("CATEGORY_NOT_FOUND");
  if (c._count.articles || c._count.children) throw conflict("KB_CATEGORY_NOT_EMPTY");
  await db().kbCategory.delete({ where: { id } });
  return { id };
}
