// Categories and statuses. This helpdesk has one level of ticket categories: a Patchesoft
// sub-category is mapped onto its parent (its tickets land there; the summary says so and the
// import map keeps the sub-category's name). Statuses keep their "closed" flag; a status whose
// name matches an existing one here (e.g. the seeded "Закрыта") is linked, not duplicated.
import { inBatch, type ImportContext } from "./context";
import { reconcile, type Planned } from "./reconcile";
import { insertRows, nextIds, updateRow } from "./sql";
import { int, str } from "./source";
import { repairText } from "./mojibake";

type CategoryRow = { name: string };
type StatusRow = { name: string; color: string; isClosed: boolean };

export async function importCategories(ctx: ImportContext): Promise<void> {
  const rows = await ctx.src.all("ticket_categories");
  const byId = new Map(rows.map((r) => [int(r.ID), r]));
  const top = rows.filter((r) => int(r.cat_parent) === 0 || !byId.has(int(r.cat_parent)));
  const planned: Planned<CategoryRow>[] = top.map((r) => ({ sourceId: String(r.ID), row: { name: repairText(str(r.name)).slice(0, 200) || `#${r.ID}` } }));
  const ids = await inBatch(ctx, () =>
    reconcile(ctx, "category", planned, {
      async insert(ps) {
        const ids = await nextIds(ctx.pg, "categories", ps.length);
        await insertRows(ctx.pg, "categories", ["id", "name_ru", "name_en", "sort_order"], ps.map((p, i) => [ids[i], p.row.name, p.row.name, 100 + i]));
        return ids.map(String);
      },
      update: (id, p) => updateRow(ctx.pg, "categories", id, { name_ru: p.row.name, name_en: p.row.name }),
    }),
  );
  for (const [sid, tid] of ids) ctx.categories.set(Number(sid), Number(tid));
  for (const r of rows) {
    if (top.includes(r)) continue;
    // walk up to the top-level ancestor (Patchesoft allows deeper trees than it shows)
    let p = r;
    for (let hops = 0; hops < 10 && int(p.cat_parent) && byId.has(int(p.cat_parent)) && !top.includes(p); hops++) p = byId.get(int(p.cat_parent))!;
    const target = ctx.categories.get(int(p.ID));
    if (target) ctx.categories.set(int(r.ID), target);
    ctx.summary.fix("category", "sub-category: its tickets go to the parent category");
    ctx.summary.note(`sub-category "${repairText(str(r.name))}" was merged into "${repairText(str(p.name))}" (one level of categories here)`);
  }
}

export async function importStatuses(ctx: ImportContext): Promise<void> {
  const rows = await ctx.src.all("custom_statuses");
  const existing = await ctx.pg.query<{ id: number; name_ru: string; name_en: string; is_closed: boolean }>("SELECT id, name_ru, name_en, is_closed FROM statuses");
  const planned: Planned<StatusRow>[] = rows.map((r) => ({
    sourceId: String(r.ID),
    row: { name: repairText(str(r.name)).slice(0, 100) || `#${r.ID}`, color: /^[0-9a-f]{6}$/i.test(str(r.color)) ? `#${str(r.color).toLowerCase()}` : "#64748b", isClosed: int(r.close) === 1 },
  }));
  const ids = await inBatch(ctx, () =>
    reconcile(ctx, "status", planned, {
      async insert(ps) {
        const out: string[] = [];
        for (const p of ps) {
          const same = existing.rows.find((s) => s.is_closed === p.row.isClosed && [s.name_ru, s.name_en].some((n) => n.toLowerCase() === p.row.name.toLowerCase()));
          if (same) {
            out.push(String(same.id));
            continue;
          }
          const [id] = await nextIds(ctx.pg, "statuses", 1);
          await insertRows(ctx.pg, "statuses", ["id", "name_ru", "name_en", "color", "is_closed", "sort_order"], [[id, p.row.name, p.row.name, p.row.color, p.row.isClosed, 100 + Number(p.sourceId)]]);
          out.push(String(id));
        }
        return out;
      },
      update: (id, p) => updateRow(ctx.pg, "statuses", id, { name_ru: p.row.name, name_en: p.row.name, color: p.row.color, is_closed: p.row.isClosed }),
    }),
  );
  for (const [sid, tid] of ids) ctx.statuses.set(Number(sid), Number(tid));
  for (const p of planned) if (p.row.isClosed) ctx.closedStatuses.add(Number(ids.get(p.sourceId)));
}
