"use client";
// Custom fields admin (issue 15.3): the list in order with the category each belongs to and its
// flags; create / edit in a dialog (custom-field-dialog.tsx); archive and restore.
import { Badge } from "@/app/_components/ui/badge";
import { TR, TH, TD } from "@/app/_components/ui/table";
import { localName } from "@/app/_components/status-badge";
import type { CategoryOpt } from "@/app/_lib/category-options";
import { useAdminManager } from "../../_admin/use-admin-manager";
import { useAdminMutation } from "../../_admin/use-admin-mutation";
import { ReorderButtons } from "../../_admin/reorder-buttons";
import { AdminList } from "../../_admin/admin-list";
import { RowActions, EditButton, ArchiveButton } from "../../_admin/row-actions";
import { CustomFieldDialog, type FieldForm } from "./custom-field-dialog";
import { formatOptions } from "./field-options";
import type { FieldDefView } from "@/app/_trpc/types";

const EMPTY: FieldForm = { type: "text", nameRu: "", nameEn: "", helpRu: "", helpEn: "", categoryId: "", required: false, hiddenFromCustomer: false, customerEditable: true, options: "" };

export function CustomFieldsManager({ fields, categories, header }: { fields: FieldDefView[]; categories: CategoryOpt[]; header: React.ReactNode }) {
  const { t, locale, trpc, form, setForm, close } = useAdminManager<FieldForm>("fields.custom");
  const archive = useAdminMutation(trpc.customField.archive);
  const reorder = useAdminMutation(trpc.customField.reorder);
  const ids = fields.map((f) => f.id);
  const categoryName = (id: number | null) => (id === null ? t("allCategories") : (categories.find((c) => c.id === id)?.label ?? "—"));
  const edit = (f: FieldDefView) => setForm({
    id: f.id, type: f.type, nameRu: f.name.ru, nameEn: f.name.en, helpRu: f.help.ru, helpEn: f.help.en, categoryId: f.categoryId ? String(f.categoryId) : "",
    required: f.required, hiddenFromCustomer: f.hiddenFromCustomer, customerEditable: f.customerEditable, options: formatOptions(f.options),
  });
  return (
    <div className="space-y-4">
      <AdminList header={header} label={t("title")} testId="custom-fields" newLabel={t("new")} newTestId="field-new" ordered onNew={() => setForm(EMPTY)}
        columns={<><TH>{t("name")}</TH><TH className="hidden md:table-cell">{t("category")}</TH></>}>
          {fields.length === 0 && <TR><TD colSpan={4} className="text-center text-ink-subtle">{t("empty")}</TD></TR>}
          {fields.map((f, i) => (
            <TR key={f.id} data-testid="field-row" className={f.archived ? "opacity-60" : undefined}>
              <TD><ReorderButtons ids={ids} index={i} name={localName(f.name, locale)} disabled={reorder.isPending} onMove={(next) => reorder.mutate({ ids: next })} /></TD>
              <TD>
                <div className="flex flex-wrap items-center gap-1.5">
                  <span className="font-medium">{localName(f.name, locale)}</span>
                  <Badge>{t(`types.${f.type}`)}</Badge>
                  {f.required && <Badge variant="warning">{t("required")}</Badge>}
                  {f.hiddenFromCustomer && <Badge variant="info">{t("hidden")}</Badge>}
                  {!f.hiddenFromCustomer && !f.customerEditable && <Badge>{t("readOnly")}</Badge>}
                  {f.archived && <Badge>{t("archived")}</Badge>}
                </div>
                <div className="text-xs text-ink-subtle md:hidden">{categoryName(f.categoryId)}</div>
              </TD>
              <TD className="hidden text-ink-muted md:table-cell">{categoryName(f.categoryId)}</TD>
              <RowActions>
                <EditButton name={localName(f.name, locale)} onClick={() => edit(f)} testId="field-edit" />
                <ArchiveButton archived={f.archived} label={f.archived ? t("unarchive") : t("archive")} onClick={() => archive.mutate({ id: f.id, archived: !f.archived })} />
              </RowActions>
            </TR>
          ))}
      </AdminList>
      <CustomFieldDialog form={form} setForm={setForm} onClose={close} categories={categories} />
    </div>
  );
}
