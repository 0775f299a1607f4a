"use client";
// Categories admin: create / rename / default assignee, order, archive and restore.
import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { Archive, ArchiveRestore, ArrowDown, ArrowUp, Pencil, Plus } from "lucide-react";
import { Button } from "@/app/_components/ui/button";
import { Badge } from "@/app/_components/ui/badge";
import { Input } from "@/app/_components/ui/input";
import { Select } from "@/app/_components/ui/select";
import { Field } from "@/app/_components/ui/field";
import { Checkbox } from "@/app/_components/ui/checkbox";
import { Table, THead, TBody, TR, TH, TD } from "@/app/_components/ui/table";
import { Dialog, DialogContent, DialogHeader, DialogTitle, DialogBody, DialogFooter, DialogClose } from "@/app/_components/ui/dialog";
import { localName } from "@/app/_components/status-badge";
import { useTRPC } from "@/app/_trpc/client";
import { useAdminAction } from "../../_admin/use-admin-action";

type Rule = "NONE" | "ROUND_ROBIN" | "FEWEST_OPEN";
type Category = { id: number; name: { ru: string; en: string }; archived: boolean; defaultAssignee: { id: number; name: string } | null; parentId: number | null; noTickets: boolean; assignmentRule: Rule };
type Form = { id?: number; nameRu: string; nameEn: string; defaultAssigneeId: string; parentId: string; noTickets: boolean; assignmentRule: Rule };

export function CategoriesManager({ categories, agents, header }: { categories: Category[]; agents: Array<{ id: number; label: string }>; header: React.ReactNode }) {
  const t = useTranslations("admin.categories");
  const tf = useTranslations("fields.categories");
  const ta = useTranslations("team.assignment");
  const tc = useTranslations("admin.common");
  const locale = useLocale();
  const trpc = useTRPC();
  const act = useAdminAction();
  const [form, setForm] = useState<Form | null>(null);
  const closeAndDone = { onSuccess: () => { setForm(null); act.done(); }, onError: act.failed };
  const create = useMutation(trpc.category.create.mutationOptions(closeAndDone));
  const update = useMutation(trpc.category.update.mutationOptions(closeAndDone));
  const archive = useMutation(trpc.category.archive.mutationOptions({ onSuccess: () => act.done(), onError: act.failed }));
  const reorder = useMutation(trpc.category.reorder.mutationOptions({ onSuccess: () => act.done(), onError: act.failed }));
  const move = (i: number, d: -1 | 1) => {
    const ids = categories.map((c) => c.id);
    [ids[i], ids[i + d]] = [ids[i + d]!, ids[i]!];
    reorder.mutate({ ids });
  };
  return (
    <div className="space-y-4">
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        {header}
        <Button onClick={() => setForm({ nameRu: "", nameEn: "", defaultAssigneeId: "", parentId: "", noTickets: false, assignmentRule: "NONE" })} data-testid="category-new"><Plus className="size-4" aria-hidden /> {t("new")}</Button>
      </div>
      <Table label={t("title")} data-testid="categories">
        <THead>
          <TR>
            <TH className="w-24">{tc("order")}</TH>
            <TH>{t("title")}</TH>
            <TH className="hidden sm:table-cell">{t("defaultAssignee")}</TH>
            <TH className="text-right">{tc("actions")}</TH>
          </TR>
        </THead>
        <TBody>
          {categories.map((c, i) => (
            <TR key={c.id} className={c.archived ? "opacity-60" : undefined}>
              <TD>
                <div className="flex gap-0.5">
                  <Button size="icon" variant="ghost" className="size-7" aria-label={`${tc("moveUp")}: ${localName(c.name, locale)}`} disabled={i === 0 || reorder.isPending} onClick={() => move(i, -1)}><ArrowUp className="size-4" aria-hidden /></Button>
                  <Button size="icon" variant="ghost" className="size-7" aria-label={`${tc("moveDown")}: ${localName(c.name, locale)}`} disabled={i === categories.length - 1 || reorder.isPending} onClick={() => move(i, 1)}><ArrowDown className="size-4" aria-hidden /></Button>
                </div>
              </TD>
              <TD>
                <div className="flex flex-wrap items-center gap-2">
                  {c.parentId !== null && <span className="text-ink-subtle" data-testid="category-parent">{localName(categories.find((p) => p.id === c.parentId)?.name ?? { ru: "", en: "" }, locale)} ›</span>}
                  <span className="font-medium">{localName(c.name, locale)}</span>
                  {c.noTickets && <Badge variant="info">{tf("noTickets")}</Badge>}
                  <span className="text-xs text-ink-subtle">{locale === "en" ? c.name.ru : c.name.en}</span>
                  {c.archived && <Badge>{t("archived")}</Badge>}
                </div>
              </TD>
              <TD className="hidden text-ink-muted sm:table-cell">{c.assignmentRule === "NONE" ? (c.defaultAssignee?.name ?? tc("none")) : ta(c.assignmentRule)}</TD>
              <TD>
                <div className="flex justify-end gap-1">
                  <Button size="icon" variant="ghost" aria-label={`${tc("edit")}: ${localName(c.name, locale)}`} onClick={() => setForm({ id: c.id, nameRu: c.name.ru, nameEn: c.name.en, defaultAssigneeId: c.defaultAssignee ? String(c.defaultAssignee.id) : "", parentId: c.parentId ? String(c.parentId) : "", noTickets: c.noTickets, assignmentRule: c.assignmentRule })}><Pencil className="size-4" aria-hidden /></Button>
                  <Button size="sm" variant="ghost" onClick={() => archive.mutate({ id: c.id, archived: !c.archived })}>
                    {c.archived ? <ArchiveRestore className="size-4" aria-hidden /> : <Archive className="size-4" aria-hidden />}
                    <span className="sr-only sm:not-sr-only">{c.archived ? t("unarchive") : t("archive")}</span>
                  </Button>
                </div>
              </TD>
            </TR>
          ))}
        </TBody>
      </Table>
      <Dialog open={form !== null} onOpenChange={(o) => { if (!o) setForm(null); }}>
        <DialogContent size="sm" closeLabel={tc("close")} aria-describedby={undefined}>
          {form && (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                const body = { nameRu: form.nameRu, nameEn: form.nameEn, defaultAssigneeId: form.defaultAssigneeId ? Number(form.defaultAssigneeId) : null, parentId: form.parentId ? Number(form.parentId) : null, noTickets: form.noTickets, assignmentRule: form.assignmentRule };
                if (form.id) update.mutate({ id: form.id, ...body });
                else create.mutate(body);
              }}
            >
              <DialogHeader><DialogTitle>{form.id ? t("edit") : t("new")}</DialogTitle></DialogHeader>
              <DialogBody className="space-y-4">
                <Field label={tc("nameRu")} required><Input required maxLength={100} value={form.nameRu} onChange={(e) => setForm({ ...form, nameRu: e.target.value })} /></Field>
                <Field label={tc("nameEn")} required><Input required maxLength={100} value={form.nameEn} onChange={(e) => setForm({ ...form, nameEn: e.target.value })} /></Field>
                <Field label={ta("label")} hint={ta("hint")}>
                  <Select value={form.assignmentRule} onChange={(e) => setForm({ ...form, assignmentRule: e.target.value as Rule })} data-testid="assignment-rule">
                    {(["NONE", "ROUND_ROBIN", "FEWEST_OPEN"] as const).map((r) => <option key={r} value={r}>{ta(r)}</option>)}
                  </Select>
                </Field>
                <Field label={t("defaultAssignee")}>
                  <Select value={form.defaultAssigneeId} onChange={(e) => setForm({ ...form, defaultAssigneeId: e.target.value })}>
                    <option value="">{t("noAssignee")}</option>
                    {agents.map((a) => <option key={a.id} value={a.id}>{a.label}</option>)}
                  </Select>
                </Field>
                <Field label={tf("parent")} hint={tf("parentHint")}>
                  <Select name="parentId" value={form.parentId} onChange={(e) => setForm({ ...form, parentId: e.target.value })}>
                    <option value="">{tf("noParent")}</option>
                    {categories.filter((p) => p.parentId === null && p.id !== form.id && !p.archived).map((p) => <option key={p.id} value={p.id}>{localName(p.name, locale)}</option>)}
                  </Select>
                </Field>
                {!form.parentId && <Checkbox label={tf("noTickets")} description={tf("noTicketsHint")} checked={form.noTickets} onChange={(e) => setForm({ ...form, noTickets: e.target.checked })} />}
              </DialogBody>
              <DialogFooter>
                <DialogClose asChild><Button variant="ghost">{tc("cancel")}</Button></DialogClose>
                <Button type="submit" loading={create.isPending || update.isPending}>{form.id ? tc("save") : tc("create")}</Button>
              </DialogFooter>
            </form>
          )}
        </DialogContent>
      </Dialog>
    </div>
  );
}
