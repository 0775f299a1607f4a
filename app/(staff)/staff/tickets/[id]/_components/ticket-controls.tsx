"use client";
// Status, assignee and category of the ticket. Choosing a closed status while
// `closeNotesOnClose` is on opens a dialog asking for close notes before anything is saved.
import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { UserCheck } from "lucide-react";
import { Select } from "@/app/_components/ui/select";
import { Button } from "@/app/_components/ui/button";
import { Textarea } from "@/app/_components/ui/textarea";
import { Field } from "@/app/_components/ui/field";
import { Dialog, DialogContent, DialogHeader, DialogTitle, DialogDescription, DialogBody, DialogFooter, DialogClose } from "@/app/_components/ui/dialog";
import { useTRPC } from "@/app/_trpc/client";
import { useTicketVersion } from "./version-context";
import { useTicketOutcome } from "./use-ticket-mutation";

type Opt = { id: number; label: string };
type StatusOpt = Opt & { isClosed: boolean };

export function TicketControls(props: {
  ticketId: number;
  statusId: number;
  categoryId: number;
  assigneeId: number | null;
  meId: number;
  statuses: StatusOpt[];
  categories: Opt[];
  agents: Opt[];
  closeNotesOnClose: boolean;
}) {
  const t = useTranslations("staff.ticket");
  const tc = useTranslations("common.actions");
  const trpc = useTRPC();
  const { version } = useTicketVersion();
  const outcome = useTicketOutcome();
  const [closing, setClosing] = useState<StatusOpt | null>(null);
  const [note, setNote] = useState("");

  const setStatus = useMutation(trpc.ticket.setStatus.mutationOptions({ onSuccess: (r) => { setClosing(null); setNote(""); outcome.onSuccess(r); }, onError: outcome.onError }));
  const assign = useMutation(trpc.ticket.assign.mutationOptions({ onSuccess: (r) => outcome.onSuccess(r), onError: outcome.onError }));
  const setCategory = useMutation(trpc.ticket.setCategory.mutationOptions({ onSuccess: (r) => outcome.onSuccess(r), onError: outcome.onError }));

  const chooseStatus = (id: number) => {
    const s = props.statuses.find((x) => x.id === id);
    if (!s || id === props.statusId) return;
    if (s.isClosed && props.closeNotesOnClose) setClosing(s);
    else setStatus.mutate({ ticketId: props.ticketId, version, statusId: id });
  };

  return (
    <div className="space-y-4" data-testid="ticket-controls">
      <Field label={t("status")}>
        <Select value={String(props.statusId)} onChange={(e) => chooseStatus(Number(e.target.value))} disabled={setStatus.isPending} data-testid="status-select">
          {props.statuses.map((s) => <option key={s.id} value={s.id}>{s.label}</option>)}
        </Select>
      </Field>
      <Field
        label={t("assignee")}
        labelAside={
          props.assigneeId !== props.meId ? (
            <Button variant="link" size="sm" className="h-auto p-0 text-xs" onClick={() => assign.mutate({ ticketId: props.ticketId, version, assigneeId: props.meId })} data-testid="assign-me">
              <UserCheck className="size-3.5" aria-hidden /> {t("assignToMe")}
            </Button>
          ) : undefined
        }
      >
        <Select
          value={props.assigneeId ? String(props.assigneeId) : ""}
          onChange={(e) => assign.mutate({ ticketId: props.ticketId, version, assigneeId: e.target.value ? Number(e.target.value) : null })}
          disabled={assign.isPending}
          data-testid="assignee-select"
        >
          <option value="">{t("nobody")}</option>
          {props.agents.map((a) => <option key={a.id} value={a.id}>{a.label}</option>)}
        </Select>
      </Field>
      <Field label={t("category")}>
        <Select value={String(props.categoryId)} onChange={(e) => setCategory.mutate({ ticketId: props.ticketId, version, categoryId: Number(e.target.value) })} disabled={setCategory.isPending} data-testid="category-select">
          {!props.categories.some((c) => c.id === props.categoryId) && <option value={props.categoryId}>—</option>}
          {props.categories.map((c) => <option key={c.id} value={c.id}>{c.label}</option>)}
        </Select>
      </Field>

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
