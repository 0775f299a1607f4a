"use client";
// Create / edit one category: names, how new tickets are assigned (a rule or a default
// assignee), the parent (one level deep) and whether tickets may be filed in it directly.
import { useLocale, useTranslations } from "next-intl";
import { Select } from "@/app/_components/ui/select";
import { Field } from "@/app/_components/ui/field";
import { Checkbox } from "@/app/_components/ui/checkbox";
import { localName } from "@/app/_components/status-badge";
import { useTRPC } from "@/app/_trpc/client";
import { EditDialog } from "../../_admin/edit-dialog";
import { NameFields } from "../../_admin/name-fields";

export type Rule = "NONE" | "ROUND_ROBIN" | "FEWEST_OPEN";
export type CategoryRow = { id: number; name: { ru: string; en: string }; archived: boolean; parentId: number | null };
export type CategoryForm = { id?: number; nameRu: string; nameEn: string; defaultAssigneeId: string; parentId: string; noTickets: boolean; assignmentRule: Rule };

type Props = { form: CategoryForm | null; setForm: (f: CategoryForm) => void; onClose: () => void; categories: CategoryRow[]; agents: Array<{ id: number; label: string }> };

const toBody = ({ id: _id, defaultAssigneeId, parentId, ...rest }: CategoryForm) => ({ ...rest, defaultAssigneeId: defaultAssigneeId ? Number(defaultAssigneeId) : null, parentId: parentId ? Number(parentId) : null });

export function CategoryDialog({ form, setForm, onClose, categories, agents }: Props) {
  const t = useTranslations("admin.categories");
  const tf = useTranslations("fields.categories");
  const ta = useTranslations("team.assignment");
  const locale = useLocale();
  const trpc = useTRPC();
  return (
    <EditDialog form={form} onClose={onClose} size="sm" create={trpc.category.create} update={trpc.category.update} toBody={toBody} titles={[t("new"), t("edit")]}>
      {(f) => (
        <>
          <NameFields value={f} maxLength={100} onChange={(names) => setForm({ ...f, ...names })} />
          <Field label={ta("label")} hint={ta("hint")}>
            <Select value={f.assignmentRule} onChange={(e) => setForm({ ...f, assignmentRule: e.target.value as Rule })} data-testid="assignment-rule">
              {(["NONE", "ROUND_ROBIN", "FEWEST_OPEN"] as const).map((r) => <option key={r} value={r}>{ta(r)}</option>)}
            </Select>
          </Field>
          <Field label={t("defaultAssignee")}>
            <Select value={f.defaultAssigneeId} onChange={(e) => setForm({ ...f, defaultAssigneeId: e.target.value })}>
              <option value="">{t("noAssignee")}</option>
              {agents.map((a) => <option key={a.id} value={a.id}>{a.label}</option>)}
            </Select>
          </Field>
          <Field label={tf("parent")} hint={tf("parentHint")}>
            <Select name="parentId" value={f.parentId} onChange={(e) => setForm({ ...f, parentId: e.target.value })}>
              <option value="">{tf("noParent")}</option>
              {categories.filter((p) => p.parentId === null && p.id !== f.id && !p.archived).map((p) => <option key={p.id} value={p.id}>{localName(p.name, locale)}</option>)}
            </Select>
          </Field>
          {!f.parentId && <Checkbox label={tf("noTickets")} description={tf("noTicketsHint")} checked={f.noTickets} onChange={(e) => setForm({ ...f, noTickets: e.target.checked })} />}
        </>
      )}
    </EditDialog>
  );
}
