"use client";
// Teams admin (issue 16): a team's name, its members and the categories they see. Categories
// linked to no team are listed as open to every agent, so an admin sees what scoping will do.
import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { Pencil, Plus, Trash2 } from "lucide-react";
import { Button } from "@/app/_components/ui/button";
import { Badge } from "@/app/_components/ui/badge";
import { Input } from "@/app/_components/ui/input";
import { Field } from "@/app/_components/ui/field";
import { Checkbox } from "@/app/_components/ui/checkbox";
import { Table, THead, TBody, TR, TH, TD } from "@/app/_components/ui/table";
import { Dialog, DialogContent, DialogHeader, DialogTitle, DialogBody, DialogFooter, DialogClose } from "@/app/_components/ui/dialog";
import { localName } from "@/app/_components/status-badge";
import { useTRPC } from "@/app/_trpc/client";
import { useAdminAction } from "../../_admin/use-admin-action";

type Name = { ru: string; en: string };
type Team = { id: number; name: string; members: Array<{ id: number; name: string }>; categories: Array<{ id: number; name: Name }> };
type Form = { id?: number; name: string; memberIds: number[]; categoryIds: number[] };

const toggle = (ids: number[], id: number, on: boolean) => (on ? [...ids, id] : ids.filter((x) => x !== id));

export function TeamsManager(props: { teams: Team[]; categories: Array<{ id: number; name: Name; open: boolean }>; staff: Array<{ id: number; name: string; email: string }>; header: React.ReactNode }) {
  const t = useTranslations("admin.teams");
  const tc = useTranslations("admin.common");
  const locale = useLocale();
  const trpc = useTRPC();
  const act = useAdminAction();
  const [form, setForm] = useState<Form | null>(null);
  const save = useMutation(trpc.team.save.mutationOptions({ onSuccess: () => { setForm(null); act.done(); }, onError: act.failed }));
  const remove = useMutation(trpc.team.delete.mutationOptions({ onSuccess: () => act.done(tc("deleted")), onError: act.failed }));
  const open = props.categories.filter((c) => c.open);
  return (
    <div className="space-y-4">
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        {props.header}
        <Button onClick={() => setForm({ name: "", memberIds: [], categoryIds: [] })} data-testid="new-team"><Plus className="size-4" aria-hidden /> {t("new")}</Button>
      </div>
      <Table label={t("title")} data-testid="teams">
        <THead>
          <TR><TH>{t("name")}</TH><TH>{t("categories")}</TH><TH className="hidden sm:table-cell">{t("members")}</TH><TH className="text-right">{tc("actions")}</TH></TR>
        </THead>
        <TBody>
          {props.teams.length === 0 && <TR><TD colSpan={4} className="text-ink-muted">{t("none")}</TD></TR>}
          {props.teams.map((team) => (
            <TR key={team.id} data-testid="team-row">
              <TD className="font-medium">{team.name}</TD>
              <TD><div className="flex flex-wrap gap-1">{team.categories.map((c) => <Badge key={c.id}>{localName(c.name, locale)}</Badge>)}</div></TD>
              <TD className="hidden text-sm text-ink-muted sm:table-cell">{team.members.map((m) => m.name).join(", ") || "—"}</TD>
              <TD className="text-right whitespace-nowrap">
                <Button size="icon" variant="ghost" aria-label={`${tc("edit")}: ${team.name}`} onClick={() => setForm({ id: team.id, name: team.name, memberIds: team.members.map((m) => m.id), categoryIds: team.categories.map((c) => c.id) })}><Pencil className="size-4" aria-hidden /></Button>
                <Button size="icon" variant="ghost" className="text-danger-700" aria-label={`${tc("delete")}: ${team.name}`} onClick={() => { if (window.confirm(t("deleteConfirm", { name: team.name }))) remove.mutate({ id: team.id }); }}><Trash2 className="size-4" aria-hidden /></Button>
              </TD>
            </TR>
          ))}
        </TBody>
      </Table>
      <p className="text-sm text-ink-muted" data-testid="open-categories">
        {open.length ? t("openCategories", { names: open.map((c) => localName(c.name, locale)).join(", ") }) : t("noOpenCategories")}
      </p>
      <Dialog open={form !== null} onOpenChange={(o) => { if (!o) setForm(null); }}>
        <DialogContent closeLabel={tc("close")} aria-describedby={undefined}>
          {form && (
            <form onSubmit={(e) => { e.preventDefault(); save.mutate(form); }} data-testid="team-form">
              <DialogHeader><DialogTitle>{form.id ? t("edit") : t("new")}</DialogTitle></DialogHeader>
              <DialogBody className="space-y-4">
                <Field label={t("name")} required><Input name="name" required maxLength={100} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} /></Field>
                <fieldset className="space-y-2">
                  <legend className="text-sm font-medium">{t("categories")}</legend>
                  <div className="grid gap-2 sm:grid-cols-2">
                    {props.categories.map((c) => <Checkbox key={c.id} label={localName(c.name, locale)} checked={form.categoryIds.includes(c.id)} onChange={(e) => setForm({ ...form, categoryIds: toggle(form.categoryIds, c.id, e.target.checked) })} />)}
                  </div>
                </fieldset>
                <fieldset className="space-y-2">
                  <legend className="text-sm font-medium">{t("members")}</legend>
                  <div className="grid max-h-64 gap-2 overflow-y-auto sm:grid-cols-2">
                    {props.staff.map((s) => <Checkbox key={s.id} label={s.name} description={s.email} checked={form.memberIds.includes(s.id)} onChange={(e) => setForm({ ...form, memberIds: toggle(form.memberIds, s.id, e.target.checked) })} />)}
                  </div>
                </fieldset>
                <p className="text-xs text-ink-subtle">{t("hint")}</p>
              </DialogBody>
              <DialogFooter>
                <DialogClose asChild><Button variant="ghost">{tc("cancel")}</Button></DialogClose>
                <Button type="submit" loading={save.isPending}>{tc("save")}</Button>
              </DialogFooter>
            </form>
          )}
        </DialogContent>
      </Dialog>
    </div>
  );
}
