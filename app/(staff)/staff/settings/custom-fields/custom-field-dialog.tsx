"use client";
// Create / edit one custom field definition. The type of an existing field is fixed (its
// stored values must keep matching it); select options are typed one per line.
import { useTranslations } from "next-intl";
import { Input } from "@/app/_components/ui/input";
import { Textarea } from "@/app/_components/ui/textarea";
import { Select } from "@/app/_components/ui/select";
import { Checkbox } from "@/app/_components/ui/checkbox";
import { Field } from "@/app/_components/ui/field";
import type { CategoryOpt } from "@/app/_lib/category-options";
import { FIELD_TYPES, type FieldType } from "@/server/domain/tickets/custom-fields";
import { useTRPC } from "@/app/_trpc/client";
import { EditDialog } from "../../_admin/edit-dialog";
import { NameFields } from "../../_admin/name-fields";
import { parseOptions } from "./field-options";

export type FieldForm = {
  id?: number; type: FieldType; nameRu: string; nameEn: string; helpRu: string; helpEn: string; categoryId: string;
  required: boolean; hiddenFromCustomer: boolean; customerEditable: boolean; options: string;
};

type Props = { form: FieldForm | null; setForm: (f: FieldForm | null) => void; onClose: () => void; categories: CategoryOpt[] };

const isSelect = (f: FieldForm) => f.type === "select" || f.type === "multiselect";
function toBody(f: FieldForm) {
  const { id: _id, categoryId, options, ...rest } = f;
  return { ...rest, categoryId: categoryId ? Number(categoryId) : null, options: isSelect(f) ? parseOptions(options) : [] };
}

export function CustomFieldDialog({ form, setForm, onClose, categories }: Props) {
  const t = useTranslations("fields.custom");
  const trpc = useTRPC();
  return (
    <EditDialog form={form} onClose={onClose} size="md" create={trpc.customField.create} update={trpc.customField.update} toBody={toBody} titles={[t("new"), t("edit")]}
      testId="field-form" submit={{ testId: "field-save" }} bodyClassName="grid gap-4 sm:grid-cols-2">
      {(f) => (
        <>
          <Field label={t("type")} required hint={f.id ? t("typeFixed") : undefined}>
            <Select name="type" value={f.type} disabled={f.id !== undefined} onChange={(e) => setForm({ ...f, type: e.target.value as FieldType })}>
              {FIELD_TYPES.map((x) => <option key={x} value={x}>{t(`types.${x}`)}</option>)}
            </Select>
          </Field>
          <Field label={t("category")}>
            <Select name="categoryId" value={f.categoryId} onChange={(e) => setForm({ ...f, categoryId: e.target.value })}>
              <option value="">{t("allCategories")}</option>
              {categories.map((c) => <option key={c.id} value={c.id}>{c.label}</option>)}
            </Select>
          </Field>
          <NameFields value={f} maxLength={100} onChange={(names) => setForm({ ...f, ...names })} />
          <Field label={t("helpRu")}><Input name="helpRu" maxLength={500} value={f.helpRu} onChange={(e) => setForm({ ...f, helpRu: e.target.value })} /></Field>
          <Field label={t("helpEn")}><Input name="helpEn" maxLength={500} value={f.helpEn} onChange={(e) => setForm({ ...f, helpEn: e.target.value })} /></Field>
          {isSelect(f) && (
            <Field label={t("options")} hint={t("optionsHint")} required className="sm:col-span-2">
              <Textarea name="options" rows={4} required value={f.options} placeholder={"basic | Базовый | Basic\npro | Про | Pro"} onChange={(e) => setForm({ ...f, options: e.target.value })} />
            </Field>
          )}
          <div className="space-y-3 sm:col-span-2">
            <Checkbox label={t("required")} checked={f.required} onChange={(e) => setForm({ ...f, required: e.target.checked })} />
            <Checkbox label={t("hidden")} description={t("hiddenHint")} checked={f.hiddenFromCustomer} onChange={(e) => setForm({ ...f, hiddenFromCustomer: e.target.checked })} />
            <Checkbox label={t("customerEditable")} description={t("customerEditableHint")} disabled={f.hiddenFromCustomer} checked={f.customerEditable && !f.hiddenFromCustomer} onChange={(e) => setForm({ ...f, customerEditable: e.target.checked })} />
          </div>
        </>
      )}
    </EditDialog>
  );
}
