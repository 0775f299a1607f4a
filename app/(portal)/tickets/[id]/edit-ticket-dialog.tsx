"use client";
// "Edit" on the customer's own ticket (shown only when permissions.canEdit): title, category
// and text through ticket.update; the server keeps every change in the history. Choosing
// another category shows that category's custom fields (filled with the ticket's values): the
// server refuses the move while one of its required fields is empty, and the errors show here.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { Pencil } from "lucide-react";
import { Button } from "@/app/_components/ui/button";
import { Input } from "@/app/_components/ui/input";
import { CategorySelect, type PickerCategory } from "@/app/_components/category-select";
import { CustomFieldInputs, defsForPicked, editableDraft, fieldErrorsOf, type FieldDefDto, type FieldDraft } from "@/app/_components/custom-field-inputs";
import { Field } from "@/app/_components/ui/field";
import { Alert } from "@/app/_components/ui/alert";
import { Dialog, DialogTrigger, DialogContent, DialogHeader, DialogTitle, DialogDescription, DialogBody, DialogFooter, DialogClose } from "@/app/_components/ui/dialog";
import { useToast } from "@/app/_components/ui/toast";
import { useTRPC } from "@/app/_trpc/client";
import { errorInfo } from "@/app/_lib/trpc-error";
import { MarkdownField } from "../../_components/markdown-field";

type EditedTicket = { id: number; title: string; body: string; categoryId: number; customFields: FieldDraft };

export function EditTicketDialog({ ticket, categories, fields }: { ticket: EditedTicket; categories: PickerCategory[]; fields: FieldDefDto[] }) {
  const t = useTranslations("portal.ticket");
  const te = useTranslations("errors");
  const router = useRouter();
  const trpc = useTRPC();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState({ title: ticket.title, body: ticket.body, categoryId: ticket.categoryId });
  const [values, setValues] = useState<FieldDraft>(ticket.customFields);
  // the fields come along only with a new category; the ticket's own ones are edited beside the thread
  const moved = form.categoryId !== ticket.categoryId;
  const shown = moved ? defsForPicked(fields, categories, form.categoryId) : [];
  const save = useMutation(
    trpc.ticket.update.mutationOptions({
      onSuccess: () => {
        setOpen(false);
        toast.toast({ title: t("saved"), variant: "success" });
        router.refresh();
      },
    }),
  );
  const err = save.error ? errorInfo(save.error) : null;
  const fe = (k: string) => (err?.fieldErrors[k] ? te(err.fieldErrors[k] as never) : undefined);
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o) {
          setForm({ title: ticket.title, body: ticket.body, categoryId: ticket.categoryId });
          setValues(ticket.customFields);
          save.reset();
        }
      }}
    >
      <DialogTrigger asChild>
        <Button variant="outline" size="sm" data-testid="edit-ticket"><Pencil aria-hidden /> {t("edit")}</Button>
      </DialogTrigger>
      <DialogContent size="lg" closeLabel={t("cancel")}>
        <form
          data-testid="edit-ticket-form"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate({ ticketId: ticket.id, ...form, ...(moved ? { customFields: editableDraft(shown, values, false) } : {}) });
          }}
        >
          <DialogHeader>
            <DialogTitle>{t("editTitle")}</DialogTitle>
            <DialogDescription>{t("editDescription")}</DialogDescription>
          </DialogHeader>
          <DialogBody className="space-y-4">
            {err && !Object.keys(err.fieldErrors).length && err.reason !== "INVALID_CUSTOM_FIELDS" && <Alert variant="danger">{te(err.reason as never)}</Alert>}
            <Field label={t("subject")} error={fe("title")}>
              <Input name="title" value={form.title} maxLength={200} onChange={(e) => setForm({ ...form, title: e.target.value })} required />
            </Field>
            <Field label={t("category")} error={fe("categoryId")}>
              <CategorySelect name="categoryId" categories={categories} value={form.categoryId} onChange={(categoryId) => setForm({ ...form, categoryId })} data-testid="edit-category" />
            </Field>
            <CustomFieldInputs defs={shown} values={values} onChange={setValues} staff={false} errors={fieldErrorsOf(save.error)} />
            <Field label={t("body")} error={fe("body")}>
              <MarkdownField name="body" rows={8} value={form.body} onChange={(body) => setForm((f) => ({ ...f, body }))} />
            </Field>
          </DialogBody>
          <DialogFooter>
            <DialogClose asChild><Button variant="ghost">{t("cancel")}</Button></DialogClose>
            <Button type="submit" loading={save.isPending}>{t("save")}</Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
