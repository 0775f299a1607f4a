"use client";
// The customer's view of a ticket's priority and custom fields (issue 15.3): the values they
// may see, and — while they may edit the ticket — the fields marked "customer may edit",
// saved through ticket.setFields (the server checks the same rules again).
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { Button } from "@/app/_components/ui/button";
import { Card, CardContent } from "@/app/_components/ui/card";
import { CustomFieldInputs, fieldErrorsOf, type FieldDefDto, type FieldDraft } from "@/app/_components/custom-field-inputs";
import { fieldAccess, formatFieldValue, mergeFieldValues, type FieldValues } from "@/server/domain/tickets/custom-fields";
import { localName } from "@/app/_components/status-badge";
import { useTRPC } from "@/app/_trpc/client";

export function PortalFieldsForm({ ticketId, defs, values, canEdit }: { ticketId: number; defs: FieldDefDto[]; values: FieldValues; canEdit: boolean }) {
  const t = useTranslations("fields.ticket");
  const locale = useLocale();
  const router = useRouter();
  const trpc = useTRPC();
  const [draft, setDraft] = useState<FieldDraft>(values);
  const save = useMutation(trpc.ticket.setFields.mutationOptions({ onSuccess: () => router.refresh() }));
  const editable = canEdit && defs.some((d) => fieldAccess(d, false).edit);
  const changes = mergeFieldValues(values, Object.fromEntries(Object.entries(draft).map(([k, v]) => [k, v === "" ? null : v]))).changed;
  if (defs.length === 0) return null;
  return (
    <Card data-testid="portal-fields">
      <CardContent className="space-y-3 pt-6">
        <h2 className="text-sm font-semibold text-ink">{t("fields")}</h2>
        {editable ? (
          <form className="space-y-3" onSubmit={(e) => { e.preventDefault(); save.mutate({ ticketId, values: Object.fromEntries(changes.map((c) => [c.field, c.to])) }); }}>
            <CustomFieldInputs defs={defs} values={draft} onChange={setDraft} staff={false} errors={fieldErrorsOf(save.error)} />
            <div className="flex justify-end"><Button type="submit" size="sm" disabled={changes.length === 0} loading={save.isPending} data-testid="portal-fields-save">{t("saveFields")}</Button></div>
          </form>
        ) : (
          <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-2">
            {defs.map((d) => (
              <div key={d.id}><dt className="text-ink-muted">{localName(d.name, locale)}</dt><dd className="text-ink">{formatFieldValue(d, values[String(d.id)], locale === "en" ? "en" : "ru") || "—"}</dd></div>
            ))}
          </dl>
        )}
      </CardContent>
    </Card>
  );
}
