"use client";
// Inputs for the custom fields of one category (issue 15.3) — the portal's new-ticket and edit
// forms and the staff ticket view. Which fields show and who may edit them come from the pure
// rules (fieldsForCategory, fieldAccess); the server validates again with the same schema.
import { useLocale, useTranslations } from "next-intl";
import { Input } from "@/app/_components/ui/input";
import { Textarea } from "@/app/_components/ui/textarea";
import { Select } from "@/app/_components/ui/select";
import { Checkbox } from "@/app/_components/ui/checkbox";
import { Field } from "@/app/_components/ui/field";
import { fieldAccess, fieldsForCategory, isEmptyValue, TEXT_MAX, TEXTAREA_MAX, type FieldDef, type FieldValue } from "@/server/domain/tickets/custom-fields";
import { localName } from "./status-badge";

export type FieldDefDto = FieldDef & { name: { ru: string; en: string }; help: { ru: string; en: string } };
export type FieldDraft = Record<string, FieldValue | null>;

/** The field errors of a failed call (INVALID_CUSTOM_FIELDS details), by field id. */
export function fieldErrorsOf(e: unknown): Record<string, string> {
  return ((e as { data?: { details?: { fields?: Record<string, string> } | null } })?.data?.details?.fields) ?? {};
}

/** The definitions of a category chosen in a picker: its own, its parent's, the global ones. */
export function defsForPicked<T extends FieldDefDto>(defs: T[], categories: Array<{ id: number; parentId: number | null }>, categoryId: number): T[] {
  const c = categories.find((x) => x.id === categoryId);
  return c ? fieldsForCategory(defs, c.id, c.parentId) : [];
}

/** What a category move sends: the values of the fields the actor may edit (the server checks the required ones again). */
export function editableDraft(defs: FieldDefDto[], values: FieldDraft, staff: boolean): FieldDraft {
  return Object.fromEntries(defs.filter((d) => fieldAccess(d, staff).edit && values[String(d.id)] !== undefined).map((d) => [String(d.id), values[String(d.id)] ?? null]));
}

/** Required fields the actor could fill that are empty: a move there needs them first. */
export function missingRequired(defs: FieldDefDto[], values: FieldDraft, staff: boolean): FieldDefDto[] {
  return defs.filter((d) => d.required && fieldAccess(d, staff).edit && isEmptyValue(values[String(d.id)]));
}

/** `narrow`: one column (the staff ticket's sidebar). */
export function CustomFieldInputs({ defs, values, onChange, staff, errors = {}, narrow = false }: { defs: FieldDefDto[]; values: FieldDraft; onChange: (v: FieldDraft) => void; staff: boolean; errors?: Record<string, string>; narrow?: boolean }) {
  const locale = useLocale();
  const te = useTranslations("errors");
  if (defs.length === 0) return null;
  return (
    <div className={narrow ? "grid gap-4" : "grid gap-4 sm:grid-cols-2"} data-testid="custom-fields">
      {defs.map((d) => {
        const key = String(d.id);
        const edit = fieldAccess(d, staff).edit;
        const err = errors[key];
        const set = (v: FieldValue | null) => onChange({ ...values, [key]: v });
        const wide = d.type === "textarea" || d.type === "multiselect";
        return (
          <Field key={key} label={localName(d.name, locale)} hint={localName(d.help, locale) || undefined} required={d.required && edit} error={err ? te(err as never) : undefined} className={wide && !narrow ? "sm:col-span-2" : undefined}>
            <FieldInput def={d} value={values[key] ?? null} onChange={set} disabled={!edit} label={localName(d.name, locale)} />
          </Field>
        );
      })}
    </div>
  );
}

function FieldInput({ def, value, onChange, disabled, label }: { def: FieldDefDto; value: FieldValue | null; onChange: (v: FieldValue | null) => void; disabled: boolean; label: string }) {
  const locale = useLocale();
  const name = `field-${def.id}`;
  const opt = (o: { ru: string; en: string }) => (locale === "en" ? o.en : o.ru);
  switch (def.type) {
    case "textarea":
      return <Textarea name={name} rows={3} maxLength={TEXTAREA_MAX} disabled={disabled} value={String(value ?? "")} onChange={(e) => onChange(e.target.value)} />;
    case "number":
      return <Input name={name} type="number" step="any" disabled={disabled} value={value === null ? "" : String(value)} onChange={(e) => onChange(e.target.value === "" ? null : Number(e.target.value))} />;
    case "date":
      return <Input name={name} type="date" disabled={disabled} value={String(value ?? "")} onChange={(e) => onChange(e.target.value || null)} />;
    case "checkbox":
      return <div className="pt-1"><Checkbox name={name} label={label} disabled={disabled} checked={value === true} onChange={(e) => onChange(e.target.checked)} /></div>;
    case "select":
      return (
        <Select name={name} disabled={disabled} value={String(value ?? "")} onChange={(e) => onChange(e.target.value || null)}>
          <option value="">—</option>
          {def.options.map((o) => <option key={o.value} value={o.value}>{opt(o)}</option>)}
        </Select>
      );
    case "multiselect": {
      const list = Array.isArray(value) ? value : [];
      return (
        <div className="flex flex-wrap gap-x-4 gap-y-2 pt-1" role="group" aria-label={label}>
          {def.options.map((o) => (
            <Checkbox key={o.value} name={name} value={o.value} label={opt(o)} disabled={disabled} checked={list.includes(o.value)}
              onChange={(e) => onChange(e.target.checked ? [...list, o.value] : list.filter((x) => x !== o.value))} />
          ))}
        </div>
      );
    }
    default:
      return <Input name={name} maxLength={TEXT_MAX} disabled={disabled} value={String(value ?? "")} onChange={(e) => onChange(e.target.value)} />;
  }
}
