"use client";
// The staff "new ticket" form: customer, subject, category, text, files, and "do not notify".
import { useCallback, useState } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { Button } from "@/app/_components/ui/button";
import { Input } from "@/app/_components/ui/input";
import { CategorySelect, firstSelectable, type PickerCategory } from "@/app/_components/category-select";
import { Field } from "@/app/_components/ui/field";
import { Alert } from "@/app/_components/ui/alert";
import { Checkbox } from "@/app/_components/ui/checkbox";
import { Textarea } from "@/app/_components/ui/textarea";
import { Card, CardContent } from "@/app/_components/ui/card";
import { AttachmentPicker, type UploadLimits } from "@/app/_components/attachment-picker";
import { useTRPC } from "@/app/_trpc/client";
import { errorInfo } from "@/app/_lib/trpc-error";
import { useErrorText } from "../../_lib/use-error-text";
import { CustomerPicker, type PickedCustomer } from "./customer-picker";

export function StaffNewTicketForm({ categories, uploads }: { categories: PickerCategory[]; uploads: UploadLimits }) {
  const t = useTranslations("ticket-actions.new");
  const te = useTranslations("errors");
  const locale = useLocale() === "en" ? "en" : "ru";
  const router = useRouter();
  const trpc = useTRPC();
  const errorText = useErrorText();
  const [customer, setCustomer] = useState<PickedCustomer>(null);
  const [form, setForm] = useState({ title: "", body: "", categoryId: firstSelectable(categories), quiet: false });
  const [files, setFiles] = useState<{ ids: string[]; busy: boolean }>({ ids: [], busy: false });
  const onFiles = useCallback((ids: string[], busy: boolean) => setFiles({ ids, busy }), []);
  const create = useMutation(trpc.ticket.createForCustomer.mutationOptions({ onSuccess: (r) => router.push(`/staff/tickets/${r.id}`) }));
  const err = create.error ? errorInfo(create.error) : null;
  const fe = (k: string) => (err?.fieldErrors[k] ? te(err.fieldErrors[k] as never) : undefined);
  const [missing, setMissing] = useState(false);
  return (
    <Card>
      <CardContent className="pt-6">
        <form
          className="space-y-5"
          data-testid="staff-new-ticket-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (!customer) return setMissing(true);
            const c = "userId" in customer ? { userId: customer.userId } : { email: customer.email, name: customer.name || undefined, locale: customer.locale };
            create.mutate({ title: form.title, body: form.body, categoryId: form.categoryId, attachmentIds: files.ids, customer: c, notifyCustomer: !form.quiet });
          }}
        >
          {err && !Object.keys(err.fieldErrors).length && <Alert variant="danger" data-testid="form-error">{errorText(create.error)}</Alert>}
          <CustomerPicker value={customer} onChange={(c) => { setCustomer(c); setMissing(false); }} defaultLocale={locale} error={missing ? t("customerRequired") : fe("customer.email")} />
          <Field label={t("subject")} error={fe("title")} required>
            <Input name="title" value={form.title} maxLength={200} onChange={(e) => setForm({ ...form, title: e.target.value })} required />
          </Field>
          <Field label={t("category")}>
            <CategorySelect name="categoryId" categories={categories} value={form.categoryId} onChange={(categoryId) => setForm({ ...form, categoryId })} data-testid="category-select" />
          </Field>
          <Field label={t("body")} hint={t("bodyHint")} error={fe("body")} required>
            <Textarea name="body" rows={8} value={form.body} maxLength={50_000} onChange={(e) => setForm({ ...form, body: e.target.value })} required />
          </Field>
          <Field label={t("attachments")}><div><AttachmentPicker limits={uploads} onChange={onFiles} /></div></Field>
          <Checkbox name="quiet" checked={form.quiet} onChange={(e) => setForm({ ...form, quiet: e.target.checked })} label={t("doNotNotify")} description={t("doNotNotifyHint")} data-testid="do-not-notify" />
          <div className="flex justify-end">
            <Button type="submit" size="lg" loading={create.isPending} disabled={files.busy}>{t("submit")}</Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
