"use client";
// Teams admin (issue 16): a team's name, its members and the categories they see. Categories
// linked to no team are listed as open to every agent, so an admin sees what scoping will do.
import { Badge } from "@/app/_components/ui/badge";
import { Input } from "@/app/_components/ui/input";
import { Field } from "@/app/_components/ui/field";
import { Checkbox } from "@/app/_components/ui/checkbox";
import { TR, TH, TD } from "@/app/_components/ui/table";
import { localName } from "@/app/_components/status-badge";
import { AdminList } from "../../_admin/admin-list";
import { EditDialog, withoutId } from "../../_admin/edit-dialog";
import { RowActions, EditButton, DeleteButton } from "../../_admin/row-actions";
import { useAdminManager } from "../../_admin/use-admin-manager";
import { useAdminMutation } from "../../_admin/use-admin-mutation";

type Name = { ru: string; en: string };
type Team = { id: number; name: string; members: Array<{ id: number; name: string }>; categories: Array<{ id: number; name: Name }> };
type Form = { id?: number; name: string; memberIds: number[]; categoryIds: number[] };

const toggle = (ids: number[], id: number, on: boolean) => (on ? [...ids, id] : ids.filter((x) => x !== id));

export function TeamsManager(props: { teams: Team[]; categories: Array<{ id: number; name: Name; open: boolean }>; staff: Array<{ id: number; name: string; email: string }>; header: React.ReactNode }) {
  const { t, tc, locale, trpc, form, setForm, close } = useAdminManager<Form>("admin.teams");
  const remove = useAdminMutation(trpc.team.delete, { message: tc("deleted") });
  const open = props.categories.filter((c) => c.open);
  return (
    <div className="space-y-4">
      <AdminList header={props.header} label={t("title")} testId="teams" newLabel={t("new")} newTestId="new-team" onNew={() => setForm({ name: "", memberIds: [], categoryIds: [] })}
        columns={<><TH>{t("name")}</TH><TH>{t("categories")}</TH><TH className="hidden sm:table-cell">{t("members")}</TH></>}>
        {props.teams.length === 0 && <TR><TD colSpan={4} className="text-ink-muted">{t("none")}</TD></TR>}
        {props.teams.map((team) => (
          <TR key={team.id} data-testid="team-row">
            <TD className="font-medium">{team.name}</TD>
            <TD><div className="flex flex-wrap gap-1">{team.categories.map((c) => <Badge key={c.id}>{localName(c.name, locale)}</Badge>)}</div></TD>
            <TD className="hidden text-sm text-ink-muted sm:table-cell">{team.members.map((m) => m.name).join(", ") || "—"}</TD>
            <RowActions className="whitespace-nowrap">
              <EditButton name={team.name} onClick={() => setForm({ id: team.id, name: team.name, memberIds: team.members.map((m) => m.id), categoryIds: team.categories.map((c) => c.id) })} />
              <DeleteButton name={team.name} confirm={t("deleteConfirm", { name: team.name })} onDelete={() => remove.mutate({ id: team.id })} />
            </RowActions>
          </TR>
        ))}
      </AdminList>
      <p className="text-sm text-ink-muted" data-testid="open-categories">
        {open.length ? t("openCategories", { names: open.map((c) => localName(c.name, locale)).join(", ") }) : t("noOpenCategories")}
      </p>
      <EditDialog form={form} onClose={close} create={trpc.team.save} update={trpc.team.save} toBody={withoutId} titles={[t("new"), t("edit")]} submitLabel={tc("save")} testId="team-form">
        {(f) => (
          <>
            <Field label={t("name")} required><Input name="name" required maxLength={100} value={f.name} onChange={(e) => setForm({ ...f, name: e.target.value })} /></Field>
            <fieldset className="space-y-2">
              <legend className="text-sm font-medium">{t("categories")}</legend>
              <div className="grid gap-2 sm:grid-cols-2">
                {props.categories.map((c) => <Checkbox key={c.id} label={localName(c.name, locale)} checked={f.categoryIds.includes(c.id)} onChange={(e) => setForm({ ...f, categoryIds: toggle(f.categoryIds, c.id, e.target.checked) })} />)}
              </div>
            </fieldset>
            <fieldset className="space-y-2">
              <legend className="text-sm font-medium">{t("members")}</legend>
              <div className="grid max-h-64 gap-2 overflow-y-auto sm:grid-cols-2">
                {props.staff.map((s) => <Checkbox key={s.id} label={s.name} description={s.email} checked={f.memberIds.includes(s.id)} onChange={(e) => setForm({ ...f, memberIds: toggle(f.memberIds, s.id, e.target.checked) })} />)}
              </div>
            </fieldset>
            <p className="text-xs text-ink-subtle">{t("hint")}</p>
          </>
        )}
      </EditDialog>
    </div>
  );
}
