"use client";
// Statuses admin: create / edit (names, colour, closed), order, default, delete or merge.
import { useState } from "react";
import { GitMerge } from "lucide-react";
import { Button } from "@/app/_components/ui/button";
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

type Status = { id: number; name: { ru: string; en: string }; color: string; isClosed: boolean; isDefault: boolean; sortOrder: number; ticketCount: number };

export function StatusesManager({ statuses, header }: { statuses: Status[]; header: React.ReactNode }) {
  const { t, tc, locale, trpc, form, setForm, close } = useAdminManager<ColoredForm & { isClosed: boolean }>("admin.statuses");
  const [merging, setMerging] = useState<Status | null>(null);
  const reorder = useAdminMutation(trpc.status.reorder);
  const setDefault = useAdminMutation(trpc.status.setDefault);
  const remove = useAdminMutation(trpc.status.delete, { message: tc("deleted") });
  const ids = statuses.map((s) => s.id);

  return (
    <div className="space-y-4">
      <AdminList header={header} label={t("title")} testId="statuses" newLabel={t("new")} newTestId="status-new" onNew={() => setForm({ nameRu: "", nameEn: "", color: "#64748b", isClosed: false })} ordered
        columns={<><TH>{t("title")}</TH><TH className="hidden sm:table-cell">{t("closed")}</TH><TH className="text-right">{t("tickets")}</TH></>}>
        {statuses.map((s, i) => {
          const name = localName(s.name, locale);
          return (
            <TR key={s.id} data-testid="status-row">
              <TD><ReorderButtons ids={ids} index={i} name={name} disabled={reorder.isPending} onMove={(next) => reorder.mutate({ ids: next })} /></TD>
              <TD><NamesCell name={s.name} color={s.color} dot isDefault={s.isDefault} defaultLabel={t("default")} /></TD>
              <TD className="hidden text-ink-muted sm:table-cell">{s.isClosed ? t("closed") : t("open")}</TD>
              <TD className="text-right tabular-nums">{s.ticketCount.toLocaleString(locale)}</TD>
              <RowActions>
                {!s.isDefault && !s.isClosed && <DefaultButton label={t("makeDefault")} onClick={() => setDefault.mutate({ id: s.id })} />}
                <EditButton name={name} onClick={() => setForm({ id: s.id, nameRu: s.name.ru, nameEn: s.name.en, color: s.color, isClosed: s.isClosed })} testId="status-edit" />
                {s.ticketCount === 0 && !s.isDefault ? (
                  <DeleteButton name={name} confirm={t("deleteConfirm", { name })} onDelete={() => remove.mutate({ id: s.id })} />
                ) : (
                  <Button size="icon" variant="ghost" aria-label={`${t("merge")} ${name}`} title={t("merge")} onClick={() => setMerging(s)} data-testid="status-merge"><GitMerge className="size-4" aria-hidden /></Button>
                )}
              </RowActions>
            </TR>
          );
        })}
      </AdminList>

      <EditDialog form={form} onClose={close} size="sm" create={trpc.status.create} update={trpc.status.update} toBody={withoutId} titles={[t("new"), t("edit")]}>
        {(f) => (
          <>
            <NameFields value={f} maxLength={60} onChange={(names) => setForm({ ...f, ...names })} />
            <ColorField label={t("color")} value={f} dot onChange={(color) => setForm({ ...f, color })} />
            <Checkbox label={t("isClosed")} description={t("isClosedHint")} checked={f.isClosed} onChange={(e) => setForm({ ...f, isClosed: e.target.checked })} />
          </>
        )}
      </EditDialog>

      <MoveIntoDialog row={merging} rows={statuses} onClose={() => setMerging(null)} needsTarget={() => true} testId="merge-into"
        texts={(s, name) => ({ title: t("mergeTitle", { name }), description: t("mergeDescription", { count: s.ticketCount, name }), label: t("mergeInto"), submit: t("mergeConfirm") })}
        proc={trpc.status.merge} input={(s, intoId) => ({ fromId: s.id, intoId: intoId! })} message={(r) => t("merged", { count: r.moved })} />
    </div>
  );
}
