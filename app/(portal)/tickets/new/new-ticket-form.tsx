"use client";
import { useCallback, useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { MailCheck } from "lucide-react";
import { Button } from "@/app/_components/ui/button";
import { Input } from "@/app/_components/ui/input";
import { Select } from "@/app/_components/ui/select";
import { Field } from "@/app/_components/ui/field";
import { Alert } from "@/app/_components/ui/alert";
import { Card, CardContent } from "@/app/_components/ui/card";
import { useTRPC } from "@/app/_trpc/client";
import { errorInfo } from "@/app/_lib/trpc-error";
import { MarkdownField } from "../../_components/markdown-field";
import { AttachmentPicker, type UploadLimits } from "@/app/_components/attachment-picker";
import { KbSuggestions, markKbSuggestionsSubmitted } from "./kb-suggestions";
import { CategorySelect, firstSelectable, type PickerCategory } from "@/app/_components/category-select";
import { CustomFieldInputs, fieldErrorsOf, type FieldDefDto, type FieldDraft } from "@/app/_components/custom-field-inputs";
import { fieldsForCategory } from "@/server/domain/tickets/custom-fields";

type Priority = { id: number; name: { ru: string; en: string }; isDefault: boolean };

/** `priorities`: offered only when the settings let customers choose (canSetPriority); `fields`: every definition the customer may see. */
export function NewTicketForm({ categories, guest, uploads, uploadsLater, priorities, fields }: { categories: PickerCategory[]; guest: boolean; uploads: UploadLimits | null; uploadsLater: boolean; priorities: Priority[] | null; fields: FieldDefDto[] }) {
  const t = useTranslations("portal.new");
  const te = useTranslations("errors");
  const locale = useLocale();
  const router = useRouter();
  const trpc = useTRPC();
  const [form, setForm] = useState({ title: "", body: "", categoryId: firstSelectable(categories), name: "", email: "", website: "", priorityId: priorities?.find((p) => p.isDefault)?.id ?? 0 });
  const [values, setValues] = useState<FieldDraft>({});
  const category = categories.find((c) => c.id === form.categoryId);
  // only the chosen category's fields (its own, its parent's, the global ones), updating as it changes
  const shown = category ? fieldsForCategory(fields, category.id, category.parentId) : [];
  const [files, setFiles] = useState<{ ids: string[]; busy: boolean }>({ ids: [], busy: false });
  const [done, setDone] = useState<{ email: string } | null>(null);
  // markKbSuggestionsSubmitted: a ticket was opened after the help-center suggestions (deflection report)
  const create = useMutation(
    trpc.ticket.create.mutationOptions({
      onSuccess: (r) => {
        markKbSuggestionsSubmitted();
        router.push(`/tickets/${r.id}`);
      },
    }),
  );
  const createGuest = useMutation(
    trpc.ticket.createGuest.mutationOptions({
      onSuccess: () => {
        markKbSuggestionsSubmitted();
        setDone({ email: form.email });
      },
    }),
  );
  const busy = create.isPending || createGuest.isPending;
  const failed = create.error ?? createGuest.error;
  const onFiles = useCallback((ids: string[], busy: boolean) => setFiles({ ids, busy }), []);
  const err = failed ? errorInfo(failed) : null;
  const fe = (k: string) => (err?.fieldErrors[k] ? te(err.fieldErrors[k] as never) : undefined);

  if (done) {
    return (
      <Card data-testid="guest-created">
        <CardContent className="flex flex-col items-center gap-3 py-10 text-center">
          <span className="inline-flex size-12 items-center justify-center rounded-full bg-success-50 text-success-700"><MailCheck className="size-6" aria-hidden /></span>
          {/* the same answer whether or not the address has an account: the mail says what happened */}
          <h2 className="text-xl font-semibold text-ink">{t("guestSentTitle")}</h2>
          <p className="max-w-md text-sm text-ink-muted">{t("guestSentBody", { email: done.email })}</p>
          <Button variant="outline" onClick={() => { setDone(null); setForm({ ...form, title: "", body: "" }); createGuest.reset(); }}>{t("anotherTicket")}</Button>
        </CardContent>
      </Card>
    );
  }

  return (
    <Card>
      <CardContent className="pt-6">
        <form
          className="space-y-5"
          data-testid="new-ticket-form"
          onSubmit={(e) => {
            e.preventDefault();
            const customFields = Object.fromEntries(shown.map((d) => [String(d.id), values[String(d.id)] ?? null]).filter(([, v]) => v !== null));
            const extra = { customFields, ...(priorities && form.priorityId ? { priorityId: form.priorityId } : {}) };
            const base = { title: form.title, body: form.body, categoryId: form.categoryId, attachmentIds: files.ids, ...extra };
            if (guest) createGuest.mutate({ title: form.title, body: form.body, categoryId: form.categoryId, name: form.name, email: form.email, website: form.website, locale: locale === "en" ? "en" : "ru", ...extra });
            else create.mutate(base);
          }}
        >
          {err && !Object.keys(err.fieldErrors).length && err.reason !== "INVALID_CUSTOM_FIELDS" && (
            <Alert variant="danger" data-testid="form-error">
              {te(err.reason as never)}
            </Alert>
          )}
          {guest && (
            <fieldset className="space-y-4 rounded-lg border border-line bg-subtle/40 p-4" data-testid="guest-fields">
              <legend className="px-1 text-sm font-semibold text-ink">{t("guestTitle")}</legend>
              <p className="-mt-2 text-sm text-ink-muted">
                {t("guestDescription")} {t("haveAccount")} <Link className="font-medium text-primary-700 underline underline-offset-2" href="/sign-in?next=/tickets/new">{t("signIn")}</Link>
              </p>
              <div className="grid gap-4 sm:grid-cols-2">
                <Field label={t("name")} error={fe("name")} required>
                  <Input name="name" autoComplete="name" value={form.name} maxLength={120} onChange={(e) => setForm({ ...form, name: e.target.value })} required />
                </Field>
                <Field label={t("email")} hint={t("emailHint")} error={fe("email")} required>
                  <Input name="email" type="email" autoComplete="email" value={form.email} maxLength={254} onChange={(e) => setForm({ ...form, email: e.target.value })} required />
                </Field>
              </div>
              {/* honeypot: invisible to people, tempting to bots */}
              <div aria-hidden="true" className="absolute -left-[10000px] h-px w-px overflow-hidden">
                <label>
                  {t("website")}
                  <input name="website" tabIndex={-1} autoComplete="off" value={form.website} onChange={(e) => setForm({ ...form, website: e.target.value })} />
                </label>
              </div>
            </fieldset>
          )}
          <Field label={t("subject")} error={fe("title")} required>
            <Input name="title" value={form.title} maxLength={200} onChange={(e) => setForm({ ...form, title: e.target.value })} required />
          </Field>
          <KbSuggestions query={form.title} />
          <Field label={t("category")} error={fe("categoryId")}>
            <CategorySelect name="categoryId" categories={categories} value={form.categoryId} onChange={(categoryId) => setForm({ ...form, categoryId })} />
          </Field>
          {priorities && (
            <Field label={t("priority")}>
              <Select name="priorityId" value={form.priorityId} onChange={(e) => setForm({ ...form, priorityId: Number(e.target.value) })} data-testid="priority-select">
                {priorities.map((p) => <option key={p.id} value={p.id}>{locale === "en" ? p.name.en : p.name.ru}</option>)}
              </Select>
            </Field>
          )}
          <CustomFieldInputs defs={shown} values={values} onChange={setValues} staff={false} errors={fieldErrorsOf(failed)} />
          <Field label={t("body")} hint={t("bodyHint")} error={fe("body")} required>
            <MarkdownField name="body" preview={!guest} value={form.body} onChange={(body) => setForm((f) => ({ ...f, body }))} />
          </Field>
          {uploads ? (
            <Field label={t("attachments")}>
              <div><AttachmentPicker limits={uploads} onChange={onFiles} /></div>
            </Field>
          ) : (
            uploadsLater && <p className="text-sm text-ink-muted">{t("uploadsGuest")}</p>
          )}
          <div className="flex justify-end">
            <Button type="submit" size="lg" loading={busy} disabled={files.busy}>{t("submit")}</Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
