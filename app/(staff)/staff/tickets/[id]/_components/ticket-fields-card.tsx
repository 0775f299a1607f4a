"use client";
// The staff side of issue 15 on a ticket: its priority (saved at once, like the status) and its
// custom field values (edited together, saved with the ticket's version; the history panel
// shows old → new per field).
import { useEffect, useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Select } from "@/app/_components/ui/select";
import { Button } from "@/app/_components/ui/button";
import { Field } from "@/app/_components/ui/field";
import { CustomFieldInputs, fieldErrorsOf, type FieldDefDto, type FieldDraft } from "@/app/_components/custom-field-inputs";
import { mergeFieldValues, type FieldValues } from "@/server/domain/tickets/custom-fields";
import { useTRPC } from "@/app/_trpc/client";
import { useTicketVersion } from "./version-context";
import { useTicketOutcome } from "./use-ticket-mutation";
import { useHydrated } from "@/app/_lib/use-hydrated";

export function TicketFieldsCard({ ticketId, priorityId, priorities, defs, values }: { ticketId: number; priorityId: number; priorities: Array<{ id: number; label: string }>; defs: FieldDefDto[]; values: FieldValues }) {
  const t = useTranslations("fields.ticket");
  const trpc = useTRPC();
  const { version } = useTicketVersion();
  const outcome = useTicketOutcome();
  const hydrated = useHydrated();
  const [draft, setDraft] = useState<FieldDraft>(values);
  const stored = JSON.stringify(values);
  useEffect(() => setDraft(JSON.parse(stored) as FieldDraft), [stored]);
  const setPriority = useMutation(trpc.ticket.setPriority.mutationOptions({ onSuccess: (r) => outcome.onSuccess(r), onError: outcome.onError }));
  const setFields = useMutation(trpc.ticket.setFields.mutationOptions({ onSuccess: (r) => outcome.onSuccess(r), onError: outcome.onError }));
  const changes = mergeFieldValues(values, Object.fromEntries(Object.entries(draft).map(([k, v]) => [k, v === "" ? null : v]))).changed;
  return (
    <div className="space-y-4" data-testid="ticket-fields">
      <Field label={t("priority")}>
        <Select value={String(priorityId)} onChange={(e) => setPriority.mutate({ ticketId, version, priorityId: Number(e.target.value) })} disabled={!hydrated || setPriority.isPending} data-testid="priority-select">
          {priorities.map((p) => <option key={p.id} value={p.id}>{p.label}</option>)}
        </Select>
      </Field>
      {defs.length > 0 && (
        <form className="space-y-3 border-t border-line pt-3" onSubmit={(e) => {
          e.preventDefault();
          setFields.mutate({ ticketId, version, values: Object.fromEntries(changes.map((c) => [c.field, c.to])) });
        }}>
          <fieldset disabled={!hydrated} className="space-y-3">
            <CustomFieldInputs defs={defs} values={draft} onChange={setDraft} staff narrow errors={fieldErrorsOf(setFields.error)} />
          </fieldset>
          <div className="flex justify-end">
            <Button type="submit" size="sm" disabled={changes.length === 0} loading={setFields.isPending} data-testid="fields-save">{t("saveFields")}</Button>
          </div>
        </form>
      )}
    </div>
  );
}
