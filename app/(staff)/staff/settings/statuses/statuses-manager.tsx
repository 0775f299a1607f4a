"use client";
// Statuses admin: create / edit (names, colour, closed), order, default, delete or merge.
import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { ArrowDown, ArrowUp, Pencil, Plus, Star, Trash2, GitMerge } from "lucide-react";
import { Button } from "@/app/_components/ui/button";
import { Badge } from "@/app/_components/ui/badge";
import { Input } from "@/app/_components/ui/input";
import { Select } from "@/app/_components/ui/select";
import { Checkbox } from "@/app/_components/ui/checkbox";
import { Field } from "@/app/_components/ui/field";
import { Table, THead, TBody, TR, TH, TD } from "@/app/_components/ui/table";
import { Dialog, DialogContent, DialogHeader, DialogTitle, DialogDescription, DialogBody, DialogFooter, DialogClose } from "@/app/_components/ui/dialog";
import { localName } from "@/app/_components/status-badge";
import { useTRPC } from "@/app/_trpc/client";
import { useAdminAction } from "../../_admin/use-admin-action";

type Status = { id: number; name: { ru: string; en: string }; color: string; isClosed: boolean; isDefault: boolean; sortOrder: number; ticketCount: number };
type Form = { id?: number; nameRu: string; nameEn: string; color: string; isClosed: boolean };

export function StatusesManager({ statuses, header }: { statuses: Status[]; header: React.ReactNode }) {
  const t = useTranslations("admin.statuses");
  const tc = useTranslations("admin.common");
  const locale = useLocale();
  const trpc = useTRPC();
  const act = useAdminAction();
  const [form, setForm] = useState<Form | null>(null);
  const [merging, setMerging] = useState<Status | null>(null);
  const [into, setInto] = useState("");

  const opts = { onSuccess: () => act.done(), onError: act.failed };
  const create = useMutation(trpc.status.create.mutationOptions({ onSuccess: () => { setForm(null); act.done(); }, onError: act.failed }));
  const update = useMutation(trpc.status.update.mutationOptions({ onSuccess: () => { setForm(null); act.done(); }, onError: act.failed }));
  const reorder = useMutation(trpc.status.reorder.mutationOptions(opts));
  const setDefault = useMutation(trpc.status.setDefault.mutationOptions(opts));
  const remove = useMutation(trpc.status.delete.mutationOptions({ onSuccess: () => act.done(tc("deleted")), onError: act.failed }));
  const merge = useMutation(trpc.status.merge.mutationOptions({ onSuccess: (r) => { setMerging(null); act.done(t("merged", { count: r.moved })); }, onError: act.failed }));

  const move = (i: number, d: -1 | 1) => {
    const ids = statuses.map((s) => s.id);
    [ids[i], ids[i + d]] = [ids[i + d]!, ids[i]!];
    reorder.mutate({ ids });
  };

  return (
    <div className="space-y-4">
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        {header}
        <Button onClick={() => setForm({ nameRu: "", nameEn: "", color: "#64748b", isClosed: false })} data-testid="status-new"><Plus className="size-4" aria-hidden /> {t("new")}</Button>
      </div>
      <Table label={t("title")} data-testid="statuses">
        <THead>
          <TR>
            <TH className="w-24">{tc("order")}</TH>
            <TH>{t("title")}</TH>
            <TH className="hidden sm:table-cell">{t("closed")}</TH>
            <TH className="text-right">{t("tickets")}</TH>
            <TH className="text-right">{tc("actions")}</TH>
          </TR>
        </THead>
        <TBody>
          {statuses.map((s, i) => (
            <TR key={s.id} data-testid="status-row">
              <TD>
                <div className="flex gap-0.5">
                  <Button size="icon" variant="ghost" className="size-7" aria-label={`${tc("moveUp")}: ${localName(s.name, locale)}`} disabled={i === 0 || reorder.isPending} onClick={() => move(i, -1)}><ArrowUp className="size-4" aria-hidden /></Button>
                  <Button size="icon" variant="ghost" className="size-7" aria-label={`${tc("moveDown")}: ${localName(s.name, locale)}`} disabled={i === statuses.length - 1 || reorder.isPending} onClick={() => move(i, 1)}><ArrowDown className="size-4" aria-hidden /></Button>
                </div>
              </TD>
              <TD>
                <div className="flex flex-wrap items-center gap-2">
                  <Badge color={s.color} dot>{localName(s.name, locale)}</Badge>
                  <span className="text-xs text-ink-subtle">{locale === "en" ? s.name.ru : s.name.en}</span>
                  {s.isDefault && <Badge variant="info"><Star className="mr-0.5 inline size-3 align-[-2px]" aria-hidden /> {t("default")}</Badge>}
                </div>
              </TD>
              <TD className="hidden text-ink-muted sm:table-cell">{s.isClosed ? t("closed") : t("open")}</TD>
              <TD className="text-right tabular-nums">{s.ticketCount.toLocaleString(locale)}</TD>
              <TD>
                <div className="flex justify-end gap-1">
                  {!s.isDefault && !s.isClosed && (
                    <Button size="sm" variant="ghost" onClick={() => setDefault.mutate({ id: s.id })} title={t("makeDefault")}><Star className="size-4" aria-hidden /><span className="sr-only lg:not-sr-only">{t("makeDefault")}</span></Button>
                  )}
                  <Button size="icon" variant="ghost" aria-label={`${tc("edit")}: ${localName(s.name, locale)}`} onClick={() => setForm({ id: s.id, nameRu: s.name.ru, nameEn: s.name.en, color: s.color, isClosed: s.isClosed })} data-testid="status-edit"><Pencil className="size-4" aria-hidden /></Button>
                  {s.ticketCount === 0 && !s.isDefault ? (
                    <Button size="icon" variant="ghost" aria-label={`${tc("delete")}: ${localName(s.name, locale)}`} onClick={() => { if (window.confirm(t("deleteConfirm", { name: localName(s.name, locale) }))) remove.mutate({ id: s.id }); }}><Trash2 className="size-4 text-danger-600" aria-hidden /></Button>
                  ) : (
                    <Button size="icon" variant="ghost" aria-label={`${t("merge")} ${localName(s.name, locale)}`} title={t("merge")} onClick={() => { setMerging(s); setInto(""); }} data-testid="status-merge"><GitMerge className="size-4" aria-hidden /></Button>
                  )}
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
                const body = { nameRu: form.nameRu, nameEn: form.nameEn, color: form.color, isClosed: form.isClosed };
                if (form.id) update.mutate({ id: form.id, ...body });
                else create.mutate(body);
              }}
            >
              <DialogHeader><DialogTitle>{form.id ? t("edit") : t("new")}</DialogTitle></DialogHeader>
              <DialogBody className="space-y-4">
                <Field label={tc("nameRu")} required><Input name="nameRu" required maxLength={60} value={form.nameRu} onChange={(e) => setForm({ ...form, nameRu: e.target.value })} /></Field>
                <Field label={tc("nameEn")} required><Input name="nameEn" required maxLength={60} value={form.nameEn} onChange={(e) => setForm({ ...form, nameEn: e.target.value })} /></Field>
                <Field label={t("color")}>
                  <div className="flex items-center gap-2">
                    <input type="color" aria-label={t("color")} value={form.color} onChange={(e) => setForm({ ...form, color: e.target.value })} className="h-9 w-12 cursor-pointer rounded-md border border-line bg-surface p-1" />
                    <Badge color={form.color} dot>{(locale === "en" ? form.nameEn : form.nameRu) || "—"}</Badge>
                  </div>
                </Field>
                <Checkbox label={t("isClosed")} description={t("isClosedHint")} checked={form.isClosed} onChange={(e) => setForm({ ...form, isClosed: e.target.checked })} />
              </DialogBody>
              <DialogFooter>
                <DialogClose asChild><Button variant="ghost">{tc("cancel")}</Button></DialogClose>
                <Button type="submit" loading={create.isPending || update.isPending}>{form.id ? tc("save") : tc("create")}</Button>
              </DialogFooter>
            </form>
          )}
        </DialogContent>
      </Dialog>

      <Dialog open={merging !== null} onOpenChange={(o) => { if (!o) setMerging(null); }}>
        <DialogContent size="sm" closeLabel={tc("close")}>
          {merging && (
            <form onSubmit={(e) => { e.preventDefault(); if (into) merge.mutate({ fromId: merging.id, intoId: Number(into) }); }}>
              <DialogHeader>
                <DialogTitle>{t("mergeTitle", { name: localName(merging.name, locale) })}</DialogTitle>
                <DialogDescription>{t("mergeDescription", { count: merging.ticketCount, name: localName(merging.name, locale) })}</DialogDescription>
              </DialogHeader>
              <DialogBody>
                <Field label={t("mergeInto")} required>
                  <Select value={into} required onChange={(e) => setInto(e.target.value)} data-testid="merge-into">
                    <option value="">—</option>
                    {statuses.filter((s) => s.id !== merging.id).map((s) => <option key={s.id} value={s.id}>{localName(s.name, locale)}</option>)}
                  </Select>
                </Field>
              </DialogBody>
              <DialogFooter>
                <DialogClose asChild><Button variant="ghost">{tc("cancel")}</Button></DialogClose>
                <Button type="submit" variant="danger" disabled={!into} loading={merge.isPending}>{t("mergeConfirm")}</Button>
              </DialogFooter>
            </form>
          )}
        </DialogContent>
      </Dialog>
    </div>
  );
}
