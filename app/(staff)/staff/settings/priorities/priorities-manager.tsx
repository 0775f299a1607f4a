"use client";
// Priorities admin (issue 15.1): names, colour, the urgent badge flag, order (least to most
// urgent), the default; deleting one in use moves its tickets to another priority.
import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { Pencil, Star, Trash2, Siren } from "lucide-react";
import { Button } from "@/app/_components/ui/button";
import { Badge } from "@/app/_components/ui/badge";
import { Input } from "@/app/_components/ui/input";
import { Select } from "@/app/_components/ui/select";
import { Checkbox } from "@/app/_components/ui/checkbox";
import { Field } from "@/app/_components/ui/field";
import { TR, TH, TD } from "@/app/_components/ui/table";
import { Dialog, DialogContent, DialogHeader, DialogTitle, DialogDescription, DialogBody, DialogFooter, DialogClose } from "@/app/_components/ui/dialog";
import { localName } from "@/app/_components/status-badge";
import { useTRPC } from "@/app/_trpc/client";
import { useAdminAction } from "../../_admin/use-admin-action";
import { ReorderButtons } from "../../_admin/reorder-buttons";
import { AdminList } from "../../_admin/admin-list";

type Priority = { id: number; name: { ru: string; en: string }; color: string; isDefault: boolean; isUrgent: boolean; ticketCount: number };
type Form = { id?: number; nameRu: string; nameEn: string; color: string; isUrgent: boolean };

export function PrioritiesManager({ priorities, header }: { priorities: Priority[]; header: React.ReactNode }) {
  const t = useTranslations("fields.priorities");
  const tc = useTranslations("admin.common");
  const locale = useLocale();
  const trpc = useTRPC();
  const act = useAdminAction();
  const [form, setForm] = useState<Form | null>(null);
  const [removing, setRemoving] = useState<Priority | null>(null);
  const [into, setInto] = useState("");
  const closeAndDone = { onSuccess: () => { setForm(null); act.done(); }, onError: act.failed };
  const create = useMutation(trpc.priority.create.mutationOptions(closeAndDone));
  const update = useMutation(trpc.priority.update.mutationOptions(closeAndDone));
  const reorder = useMutation(trpc.priority.reorder.mutationOptions({ onSuccess: () => act.done(), onError: act.failed }));
  const setDefault = useMutation(trpc.priority.setDefault.mutationOptions({ onSuccess: () => act.done(), onError: act.failed }));
  const remove = useMutation(trpc.priority.delete.mutationOptions({ onSuccess: () => { setRemoving(null); act.done(tc("deleted")); }, onError: act.failed }));
  const ids = priorities.map((p) => p.id);

  return (
    <div className="space-y-4">
      <AdminList header={header} label={t("title")} testId="priorities" newLabel={t("new")} newTestId="priority-new" onNew={() => setForm({ nameRu: "", nameEn: "", color: "#64748b", isUrgent: false })}
        columns={<><TH>{t("name")}</TH><TH className="text-right">{t("tickets")}</TH></>}>
          {priorities.map((p, i) => (
            <TR key={p.id} data-testid="priority-row">
              <TD><ReorderButtons ids={ids} index={i} name={localName(p.name, locale)} disabled={reorder.isPending} onMove={(next) => reorder.mutate({ ids: next })} /></TD>
              <TD>
                <div className="flex flex-wrap items-center gap-2">
                  <Badge color={p.color}>{localName(p.name, locale)}</Badge>
                  <span className="text-xs text-ink-subtle">{locale === "en" ? p.name.ru : p.name.en}</span>
                  {p.isDefault && <Badge variant="info"><Star className="mr-0.5 inline size-3 align-[-2px]" aria-hidden /> {t("default")}</Badge>}
                  {p.isUrgent && <Badge variant="danger"><Siren className="mr-0.5 inline size-3 align-[-2px]" aria-hidden /> {t("urgent")}</Badge>}
                </div>
              </TD>
              <TD className="text-right tabular-nums">{p.ticketCount.toLocaleString(locale)}</TD>
              <TD>
                <div className="flex justify-end gap-1">
                  {!p.isDefault && <Button size="sm" variant="ghost" onClick={() => setDefault.mutate({ id: p.id })} title={t("makeDefault")}><Star className="size-4" aria-hidden /><span className="sr-only lg:not-sr-only">{t("makeDefault")}</span></Button>}
                  <Button size="icon" variant="ghost" aria-label={`${tc("edit")}: ${localName(p.name, locale)}`} onClick={() => setForm({ id: p.id, nameRu: p.name.ru, nameEn: p.name.en, color: p.color, isUrgent: p.isUrgent })} data-testid="priority-edit"><Pencil className="size-4" aria-hidden /></Button>
                  {!p.isDefault && <Button size="icon" variant="ghost" aria-label={`${tc("delete")}: ${localName(p.name, locale)}`} onClick={() => { setRemoving(p); setInto(""); }} data-testid="priority-delete"><Trash2 className="size-4 text-danger-600" aria-hidden /></Button>}
                </div>
              </TD>
            </TR>
          ))}
      </AdminList>
      <p className="text-xs text-ink-subtle">{t("orderHint")}</p>

      <Dialog open={form !== null} onOpenChange={(o) => { if (!o) setForm(null); }}>
        <DialogContent size="sm" closeLabel={tc("close")} aria-describedby={undefined}>
          {form && (
            <form onSubmit={(e) => { e.preventDefault(); const { id, ...body } = form; if (id) update.mutate({ id, ...body }); else create.mutate(body); }}>
              <DialogHeader><DialogTitle>{form.id ? t("edit") : t("new")}</DialogTitle></DialogHeader>
              <DialogBody className="space-y-4">
                <Field label={tc("nameRu")} required><Input name="nameRu" required maxLength={60} value={form.nameRu} onChange={(e) => setForm({ ...form, nameRu: e.target.value })} /></Field>
                <Field label={tc("nameEn")} required><Input name="nameEn" required maxLength={60} value={form.nameEn} onChange={(e) => setForm({ ...form, nameEn: e.target.value })} /></Field>
                <Field label={t("color")}>
                  <div className="flex items-center gap-2">
                    <input type="color" aria-label={t("color")} value={form.color} onChange={(e) => setForm({ ...form, color: e.target.value })} className="h-9 w-12 cursor-pointer rounded-md border border-line bg-surface p-1" />
                    <Badge color={form.color}>{(locale === "en" ? form.nameEn : form.nameRu) || "—"}</Badge>
                  </div>
                </Field>
                <Checkbox label={t("isUrgent")} description={t("isUrgentHint")} checked={form.isUrgent} onChange={(e) => setForm({ ...form, isUrgent: e.target.checked })} />
              </DialogBody>
              <DialogFooter>
                <DialogClose asChild><Button variant="ghost">{tc("cancel")}</Button></DialogClose>
                <Button type="submit" loading={create.isPending || update.isPending}>{form.id ? tc("save") : tc("create")}</Button>
              </DialogFooter>
            </form>
          )}
        </DialogContent>
      </Dialog>

      <Dialog open={removing !== null} onOpenChange={(o) => { if (!o) setRemoving(null); }}>
        <DialogContent size="sm" closeLabel={tc("close")}>
          {removing && (
            <form onSubmit={(e) => { e.preventDefault(); remove.mutate({ id: removing.id, ...(into ? { intoId: Number(into) } : {}) }); }}>
              <DialogHeader>
                <DialogTitle>{t("deleteTitle", { name: localName(removing.name, locale) })}</DialogTitle>
                <DialogDescription>{removing.ticketCount > 0 ? t("deleteMove", { count: removing.ticketCount }) : t("deleteUnused")}</DialogDescription>
              </DialogHeader>
              {removing.ticketCount > 0 && (
                <DialogBody>
                  <Field label={t("moveInto")} required>
                    <Select value={into} required onChange={(e) => setInto(e.target.value)} data-testid="priority-into">
                      <option value="">—</option>
                      {priorities.filter((p) => p.id !== removing.id).map((p) => <option key={p.id} value={p.id}>{localName(p.name, locale)}</option>)}
                    </Select>
                  </Field>
                </DialogBody>
              )}
              <DialogFooter>
                <DialogClose asChild><Button variant="ghost">{tc("cancel")}</Button></DialogClose>
                <Button type="submit" variant="danger" disabled={removing.ticketCount > 0 && !into} loading={remove.isPending} data-testid="priority-delete-confirm">{tc("delete")}</Button>
              </DialogFooter>
            </form>
          )}
        </DialogContent>
      </Dialog>
    </div>
  );
}
