"use client";
// Priorities admin (issue 15.1): names, colour, the urgent badge flag, order (least to most
// urgent), the default; deleting one in use moves its tickets to another priority.
import { useState } from "react";
import { Siren } from "lucide-react";
import { Badge } from "@/app/_components/ui/badge";
import { Checkbox } from "@/app/_components/ui/checkbox";
import { TR, TH, TD } from "@/app/_components/ui/table";
import { localName } from "@/app/_components/status-badge";
import { AdminList } from "../../_admin/admin-list";
import { EditDialog, withoutId } from "../../_admin/edit-dialog";
import { MoveIntoDialog } from "../../_admin/move-into-dialog";
import { ReorderButtons } from "../../_admin/reorder-buttons";
import { RowActions, EditButton, DeleteButton, DefaultButton } from "../../_admin/row-actions";
import { NameFields, ColorField, type ColoredForm } from "../../_admin/name-fields";
import { NamesCell } from "../../_admin/names-cell";
import { useAdminManager } from "../../_admin/use-admin-manager";
import { useAdminMutation } from "../../_admin/use-admin-mutation";

type Priority = { id: number; name: { ru: string; en: string }; color: string; isDefault: boolean; isUrgent: boolean; ticketCount: number };

export function PrioritiesManager({ priorities, header }: { priorities: Priority[]; header: React.ReactNode }) {
  const { t, tc, locale, trpc, form, setForm, close } = useAdminManager<ColoredForm & { isUrgent: boolean }>("fields.priorities");
  const [removing, setRemoving] = useState<Priority | null>(null);
  const reorder = useAdminMutation(trpc.priority.reorder);
  const setDefault = useAdminMutation(trpc.priority.setDefault);
  const ids = priorities.map((p) => p.id);

  return (
    <div className="space-y-4">
      <AdminList header={header} label={t("title")} testId="priorities" newLabel={t("new")} newTestId="priority-new" onNew={() => setForm({ nameRu: "", nameEn: "", color: "#64748b", isUrgent: false })} ordered
        columns={<><TH>{t("name")}</TH><TH className="text-right">{t("tickets")}</TH></>}>
        {priorities.map((p, i) => {
          const name = localName(p.name, locale);
          return (
            <TR key={p.id} data-testid="priority-row">
              <TD><ReorderButtons ids={ids} index={i} name={name} disabled={reorder.isPending} onMove={(next) => reorder.mutate({ ids: next })} /></TD>
              <TD>
                <NamesCell name={p.name} color={p.color} isDefault={p.isDefault} defaultLabel={t("default")}>
                  {p.isUrgent && <Badge variant="danger"><Siren className="mr-0.5 inline size-3 align-[-2px]" aria-hidden /> {t("urgent")}</Badge>}
                </NamesCell>
              </TD>
              <TD className="text-right tabular-nums">{p.ticketCount.toLocaleString(locale)}</TD>
              <RowActions>
                {!p.isDefault && <DefaultButton label={t("makeDefault")} onClick={() => setDefault.mutate({ id: p.id })} />}
                <EditButton name={name} onClick={() => setForm({ id: p.id, nameRu: p.name.ru, nameEn: p.name.en, color: p.color, isUrgent: p.isUrgent })} testId="priority-edit" />
                {!p.isDefault && <DeleteButton name={name} onDelete={() => setRemoving(p)} testId="priority-delete" />}
              </RowActions>
            </TR>
          );
        })}
      </AdminList>
      <p className="text-xs text-ink-subtle">{t("orderHint")}</p>

      <EditDialog form={form} onClose={close} size="sm" create={trpc.priority.create} update={trpc.priority.update} toBody={withoutId} titles={[t("new"), t("edit")]}>
        {(f) => (
          <>
            <NameFields value={f} maxLength={60} onChange={(names) => setForm({ ...f, ...names })} />
            <ColorField label={t("color")} value={f} onChange={(color) => setForm({ ...f, color })} />
            <Checkbox label={t("isUrgent")} description={t("isUrgentHint")} checked={f.isUrgent} onChange={(e) => setForm({ ...f, isUrgent: e.target.checked })} />
          </>
        )}
      </EditDialog>

      <MoveIntoDialog row={removing} rows={priorities} onClose={() => setRemoving(null)} needsTarget={(p) => p.ticketCount > 0} testId="priority-into" submitTestId="priority-delete-confirm"
        texts={(p, name) => ({ title: t("deleteTitle", { name }), description: p.ticketCount > 0 ? t("deleteMove", { count: p.ticketCount }) : t("deleteUnused"), label: t("moveInto"), submit: tc("delete") })}
        proc={trpc.priority.delete} input={(p, intoId) => ({ id: p.id, ...(intoId ? { intoId } : {}) })} message={() => tc("deleted")} />
    </div>
  );
}
