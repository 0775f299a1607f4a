"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { Button } from "@/app/_components/ui/button";
import { Input } from "@/app/_components/ui/input";
import { Textarea } from "@/app/_components/ui/textarea";
import { Select } from "@/app/_components/ui/select";
import { Field } from "@/app/_components/ui/field";
import { Alert } from "@/app/_components/ui/alert";
import { Card, CardContent } from "@/app/_components/ui/card";
import { useTRPC } from "@/app/_trpc/client";
import { errorInfo } from "@/app/_lib/trpc-error";

type Category = { id: number; name: { ru: string; en: string } };

export function NewTicketForm({ categories }: { categories: Category[] }) {
  const t = useTranslations("portal.new");
  const tf = useTranslations("auth.fields");
  const te = useTranslations("errors");
  const locale = useLocale();
  const router = useRouter();
  const trpc = useTRPC();
  const [form, setForm] = useState({ title: "", body: "", categoryId: categories[0]?.id ?? 0 });
  const create = useMutation(trpc.ticket.create.mutationOptions({ onSuccess: (r) => router.push(`/tickets/${r.id}`) }));
  const err = create.error ? errorInfo(create.error) : null;
  const fe = (k: string) => (err?.fieldErrors[k] ? tf(err.fieldErrors[k] as never) : undefined);

  return (
    <Card>
      <CardContent className="pt-6">
        <form
          className="space-y-5"
          data-testid="new-ticket-form"
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate(form);
          }}
        >
          {err && !Object.keys(err.fieldErrors).length && <Alert variant="danger">{te(err.reason as never)}</Alert>}
          <Field label={t("subject")} error={fe("title")}>
            <Input name="title" value={form.title} maxLength={200} onChange={(e) => setForm({ ...form, title: e.target.value })} required />
          </Field>
          <Field label={t("category")} error={fe("categoryId")}>
            <Select name="categoryId" value={form.categoryId} onChange={(e) => setForm({ ...form, categoryId: Number(e.target.value) })}>
              {categories.map((c) => (
                <option key={c.id} value={c.id}>{locale === "en" ? c.name.en : c.name.ru}</option>
              ))}
            </Select>
          </Field>
          <Field label={t("body")} hint={t("bodyHint")} error={fe("body")}>
            <Textarea name="body" rows={8} value={form.body} onChange={(e) => setForm({ ...form, body: e.target.value })} required />
          </Field>
          <div className="flex justify-end">
            <Button type="submit" loading={create.isPending}>{t("submit")}</Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
