// Categories and statuses. Categories keep Patchesoft's tree as far as this helpdesk has one:
// top-level categories and one level of children (categories.parent_id). A deeper category is
// hung on its top-level ancestor (the summary counts it as fixed), so every category keeps its
// own tickets. "No tickets" (a parent the customer cannot pick) is kept only where it still
// means something here: a parent that has children. Statuses keep their "closed" flag; a
// status whose name matches an existing one here (e.g. the seeded "Закрыта") is linked, not
// duplicated.
import { inBatch, type ImportContext } from "./context";
import { reconcile, type Planned } from "./reconcile";
import { insertRows, nextIds, updateRow } from "./sql";
import { int, str, type Row } from "./source";
import { repairText } from "./mojibake";

type CategoryRow = { name: string; parentSource: string | null; noTickets: boolean };
type StatusRow = { name: string; color: string; isClosed: boolean };

/** The top-level ancestor of a source category and its depth (0 = top); a category in a parent cycle is top-level. */
function ancestry(r: Row, byId: Map<number, Row>): { top: Row; depth: number } {
  let p = r;
  let depth = 0;
  const seen = new Set<number>([int(r.ID)]);
  while (int(p.cat_parent) && byId.has(int(p.cat_parent))) {
    if (seen.has(int(p.cat_parent))) return { top: r, depth: 0 };
    p = byId.get(int(p.cat_parent))!;
    seen.add(int(p.ID));
    depth++;
  }
  return { top: p, depth };
}

export function planCategories(rows: Row[]): { planned: Planned<CategoryRow>[]; flattened: Array<{ name: string; top: string }> } {
  const byId = new Map(rows.map((r) => [int(r.ID), r]));
  const name = (r: Row) => repairText(str(r.name)).slice(0, 200) || `#${r.ID}`;
  const tree = rows.map((r) => ({ r, ...ancestry(r, byId) }));
  const parents = new Set(tree.filter((t) => t.depth > 0).map((t) => int(t.top.ID)));
  const planned = tree.map(({ r, top, depth }) => ({
    sourceId: String(r.ID),
    row: {
      name: name(r),
      parentSource: depth === 0 ? null : String(top.ID),
      // Patchesoft's flag is trusted only on a parent here (a leaf with it could take no ticket at all)
      noTickets: depth === 0 && parents.has(int(r.ID)) && int(r.no_tickets) === 1,
    },
  }));
  const flattened = tree.filter((t) => t.depth > 1).map((t) => ({ name: name(t.r), top: name(t.top) }));
  return { planned, flattened };
}

const categoryWriter = (ctx: ImportContext) => ({
  async insert(ps: Planned<CategoryRow>[]) {
    const ids = await nextIds(ctx.pg, "categories", ps.length);
    await insertRows(ctx.pg, "categories", ["id", "name_ru", "name_en", "parent_id", "no_tickets", "sort_order"],
      ps.map((p, i) => [ids[i], p.row.name, p.row.name, parentOf(ctx, p.row), p.row.noTickets, 100 + Number(p.sourceId)]));
    return ids.map(String);
  },
  update: (id: string, p: Planned<CategoryRow>) =>
    updateRow(ctx.pg, "categories", id, { name_ru: p.row.name, name_en: p.row.name, parent_id: parentOf(ctx, p.row), no_tickets: p.row.noTickets }),
});
const parentOf = (ctx: ImportContext, c: CategoryRow) => (c.parentSource === null ? null : ctx.categories.get(Number(c.parentSource))!);

export async function importCategories(ctx: ImportContext): Promise<void> {
  const { planned, flattened } = planCategories(await ctx.src.all("ticket_categories"));
  await inBatch(ctx, async () => {
    // parents first: a child's row needs its parent's id here
    for (const group of [planned.filter((p) => p.row.parentSource === null), planned.filter((p) => p.row.parentSource !== null)]) {
      for (const [sid, tid] of await reconcile(ctx, "category", group, categoryWriter(ctx))) ctx.categories.set(Number(sid), Number(tid));
    }
  });
  for (const f of flattened) {
    ctx.summary.fix("category", "sub-sub-category: hung on its top-level ancestor (one level of sub-categories here)");
    ctx.summary.note(`category "${f.name}" is now a sub-category of "${f.top}" (Patchesoft had it deeper)`);
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
