// Knowledge base and FAQ into the help centre (server/services/kb): Patchesoft's knowledge
// categories (one level of children, like here) and articles, and its FAQ categories and
// questions (kind FAQ). Bodies are sanitized HTML turned into Markdown with their formatting
// (content.ts, turndown); every imported article is public and published, as it was there.
import { searchKey } from "@/server/domain/kb/slug";
import { plainText } from "@/server/services/kb/render-article";
import { inBatch, type ImportContext } from "./context";
import { reconcile, type Planned } from "./reconcile";
import { insertRows, nextIds, unixDate, updateRow } from "./sql";
import { int, str, type Row } from "./source";
import { repairText } from "./mojibake";
import { htmlContent, htmlMarkdown } from "./content";

type Cat = { slug: string; name: string; description: string; parentSource: string | null };
type Article = { slug: string; categorySource: string; kind: "ARTICLE" | "FAQ"; title: string; body: string; createdAt: Date | null };

const catWriter = (ctx: ImportContext, ids: Map<string, string>) => ({
  async insert(ps: Planned<Cat>[]) {
    const out = await nextIds(ctx.pg, "kb_categories", ps.length);
    await insertRows(ctx.pg, "kb_categories", ["id", "parent_id", "slug", "name_ru", "description_ru", "sort_order"],
      ps.map((p, i) => [out[i], p.row.parentSource ? Number(ids.get(p.row.parentSource)) : null, p.row.slug, p.row.name, p.row.description, i]));
    return out.map(String);
  },
  update: (id: string, p: Planned<Cat>) => updateRow(ctx.pg, "kb_categories", id, { name_ru: p.row.name, description_ru: p.row.description }),
});

function planCats(kb: Row[], faq: Row[]): Planned<Cat>[] {
  const top = new Set(kb.filter((r) => int(r.parent_category) === 0).map((r) => int(r.ID)));
  const cat = (prefix: string, r: Row, parent: string | null): Planned<Cat> => ({
    sourceId: `${prefix}${r.ID}`,
    row: { slug: `${prefix}${r.ID}`, name: repairText(str(r.name)).slice(0, 200) || `#${r.ID}`, description: htmlContent(r.description).text, parentSource: parent },
  });
  // parents first; a grandchild hangs on the top level (one level of children here)
  const roots = kb.filter((r) => top.has(int(r.ID)) || !kb.some((p) => int(p.ID) === int(r.parent_category))).map((r) => cat("kb-", r, null));
  const children = kb.filter((r) => !roots.some((p) => p.sourceId === `kb-${r.ID}`)).map((r) => cat("kb-", r, top.has(int(r.parent_category)) ? `kb-${r.parent_category}` : null));
  return [...roots, ...children.filter((c) => c.row.parentSource === null), ...children.filter((c) => c.row.parentSource !== null), ...faq.map((r) => cat("faq-", r, null))];
}

export async function importKnowledgeBase(ctx: ImportContext): Promise<void> {
  const cats = planCats(await ctx.src.all("knowledge_categories"), await ctx.src.all("faq_categories"));
  const catIds = new Map<string, string>();
  await inBatch(ctx, async () => {
    for (const group of [cats.filter((c) => !c.row.parentSource), cats.filter((c) => c.row.parentSource)]) {
      for (const [s, t] of await reconcile(ctx, "kb-category", group, catWriter(ctx, catIds))) catIds.set(s, t);
    }
  });
  const articles: Planned<Article>[] = [];
  for (const r of await ctx.src.all("knowledge_articles")) {
    articles.push({ sourceId: `kb-${r.ID}`, row: { slug: `kb-article-${r.ID}`, categorySource: `kb-${r.catid}`, kind: "ARTICLE", title: repairText(str(r.title)), body: htmlMarkdown(r.body), createdAt: unixDate(int(r.timestamp)) } });
  }
  for (const r of await ctx.src.all("faq")) {
    articles.push({ sourceId: `faq-${r.ID}`, row: { slug: `faq-${r.ID}`, categorySource: `faq-${r.catid}`, kind: "FAQ", title: repairText(str(r.question)), body: htmlMarkdown(r.answer), createdAt: null } });
  }
  const usable = articles.filter((a) => {
    if (catIds.has(a.row.categorySource) && a.row.title.trim()) return true;
    ctx.summary.skip("kb-article", a.row.title.trim() ? "orphaned: its category is gone" : "no title");
    return false;
  });
  await inBatch(ctx, () => reconcile(ctx, "kb-article", usable, articleWriter(ctx, catIds)));
}

const articleWriter = (ctx: ImportContext, catIds: Map<string, string>) => {
  const fields = (a: Article) => ({ category_id: Number(catIds.get(a.categorySource)), title_ru: a.title.slice(0, 300), body_ru: a.body, plain_ru: plainText(a.body), search_key: searchKey(a.title) });
  return {
    async insert(ps: Planned<Article>[]) {
      const ids = await nextIds(ctx.pg, "kb_articles", ps.length);
      const now = new Date();
      await insertRows(ctx.pg, "kb_articles", ["id", "slug", "kind", "visibility", "is_published", "published_at", "created_at", "updated_at", "category_id", "title_ru", "body_ru", "plain_ru", "search_key"],
        ps.map((p, i) => [ids[i], p.row.slug, p.row.kind, "PUBLIC", true, p.row.createdAt ?? now, p.row.createdAt ?? now, now, ...Object.values(fields(p.row))]));
      return ids.map(String);
    },
    update: (id: string, p: Planned<Article>) => updateRow(ctx.pg, "kb_articles", id, { ...fields(p.row), updated_at: new Date() }),
  };
};
