"use client";
// Canned replies: list, create, edit, delete.
import { MessageSquareText } from "lucide-react";
import { Input } from "@/app/_components/ui/input";
import { Textarea } from "@/app/_components/ui/textarea";
import { Field } from "@/app/_components/ui/field";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { AdminList } from "../../_admin/admin-list";
import { EditDialog } from "../../_admin/edit-dialog";
import { EditButton, DeleteButton } from "../../_admin/row-actions";
import { useAdminManager } from "../../_admin/use-admin-manager";
import { useAdminMutation } from "../../_admin/use-admin-mutation";

type Item = { id: number; title: string; body: string };

export function CannedManager({ items, header }: { items: Item[]; header: React.ReactNode }) {
  const { t, tc, trpc, form, setForm, close } = useAdminManager<Omit<Item, "id"> & { id?: number }>("admin.canned");
  const remove = useAdminMutation(trpc.cannedReply.delete, { message: tc("deleted") });
  return (
    <div className="space-y-4">
      <AdminList header={header} label={t("title")} testId="canned-list" newLabel={t("new")} newTestId="canned-new" onNew={() => setForm({ title: "", body: "" })}
        empty={items.length === 0 && <EmptyState bordered icon={<MessageSquareText />} title={t("empty")} />}>
        {items.map((c) => (
          <li key={c.id} className="flex items-start gap-3 px-4 py-3">
            <div className="min-w-0 flex-1">
              <div className="font-medium text-ink">{c.title}</div>
              <p className="line-clamp-2 text-sm whitespace-pre-wrap text-ink-muted">{c.body}</p>
            </div>
            <EditButton name={c.title} onClick={() => setForm(c)} />
            <DeleteButton name={c.title} confirm={t("deleteConfirm", { title: c.title })} onDelete={() => remove.mutate({ id: c.id })} />
          </li>
        ))}
      </AdminList>
      <EditDialog form={form} onClose={close} size="lg" create={trpc.cannedReply.create} update={trpc.cannedReply.update} toBody={(f) => ({ title: f.title, body: f.body })} titles={[t("new"), t("edit")]}>
        {(f) => (
          <>
            <Field label={t("titleLabel")} required><Input name="title" required maxLength={200} value={f.title} onChange={(e) => setForm({ ...f, title: e.target.value })} /></Field>
            <Field label={t("body")} required hint="{{customer.name}} · {{ticket.number}} · {{agent.name}}">
              <Textarea name="body" required rows={8} maxLength={20000} value={f.body} onChange={(e) => setForm({ ...f, body: e.target.value })} />
            </Field>
          </>
        )}
      </EditDialog>
    </div>
  );
}
