"use client";
// Create / edit one custom field definition. The type of an existing field is fixed (its
// stored values must keep matching it); select options are typed one per line.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Button } from "@/app/_components/ui/button";
import { Input } from "@/app/_components/ui/input";
import { Textarea } from "@/app/_components/ui/textarea";
import { Select } from "@/app/_components/ui/select";
import { Checkbox } from "@/app/_components/ui/checkbox";
import { Field } from "@/app/_components/ui/field";
import { Dialog, DialogContent, DialogHeader, DialogTitle, DialogBody, DialogFooter, DialogClose } from "@/app/_components/ui/dialog";
import type { CategoryOpt } from "@/app/_lib/category-options";
import { FIELD_TYPES, type FieldType } from "@/server/domain/tickets/custom-fields";
import { useTRPC } from "@/app/_trpc/client";
import { parseOptions } from "./field-options";

export type FieldForm = {
  id?: number; type: FieldType; nameRu: string; nameEn: string; helpRu: string; helpEn: string; categoryId: string;
  required: boolean; hiddenFromCustomer: boolean; customerEditable: boolean; options: string;
};

export function CustomFieldDialog({ form, setForm, categories, onSaved, onError }: { form: FieldForm | null; setForm: (f: FieldForm | null) => void; categories: CategoryOpt[]; onSaved: () => void; onError: (e: unknown) => void }) {
  const t = useTranslations("fields.custom");
  const tc = useTranslations("admin.common");
  const trpc = useTRPC();
  const create = useMutation(trpc.customField.create.mutationOptions({ onSuccess: onSaved, onError }));
  const update = useMutation(trpc.customField.update.mutationOptions({ onSuccess: onSaved, onError }));
  const isSelect = form?.type === "select" || form?.type === "multiselect";
  const submit = (f: FieldForm) => {
    const { id, categoryId, options, ...rest } = f;
    const body = { ...rest, categoryId: categoryId ? Number(categoryId) : null, options: isSelect ? parseOptions(options) : [] };
    if (id) update.mutate({ id, ...body });
    else create.mutate(body);
  };
  return (
    <Dialog open={form !== null} onOpenChange={(o) => { if (!o) setForm(null); }}>
      <DialogContent size="md" closeLabel={tc("close")} aria-describedby={undefined}>
        {form && (
          <form onSubmit={(e) => { e.preventDefault(); submit(form); }} data-testid="field-form">
            <DialogHeader><DialogTitle>{form.id ? t("edit") : t("new")}</DialogTitle></DialogHeader>
            <DialogBody className="grid gap-4 sm:grid-cols-2">
              <Field label={t("type")} required hint={form.id ? t("typeFixed") : undefined}>
                <Select name="type" value={form.type} disabled={form.id !== undefined} onChange={(e) => setForm({ ...form, type: e.target.value as FieldType })}>
                  {FIELD_TYPES.map((x) => <option key={x} value={x}>{t(`types.${x}`)}</option>)}
                </Select>
              </Field>
              <Field label={t("category")}>
                <Select name="categoryId" value={form.categoryId} onChange={(e) => setForm({ ...form, categoryId: e.target.value })}>
                  <option value="">{t("allCategories")}</option>
                  {categories.map((c) => <option key={c.id} value={c.id}>{c.label}</option>)}
                </Select>
              </Field>
              <Field label={tc("nameRu")} required><Input name="nameRu" required maxLength={100} value={form.nameRu} onChange={(e) => setForm({ ...form, nameRu: e.target.value })} /></Field>
              <Field label={tc("nameEn")} required><Input name="nameEn" required maxLength={100} value={form.nameEn} onChange={(e) => setForm({ ...form, nameEn: e.target.value })} /></Field>
              <Field label={t("helpRu")}><Input name="helpRu" maxLength={500} value={form.helpRu} onChange={(e) => setForm({ ...form, helpRu: e.target.value })} /></Field>
              <Field label={t("helpEn")}><Input name="helpEn" maxLength={500} value={form.helpEn} onChange={(e) => setForm({ ...form, helpEn: e.target.value })} /></Field>
              {isSelect && (
                <Field label={t("options")} hint={t("optionsHint")} required className="sm:col-span-2">
                  <Textarea name="options" rows={4} required value={form.options} placeholder={"basic | Базовый | Basic\npro | Про | Pro"} onChange={(e) => setForm({ ...form, options: e.target.value })} />
                </Field>
              )}
              <div className="space-y-3 sm:col-span-2">
                <Checkbox label={t("required")} checked={form.required} onChange={(e) => setForm({ ...form, required: e.target.checked })} />
                <Checkbox label={t("hidden")} description={t("hiddenHint")} checked={form.hiddenFromCustomer} onChange={(e) => setForm({ ...form, hiddenFromCustomer: e.target.checked })} />
                <Checkbox label={t("customerEditable")} description={t("customerEditableHint")} disabled={form.hiddenFromCustomer} checked={form.customerEditable && !form.hiddenFromCustomer} onChange={(e) => setForm({ ...form, customerEditable: e.target.checked })} />
              </div>
            </DialogBody>
            <DialogFooter>
              <DialogClose asChild><Button variant="ghost">{tc("cancel")}</Button></DialogClose>
              <Button type="submit" loading={create.isPending || update.isPending} data-testid="field-save">{form.id ? tc("save") : tc("create")}</Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
