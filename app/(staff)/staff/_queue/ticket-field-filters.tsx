"use client";
// Queue controls of issue 15, inside the filter form: priority filter, sort by priority, one
// custom-field filter (field + value; a select field offers its options) and one extra column.
import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Select } from "@/app/_components/ui/select";
import { Input } from "@/app/_components/ui/input";
import { localName } from "@/app/_components/status-badge";
import type { QueueParams } from "./queue-params";

export type PriorityOpt = { id: number; label: string };
export type FieldOpt = { id: number; type: string; name: { ru: string; en: string }; options: Array<{ value: string; ru: string; en: string }> };

export function TicketFieldFilters({ params, priorities, fields }: { params: QueueParams; priorities: PriorityOpt[]; fields: FieldOpt[] }) {
  const t = useTranslations("fields.queue");
  const locale = useLocale();
  const [field, setField] = useState(params.field ? String(params.field) : "");
  const def = fields.find((f) => String(f.id) === field);
  const submit = (e: React.ChangeEvent<HTMLSelectElement>) => e.currentTarget.form?.requestSubmit();
  return (
    <>
      <Select name="priority" aria-label={t("priority")} defaultValue={params.priority ? String(params.priority) : ""} onChange={submit} data-testid="filter-priority">
        <option value="">{t("anyPriority")}</option>
        {priorities.map((p) => <option key={p.id} value={p.id}>{p.label}</option>)}
      </Select>
      <Select name="sort" aria-label={t("sort")} defaultValue={params.sort ?? ""} onChange={submit} data-testid="queue-sort">
        <option value="">{t("sortActivity")}</option>
        <option value="priority">{t("sortPriority")}</option>
      </Select>
      {fields.length > 0 && (
        <>
          <Select name="field" aria-label={t("field")} value={field} onChange={(e) => setField(e.target.value)} data-testid="filter-field">
            <option value="">{t("anyField")}</option>
            {fields.map((f) => <option key={f.id} value={f.id}>{localName(f.name, locale)}</option>)}
          </Select>
          {def && (def.type === "select" || def.type === "multiselect" || def.type === "checkbox") ? (
            <Select name="fv" aria-label={t("fieldValue")} defaultValue={params.fv ?? ""} onChange={submit} data-testid="filter-field-value">
              <option value="">—</option>
              {def.type === "checkbox"
                ? [<option key="t" value="true">{t("yes")}</option>, <option key="f" value="false">{t("no")}</option>]
                : def.options.map((o) => <option key={o.value} value={o.value}>{locale === "ru" ? o.ru : o.en}</option>)}
            </Select>
          ) : (
            <Input name="fv" aria-label={t("fieldValue")} placeholder={t("fieldValue")} defaultValue={params.fv ?? ""} disabled={!def} type={def?.type === "date" ? "date" : def?.type === "number" ? "number" : "text"} data-testid="filter-field-value" />
          )}
          <Select name="col" aria-label={t("column")} defaultValue={params.col ? String(params.col) : ""} onChange={submit} data-testid="queue-column">
            <option value="">{t("noColumn")}</option>
            {fields.map((f) => <option key={f.id} value={f.id}>{t("columnOf", { name: localName(f.name, locale) })}</option>)}
          </Select>
        </>
      )}
    </>
  );
}
