"use client";
// The requester's name and e-mail; administrators can correct them (ticket.setRequester).
import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Pencil, Mail } from "lucide-react";
import { Avatar } from "@/app/_components/ui/avatar";
import { Button } from "@/app/_components/ui/button";
import { Input } from "@/app/_components/ui/input";
import { Field } from "@/app/_components/ui/field";
import { Dialog, DialogTrigger, DialogContent, DialogHeader, DialogTitle, DialogBody, DialogFooter, DialogClose } from "@/app/_components/ui/dialog";
import { useTRPC } from "@/app/_trpc/client";
import { useTicketVersion } from "./version-context";
import { useTicketOutcome } from "./use-ticket-mutation";

export function RequesterCard({ ticketId, requester, canEdit }: { ticketId: number; requester: { name: string; email: string }; canEdit: boolean }) {
  const t = useTranslations("staff.ticket");
  const tc = useTranslations("common.actions");
  const trpc = useTRPC();
  const { version } = useTicketVersion();
  const outcome = useTicketOutcome();
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState(requester);
  const save = useMutation(trpc.ticket.setRequester.mutationOptions({ onSuccess: (r) => { setOpen(false); outcome.onSuccess(r); }, onError: outcome.onError }));
  return (
    <div className="flex items-start gap-3" data-testid="requester">
      <Avatar name={requester.name} size="md" />
      <div className="min-w-0 flex-1">
        <div className="truncate font-medium text-ink">{requester.name}</div>
        <a href={`mailto:${requester.email}`} className="flex min-w-0 items-center gap-1 text-sm text-ink-muted hover:underline"><Mail className="size-3.5 shrink-0" aria-hidden /><span className="truncate">{requester.email}</span></a>
      </div>
      {canEdit && (
        <Dialog open={open} onOpenChange={(o) => { setOpen(o); if (o) setForm(requester); }}>
          <DialogTrigger asChild>
            <Button variant="ghost" size="icon" aria-label={t("editRequester")} title={t("editRequester")} data-testid="edit-requester"><Pencil className="size-4" aria-hidden /></Button>
          </DialogTrigger>
          <DialogContent size="sm" closeLabel={tc("close")} aria-describedby={undefined}>
            <form onSubmit={(e) => { e.preventDefault(); save.mutate({ ticketId, version, ...form }); }}>
              <DialogHeader><DialogTitle>{t("editRequester")}</DialogTitle></DialogHeader>
              <DialogBody className="space-y-4">
                <Field label={t("name")} required><Input value={form.name} required maxLength={200} onChange={(e) => setForm({ ...form, name: e.target.value })} /></Field>
                <Field label={t("email")} required><Input type="email" value={form.email} required maxLength={254} onChange={(e) => setForm({ ...form, email: e.target.value })} /></Field>
              </DialogBody>
              <DialogFooter>
                <DialogClose asChild><Button variant="ghost">{tc("cancel")}</Button></DialogClose>
                <Button type="submit" loading={save.isPending}>{tc("save")}</Button>
              </DialogFooter>
            </form>
          </DialogContent>
        </Dialog>
      )}
    </div>
  );
}
