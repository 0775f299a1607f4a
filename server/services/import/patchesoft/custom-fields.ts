// Custom ticket fields: Patchesoft's ticket_custom_fields (+ ticket_custom_field_cats) become
// definitions here, its ticket_user_custom_fields values land in tickets.custom_fields, checked
// by the same domain schema as the web form (customFieldsSchema). Patchesoft's types (its views,
// ajax_custom_fields.php): 0 text, 1 textarea (HTML), 2 checkboxes (the ticked labels joined by
// ", "), 3 radio and 4 select (the chosen label), 5 Envato licence code (text). A value that
// does not fit is never dropped silently: it goes into the ticket's history as text and the
// summary counts it with the reason (tickets.ts writes the history line).
import { customFieldsSchema, type FieldDef, type FieldOption, type FieldType, type FieldValue, type FieldValues } from "@/server/domain/tickets/custom-fields";
import { inBatch, type ImportContext, type ImportedField } from "./context";
import { reconcile, type Planned } from "./reconcile";
import { insertRows, nextIds, updateRow } from "./sql";
import { int, str, type Row } from "./source";
import { repairText } from "./mojibake";
import { htmlContent } from "./content";

type FieldRow = Omit<FieldDef, "id" | "categoryId"> & { name: string; help: string; categorySource: number | null };

/** Patchesoft field type → the closest type here (a checkbox group of one box is a plain checkbox). */
export function mapFieldType(type: number, options: string[]): FieldType | null {
  switch (type) {
    case 0: case 5: return "text";
    case 1: return "textarea";
    case 2: return options.length === 1 ? "checkbox" : "multiselect";
    case 3: case 4: return "select";
    default: return null;
  }
}

export function parseOptions(raw: string): FieldOption[] {
  const labels = [...new Set(repairText(raw).split(",").map((o) => o.trim()).filter(Boolean))];
  return labels.slice(0, 100).map((l) => ({ value: l.slice(0, 100), ru: l.slice(0, 200), en: l.slice(0, 200) }));
}

/** The one category a field is for: all_cats or several categories in different trees → every category. */
function categoryOf(ctx: ImportContext, r: Row, cats: Row[], top: (catId: number) => number | null): number | null {
  if (int(r.all_cats)) return null;
  const mine = [...new Set(cats.filter((c) => int(c.fieldid) === int(r.ID)).map((c) => int(c.catid)).filter((c) => ctx.categories.has(c)))];
  if (mine.length === 1) return mine[0]!;
  const tops = new Set(mine.map(top));
  if (mine.length > 1 && tops.size === 1 && [...tops][0] !== null) return [...tops][0]!;
  ctx.summary.fix("custom field", mine.length ? "linked to categories of different parents: applies to every category" : "linked to no category: applies to every category");
  return null;
}

function planField(ctx: ImportContext, r: Row, cats: Row[], top: (catId: number) => number | null): Planned<FieldRow> {
  const options = parseOptions(str(r.options));
  let type = mapFieldType(int(r.type), options.map((o) => o.value));
  if (!type || ((type === "select" || type === "multiselect") && !options.length)) {
    ctx.summary.fix("custom field", type ? "choice without options: a text field" : `unknown type ${int(r.type)}: a text field`);
    type = "text";
  }
  const hidden = int(r.hide_clientside) === 1;
  return {
    sourceId: String(r.ID),
    row: {
      name: repairText(str(r.name)).trim().slice(0, 100) || `#${r.ID}`, help: htmlContent(r.help_text).text.slice(0, 500), type,
      options: type === "select" || type === "multiselect" ? options : [], required: int(r.required) === 1,
      hiddenFromCustomer: hidden, customerEditable: !hidden, categorySource: categoryOf(ctx, r, cats, top),
    },
  };
}

const fieldWriter = (ctx: ImportContext) => {
  const cols = (f: FieldRow) => ({
    type: f.type, name_ru: f.name, name_en: f.name, help_ru: f.help, help_en: f.help, category_id: f.categorySource === null ? null : ctx.categories.get(f.categorySource)!,
    required: f.required, hidden_from_customer: f.hiddenFromCustomer, customer_editable: f.customerEditable, options: JSON.stringify(f.options),
  });
  return {
    async insert(ps: Planned<FieldRow>[]) {
      const ids = await nextIds(ctx.pg, "custom_fields", ps.length);
      const rows = ps.map((p, i) => ({ id: ids[i], ...cols(p.row), sort_order: 100 + Number(p.sourceId) }));
      await insertRows(ctx.pg, "custom_fields", Object.keys(rows[0]!), rows.map((r) => Object.values(r)));
      return ids.map(String);
    },
    update: (id: string, p: Planned<FieldRow>) => updateRow(ctx.pg, "custom_fields", id, cols(p.row)),
  };
};

export async function importCustomFields(ctx: ImportContext): Promise<void> {
  const cats = await ctx.src.all("ticket_custom_field_cats");
  const parent = new Map((await ctx.pg.query<{ id: number; parent_id: number | null }>("SELECT id, parent_id FROM categories")).rows.map((c) => [c.id, c.parent_id]));
  // top-level category here of a source category (a dry run has no rows here: its own id)
  const top = (catId: number) => {
    const id = ctx.categories.get(catId);
    return id === undefined ? null : (parent.get(id) ?? id);
  };
  const planned = (await ctx.src.all("ticket_custom_fields")).map((r) => planField(ctx, r, cats, top));
  const ids = await inBatch(ctx, () => reconcile(ctx, "custom field", planned, fieldWriter(ctx)));
  for (const p of planned) {
    const f = p.row;
    ctx.fields.set(Number(p.sourceId), {
      id: Number(ids.get(p.sourceId)), name: f.name, type: f.type, options: f.options, required: f.required, hiddenFromCustomer: f.hiddenFromCustomer,
      customerEditable: f.customerEditable, categoryId: f.categorySource === null ? null : (ctx.categories.get(f.categorySource) ?? null),
    });
  }
}

export type RejectedValue = { sourceId: string; ticketId: number; message: string };

// one schema per field for the whole run, checked under a stand-in id: a dry run's ids are negative, which no stored key may be
const schemas = new WeakMap<ImportedField, ReturnType<typeof customFieldsSchema>>();
function schemaOf(f: ImportedField) {
  let s = schemas.get(f);
  if (!s) schemas.set(f, (s = customFieldsSchema([{ ...f, id: 1 }], { staff: true, partial: true })));
  return s;
}

/** One source value → the value here for its type (still to be validated), or null for "no answer". */
function convert(f: ImportedField, raw: string): unknown {
  const text = f.type === "textarea" || f.type === "text" ? htmlContent(raw).text : repairText(raw).trim();
  if (text === "") return null;
  if (f.type === "checkbox") return true;
  if (f.type === "multiselect") return text.split(",").map((s) => s.trim()).filter(Boolean);
  return text;
}

/**
 * A ticket's source values → the values it stores here, validated by the domain schema (staff
 * rights, partial: old tickets need not have every field Patchesoft later made required), and
 * the ones that did not fit, each with a history line that keeps the text.
 */
export function ticketFieldValues(ctx: ImportContext, ticketId: number, values: Row[]): { values: FieldValues; rejected: RejectedValue[] } {
  const out: FieldValues = {};
  const rejected: RejectedValue[] = [];
  const reject = (v: Row, name: string, text: string, reason: string) => {
    ctx.summary.skip("field value", `${reason}: kept as text in the ticket's history`);
    rejected.push({ sourceId: String(v.ID), ticketId, message: `Поле «${name}» из Patchesoft не сохранено (${reason}): ${text}`.slice(0, 2000) });
  };
  for (const v of values) {
    const f = ctx.fields.get(int(v.fieldid));
    const raw = str(v.value);
    if (!f) {
      if (raw.trim()) reject(v, `#${v.fieldid}`, repairText(raw), "its field is gone");
      continue;
    }
    const value = convert(f, raw);
    if (value === null) continue;
    const r = schemaOf(f).safeParse({ "1": value });
    const ok = r.success ? (r.data["1"] as FieldValue | null) : null;
    if (ok !== null) out[String(f.id)] = ok;
    else reject(v, f.name, htmlContent(raw).text, r.success ? "empty" : `invalid value, ${r.error.issues[0]!.message}`);
  }
  return { values: out, rejected };
}
