// kb.*: the knowledge base. Reading, search, votes, views and new-ticket suggestions are public
// procedures whose services ask server/domain/kb/access.ts (visibility × require login × actor);
// writing is for staff, categories for admins. Transport only: parse, pick the actor, call.
import { z } from "zod";
import { createTRPCRouter, publicProcedure, staffProcedure, adminProcedure } from "../trpc";
import { kbHome, kbCategory, kbArticle, kbSitemap } from "@/server/services/kb/read-kb";
import { searchKb } from "@/server/services/kb/search-kb";
import { createArticle, updateArticle, deleteArticle } from "@/server/services/kb/write-article";
import { listArticlesForStaff, getArticleForStaff, listRevisions, previewArticle } from "@/server/services/kb/staff-kb";
import { listKbCategories, createKbCategory, updateKbCategory, deleteKbCategory } from "@/server/services/kb/categories";
import { voteArticle, recordView, suggestionOpened, suggestionsSubmitted } from "@/server/services/kb/feedback";
import { kbReport } from "@/server/services/kb/kb-report";
import { uploadKbImage, KB_IMAGE_MAX_BYTES } from "@/server/services/kb/images";

const id = z.number().int().positive();
const lang = z.enum(["ru", "en"]);
const slug = z.string().trim().min(1).max(100);
/** a random id the browser keeps (visitor) or makes per new-ticket form (session) */
const token = z.string().regex(/^[A-Za-z0-9-]{16,64}$/, "INVALID_INPUT");
const title = z.string().trim().max(200, "TOO_LONG");
const body = z.string().max(100_000, "TOO_LONG");

const articleFields = {
  categoryId: id,
  slug: z.string().trim().max(100, "TOO_LONG").optional(),
  kind: z.enum(["ARTICLE", "FAQ"]),
  visibility: z.enum(["PUBLIC", "CUSTOMERS", "STAFF"]),
  isPublished: z.boolean(),
  titleRu: title,
  bodyRu: body,
  titleEn: title,
  bodyEn: body,
  sortOrder: z.number().int().min(-10_000).max(10_000).optional(),
};
const categoryFields = {
  parentId: id.nullable(),
  slug: z.string().trim().max(100, "TOO_LONG").optional(),
  nameRu: z.string().trim().max(120, "TOO_LONG"),
  nameEn: z.string().trim().max(120, "TOO_LONG"),
  descriptionRu: z.string().trim().max(500, "TOO_LONG").default(""),
  descriptionEn: z.string().trim().max(500, "TOO_LONG").default(""),
  sortOrder: z.number().int().min(-10_000).max(10_000).optional(),
};
const base64Max = Math.ceil(KB_IMAGE_MAX_BYTES / 3) * 4;

export const kbRouter = createTRPCRouter({
  // readers (portal and staff alike)
  /** /sitemap.xml: public, published pages only (empty while "require login" is on) */
  sitemap: publicProcedure.query(() => kbSitemap()),
  home: publicProcedure.input(z.object({ lang })).query(({ ctx, input }) => kbHome(ctx.actor, input.lang)),
  category: publicProcedure.input(z.object({ slug, lang })).query(({ ctx, input }) => kbCategory(ctx.actor, input.slug, input.lang)),
  article: publicProcedure.input(z.object({ slug, lang })).query(({ ctx, input }) => kbArticle(ctx.actor, input.slug, input.lang)),
  search: publicProcedure
    .input(z.object({ q: z.string().max(200, "TOO_LONG"), lang, limit: z.number().int().min(1).max(50).optional(), includeDrafts: z.boolean().optional() }))
    .query(({ ctx, input }) => searchKb(ctx.actor, input)),
  vote: publicProcedure.input(z.object({ articleId: id, helpful: z.boolean(), visitorId: token.optional() })).mutation(({ ctx, input }) => voteArticle(ctx.actor, input)),
  recordView: publicProcedure.input(z.object({ articleId: id })).mutation(({ ctx, input }) => recordView(ctx.actor, input.articleId)),
  suggestionOpened: publicProcedure.input(z.object({ session: token, articleId: id })).mutation(({ ctx, input }) => suggestionOpened(ctx.actor, input)),
  suggestionsSubmitted: publicProcedure.input(z.object({ session: token })).mutation(({ ctx, input }) => suggestionsSubmitted(ctx.actor, input)),
  // staff
  list: staffProcedure.input(z.object({ categoryId: id.optional(), q: z.string().max(200).optional() })).query(({ ctx, input }) => listArticlesForStaff(ctx.actor, input)),
  get: staffProcedure.input(z.object({ id })).query(({ ctx, input }) => getArticleForStaff(ctx.actor, input.id)),
  revisions: staffProcedure.input(z.object({ articleId: id })).query(({ ctx, input }) => listRevisions(ctx.actor, input.articleId)),
  preview: staffProcedure.input(z.object({ body })).mutation(({ ctx, input }) => previewArticle(ctx.actor, input.body)),
  create: staffProcedure.input(z.object(articleFields)).mutation(({ ctx, input }) => createArticle(ctx.actor, input)),
  update: staffProcedure.input(z.object({ id, version: z.number().int().min(1), ...articleFields })).mutation(({ ctx, input }) => updateArticle(ctx.actor, input)),
  delete: staffProcedure.input(z.object({ id })).mutation(({ ctx, input }) => deleteArticle(ctx.actor, input.id)),
  uploadImage: staffProcedure
    .input(z.object({ fileName: z.string().trim().min(1).max(255), contentBase64: z.string().max(base64Max, "FILE_TOO_LARGE") }))
    .mutation(({ ctx, input }) => uploadKbImage(ctx.actor, { fileName: input.fileName, data: Buffer.from(input.contentBase64, "base64") })),
  report: staffProcedure.input(z.object({ from: z.date(), to: z.date(), lang: lang.default("ru") })).query(({ ctx, input }) => kbReport(ctx.actor, input, input.lang)),
  categories: staffProcedure.query(({ ctx }) => listKbCategories(ctx.actor)),
  createCategory: adminProcedure.input(z.object(categoryFields)).mutation(({ ctx, input }) => createKbCategory(ctx.actor, input)),
  updateCategory: adminProcedure.input(z.object({ id, ...categoryFields })).mutation(({ ctx, input }) => updateKbCategory(ctx.actor, input)),
  deleteCategory: adminProcedure.input(z.object({ id })).mutation(({ ctx, input }) => deleteKbCategory(ctx.actor, input.id)),
});
