"use client";
// Status, assignee and category of the ticket. Choosing a closed status while
// `closeNotesOnClose` is on opens a dialog asking for close notes before anything is saved.
// A category whose required custom fields the ticket lacks opens CategoryMoveDialog first.
import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { UserCheck } from "lucide-react";
import { Select } from "@/app/_components/ui/select";
import { Button } from "@/app/_components/ui/button";
import { Textarea } from "@/app/_components/ui/textarea";
import { Field } from "@/app/_components/ui/field";
import { Dialog, DialogContent, DialogHeader, DialogTitle, DialogDescription, DialogBody, DialogFooter, DialogClose } from "@/app/_components/ui/dialog";
import { useTRPC } from "@/app/_trpc/client";
import { useTicketVersion } from "./version-context";
import { useTicketOutcome } from "./use-ticket-mutation";
import { useHydrated } from "@/app/_lib/use-hydrated";
import { CategorySelect, type PickerCategory } from "@/app/_components/category-select";
import { defsForPicked, fieldErrorsOf, missingRequired, type FieldDefDto, type FieldDraft } from "@/app/_components/custom-field-inputs";
import { localName } from "@/app/_components/status-badge";
import { CategoryMoveDialog, type PendingMove } from "./category-move-dialog";

type Opt = { id: number; label: string };
type StatusOpt = Opt & { isClosed: boolean };

export function TicketControls(props: {
  ticketId: number;
  statusId: number;
  categoryId: number;
  assigneeId: number | null;
  meId: number;
  statuses: StatusOpt[];
  categories: PickerCategory[];
  agents: Opt[];
  closeNotesOnClose: boolean;
  fieldDefs: FieldDefDto[];
  fieldValues: FieldDraft;
}) {
  const t = useTranslations("staff.ticket");
  const tc = useTranslations("common.actions");
  const trpc = useTRPC();
  const { version } = useTicketVersion();
  const outcome = useTicketOutcome();
  const hydrated = useHydrated();
  const [closing, setClosing] = useState<StatusOpt | null>(null);
  const [note, setNote] = useState("");

  const setStatus = useMutation(trpc.ticket.setStatus.mutationOptions({ onSuccess: (r) => { setClosing(null); setNote(""); outcome.onSuccess(r); }, onError: outcome.onError }));
  const assign = useMutation(trpc.ticket.assign.mutationOptions({ onSuccess: (r) => outcome.onSuccess(r), onError: outcome.onError }));
  const [move, setMove] = useState<PendingMove | null>(null);
  const locale = useLocale();
  const setCategory = useMutation(trpc.ticket.setCategory.mutationOptions({
    onSuccess: (r) => { setMove(null); outcome.onSuccess(r); },
    // the server found a required field empty (another tab changed the values): ask for it here
    onError: (e, input) => {
      if (Object.keys(fieldErrorsOf(e)).length) setMove((m) => m ?? moveTo(input.categoryId));
      else outcome.onError(e);
    },
  }));
  const moveTo = (categoryId: number): PendingMove => {
    const c = props.categories.find((x) => x.id === categoryId);
    return { categoryId, label: c ? localName(c.name, locale) : "", defs: defsForPicked(props.fieldDefs, props.categories, categoryId) };
  };
  const chooseCategory = (categoryId: number) => {
    if (!categoryId || categoryId === props.categoryId) return;
    const m = moveTo(categoryId);
    if (missingRequired(m.defs, props.fieldValues, true).length) setMove(m);
    else setCategory.mutate({ ticketId: props.ticketId, version, categoryId });
  };

  const chooseStatus = (id: number) => {
    const s = props.statuses.find((x) => x.id === id);
    if (!s || id === props.statusId) return;
    if (s.isClosed && props.closeNotesOnClose) setClosing(s);
    else setStatus.mutate({ ticketId: props.ticketId, version, statusId: id });
  };

  return (
    <div className="space-y-4" data-testid="ticket-controls">
      <Field label={t("status")}>
        <Select value={String(props.statusId)} onChange={(e) => chooseStatus(Number(e.target.value))} disabled={!hydrated || setStatus.isPending} data-testid="status-select">
          {props.statuses.map((s) => <option key={s.id} value={s.id}>{s.label}</option>)}
        </Select>
      </Field>
      <Field
        label={t("assignee")}
        labelAside={
          props.assigneeId !== props.meId ? (
            <Button variant="link" size="sm" className="h-auto p-0 text-xs" onClick={() => assign.mutate({ ticketId: props.ticketId, version, assigneeId: props.meId })} disabled={!hydrated} data-testid="assign-me">
              <UserCheck className="size-3.5" aria-hidden /> {t("assignToMe")}
            </Button>
          ) : undefined
        }
      >
        <Select
          value={props.assigneeId ? String(props.assigneeId) : ""}
          onChange={(e) => assign.mutate({ ticketId: props.ticketId, version, assigneeId: e.target.value ? Number(e.target.value) : null })}
          disabled={!hydrated || assign.isPending}
          data-testid="assignee-select"
        >
          <option value="">{t("nobody")}</option>
          {props.agents.map((a) => <option key={a.id} value={a.id}>{a.label}</option>)}
        </Select>
      </Field>
      <Field label={t("category")}>
        <CategorySelect categories={props.categories} value={props.categoryId} onChange={chooseCategory} disabled={!hydrated || setCategory.isPending} data-testid="category-select" />
      </Field>
      <CategoryMoveDialog
        key={move?.categoryId ?? 0}
        move={move}
        values={props.fieldValues}
        errors={fieldErrorsOf(setCategory.error)}
        pending={setCategory.isPending}
        onSubmit={(customFields) => move && setCategory.mutate({ ticketId: props.ticketId, version, categoryId: move.categoryId, customFields })}
        onClose={() => { setMove(null); setCategory.reset(); }}
      />

      <Dialog open={closing !== null} onOpenChange={(o) => { if (!o) setClosing(null); }}>
        <DialogContent size="md" closeLabel={tc("close")} data-testid="close-dialog">
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (closing) setStatus.mutate({ ticketId: props.ticketId, version, statusId: closing.id, closeNote: note });
            }}
          >
            <DialogHeader>
              <DialogTitle>{t("closeTitle")}{closing ? ` · ${closing.label}` : ""}</DialogTitle>
              <DialogDescription>{t("closeDescription")}</DialogDescription>
            </DialogHeader>
            <DialogBody>
              <Field label={t("closeNote")} required>
                <Textarea name="closeNote" rows={5} autoFocus required value={note} placeholder={t("closeNotePlaceholder")} onChange={(e) => setNote(e.target.value)} />
              </Field>
            </DialogBody>
            <DialogFooter>
              <DialogClose asChild><Button variant="ghost">{tc("cancel")}</Button></DialogClose>
              <Button type="submit" loading={setStatus.isPending} disabled={!note.trim()}>{t("closeConfirm")}</Button>
            </DialogFooter>
          </form>
        </DialogContent>
      </Dialog>
    </div>
  );
}
