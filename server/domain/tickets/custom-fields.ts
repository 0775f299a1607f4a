// Custom ticket fields (issue 15.3): which definitions apply to a ticket, who sees and edits
// them, and ONE zod schema built from the definitions that validates the values — web form,
// API and CLI all go through `customFieldsSchema`, so a value the server stores always has the
// type its definition says. Values are kept as { "<field id>": value } (tickets.custom_fields).
import { z } from "zod";

export const FIELD_TYPES = ["text", "textarea", "number", "date", "checkbox", "select", "multiselect"] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export type FieldOption = { value: string; ru: string; en: string };
export type FieldDef = {
  id: number;
  type: FieldType;
  categoryId: number | null;
  required: boolean;
  hiddenFromCustomer: boolean;
  customerEditable: boolean;
  options: FieldOption[];
};
export type FieldValue = string | number | boolean | string[];
export type FieldValues = Record<string, FieldValue>;

export const TEXT_MAX = 500;
export const TEXTAREA_MAX = 10_000;

/** Definitions that apply to a ticket in `categoryId` (its own, its parent's, and the global ones). */
export function fieldsForCategory<T extends Pick<FieldDef, "categoryId">>(defs: T[], categoryId: number, parentId: number | null): T[] {
  return defs.filter((d) => d.categoryId === null || d.categoryId === categoryId || (parentId !== null && d.categoryId === parentId));
}

/** What an actor may do with a field: staff everything; customers per the field's flags. */
export function fieldAccess(d: Pick<FieldDef, "hiddenFromCustomer" | "customerEditable">, staff: boolean): { see: boolean; edit: boolean } {
  if (staff) return { see: true, edit: true };
  const see = !d.hiddenFromCustomer;
  return { see, edit: see && d.customerEditable };
}

function valueSchema(d: FieldDef): z.ZodType<FieldValue> {
  const values = d.options.map((o) => o.value);
  switch (d.type) {
    case "text": return z.string().trim().max(TEXT_MAX, "TOO_LONG");
    case "textarea": return z.string().trim().max(TEXTAREA_MAX, "TOO_LONG");
    case "number": return z.number({ error: "FIELD_NUMBER" }).finite("FIELD_NUMBER").min(-1e12, "FIELD_NUMBER").max(1e12, "FIELD_NUMBER");
    case "date": return z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "FIELD_DATE").refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), "FIELD_DATE");
    case "checkbox": return z.boolean({ error: "INVALID_INPUT" });
    case "select": return z.string().refine((v) => values.includes(v), "FIELD_OPTION");
    case "multiselect": return z.array(z.string().refine((v) => values.includes(v), "FIELD_OPTION")).max(200, "FIELD_OPTION").transform((a) => [...new Set(a)]);
  }
}

/** An empty answer: "", null, [] — or `false` for a checkbox, which then counts as "not ticked". */
export function isEmptyValue(v: unknown): boolean {
  return v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0);
}

/**
 * The schema of the values the actor may write for these definitions. `partial`: an edit that
 * sends only some fields (required ones are not demanded again). Unknown or read-only keys are
 * refused (FIELD_NOT_EDITABLE) rather than dropped, so nothing is lost silently. Empty values
 * become `null` (= remove the value).
 */
export function customFieldsSchema(defs: FieldDef[], opts: { staff: boolean; partial: boolean }) {
  const byId = new Map(defs.map((d) => [String(d.id), d]));
  return z
    .record(z.string().regex(/^\d{1,9}$/), z.unknown())
    .superRefine((input, ctx) => {
      for (const key of Object.keys(input)) {
        const d = byId.get(key);
        if (!d || !fieldAccess(d, opts.staff).edit) ctx.addIssue({ code: "custom", path: [key], message: "FIELD_NOT_EDITABLE" });
      }
      if (opts.partial) return;
      for (const d of defs) {
        if (d.required && fieldAccess(d, opts.staff).edit && isEmptyValue(input[String(d.id)])) ctx.addIssue({ code: "custom", path: [String(d.id)], message: "REQUIRED" });
      }
    })
    .transform((input, ctx) => {
      const out: Record<string, FieldValue | null> = {};
      for (const [key, raw] of Object.entries(input)) {
        const d = byId.get(key)!;
        if (isEmptyValue(raw)) { out[key] = null; continue; }
        const r = valueSchema(d).safeParse(raw);
        if (r.success) out[key] = r.data;
        else for (const i of r.error.issues) ctx.addIssue({ code: "custom", path: [key, ...i.path.map(String)], message: i.message });
      }
      return out;
    });
}

/** Applies validated changes (null = remove) to the stored values; returns the new values and what changed. */
export function mergeFieldValues(current: FieldValues, changes: Record<string, FieldValue | null>) {
  const next: FieldValues = { ...current };
  const changed: Array<{ field: string; from: FieldValue | null; to: FieldValue | null }> = [];
  for (const [k, v] of Object.entries(changes)) {
    const from = current[k] ?? null;
    if (JSON.stringify(from) === JSON.stringify(v)) continue;
    if (v === null) delete next[k];
    else next[k] = v;
    changed.push({ field: k, from, to: v });
  }
  return { next, changed };
}

/** The values a customer may see (hidden fields removed). */
export function visibleValues(values: FieldValues, defs: FieldDef[], staff: boolean): FieldValues {
  if (staff) return values;
  const seen = new Set(defs.filter((d) => fieldAccess(d, false).see).map((d) => String(d.id)));
  return Object.fromEntries(Object.entries(values).filter(([k]) => seen.has(k)));
}

/** The JSON a queue filter matches with `custom_fields @> …` (multi select: contains the option). */
export function fieldFilterJson(d: Pick<FieldDef, "id" | "type">, raw: string): string | null {
  const key = String(d.id);
  switch (d.type) {
    case "number": return Number.isFinite(Number(raw)) && raw.trim() !== "" ? JSON.stringify({ [key]: Number(raw) }) : null;
    case "checkbox": return JSON.stringify({ [key]: raw === "true" });
    case "multiselect": return JSON.stringify({ [key]: [raw] });
    default: return JSON.stringify({ [key]: raw });
  }
}

/** A value as one line of text (CSV export, history), with option labels in `locale`. */
export function formatFieldValue(d: Pick<FieldDef, "type" | "options">, v: FieldValue | null | undefined, locale: "ru" | "en"): string {
  if (v === null || v === undefined) return "";
  const label = (x: string) => d.options.find((o) => o.value === x)?.[locale] || x;
  if (Array.isArray(v)) return v.map(label).join(", ");
  if (d.type === "select") return label(String(v));
  if (typeof v === "boolean") return v ? (locale === "ru" ? "да" : "yes") : locale === "ru" ? "нет" : "no";
  return String(v);
}
