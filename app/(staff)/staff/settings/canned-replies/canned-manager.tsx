"use client";
// Canned replies: list, create, edit, delete.
import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { MessageSquareText, Pencil, Plus, Trash2 } from "lucide-react";
import { Button } from "@/app/_components/ui/button";
import { Input } from "@/app/_components/ui/input";
import { Textarea } from "@/app/_components/ui/textarea";
import { Field } from "@/app/_components/ui/field";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { Dialog, DialogContent, DialogHeader, DialogTitle, DialogBody, DialogFooter, DialogClose } from "@/app/_components/ui/dialog";
import { useTRPC } from "@/app/_trpc/client";
import { useAdminAction } from "../../_admin/use-admin-action";

type Item = { id: number; title: string; body: string };

export function CannedManager({ items, header }: { items: Item[]; header: React.ReactNode }) {
  const t = useTranslations("admin.canned");
  const tc = useTranslations("admin.common");
  const trpc = useTRPC();
  const act = useAdminAction();
  const [form, setForm] = useState<(Omit<Item, "id"> & { id?: number }) | null>(null);
  const closeAndDone = { onSuccess: () => { setForm(null); act.done(); }, onError: act.failed };
  const create = useMutation(trpc.cannedReply.create.mutationOptions(closeAndDone));
  const update = useMutation(trpc.cannedReply.update.mutationOptions(closeAndDone));
  const remove = useMutation(trpc.cannedReply.delete.mutationOptions({ onSuccess: () => act.done(tc("deleted")), onError: act.failed }));
  return (
    <div className="space-y-4">
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        {header}
        <Button onClick={() => setForm({ title: "", body: "" })} data-testid="canned-new"><Plus className="size-4" aria-hidden /> {t("new")}</Button>
      </div>
      {items.length === 0 ? (
        <EmptyState bordered icon={<MessageSquareText />} title={t("empty")} />
      ) : (
        <ul className="divide-y divide-line overflow-hidden rounded-xl border border-line bg-surface shadow-xs" data-testid="canned-list">
          {items.map((c) => (
            <li key={c.id} className="flex items-start gap-3 px-4 py-3">
              <div className="min-w-0 flex-1">
                <div className="font-medium text-ink">{c.title}</div>
                <p className="line-clamp-2 text-sm whitespace-pre-wrap text-ink-muted">{c.body}</p>
              </div>
              <Button size="icon" variant="ghost" aria-label={`${tc("edit")}: ${c.title}`} onClick={() => setForm(c)}><Pencil className="size-4" aria-hidden /></Button>
              <Button size="icon" variant="ghost" aria-label={`${tc("delete")}: ${c.title}`} onClick={() => { if (window.confirm(t("deleteConfirm", { title: c.title }))) remove.mutate({ id: c.id }); }}><Trash2 className="size-4 text-danger-600" aria-hidden /></Button>
            </li>
          ))}
        </ul>
      )}
      <Dialog open={form !== null} onOpenChange={(o) => { if (!o) setForm(null); }}>
        <DialogContent size="lg" closeLabel={tc("close")} aria-describedby={undefined}>
          {form && (
            <form onSubmit={(e) => { e.preventDefault(); if (form.id) update.mutate({ id: form.id, title: form.title, body: form.body }); else create.mutate({ title: form.title, body: form.body }); }}>
              <DialogHeader><DialogTitle>{form.id ? t("edit") : t("new")}</DialogTitle></DialogHeader>
              <DialogBody className="space-y-4">
                <Field label={t("titleLabel")} required><Input name="title" required maxLength={200} value={form.title} onChange={(e) => setForm({ ...form, title: e.target.value })} /></Field>
                <Field label={t("body")} required hint="{{customer.name}} · {{ticket.number}} · {{agent.name}}">
                  <Textarea name="body" required rows={8} maxLength={20000} value={form.body} onChange={(e) => setForm({ ...form, body: e.target.value })} />
                </Field>
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
