"use client";
// Edit / delete buttons on one's own reply or note (issue 15.8), shown only where the DTO says the
// server will accept it (message.canEdit). The original text stays in the ticket's history.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Pencil, Trash2 } from "lucide-react";
import { Button } from "@/app/_components/ui/button";
import { Textarea } from "@/app/_components/ui/textarea";
import { useToast } from "@/app/_components/ui/toast";
import { Dialog, DialogTrigger, DialogContent, DialogHeader, DialogTitle, DialogDescription, DialogBody, DialogFooter, DialogClose } from "@/app/_components/ui/dialog";
import { useTRPC } from "@/app/_trpc/client";
import { errorInfo } from "@/app/_lib/trpc-error";

export function MessageActions({ messageId, body }: { messageId: number; body: string }) {
  const t = useTranslations("ticket-actions.edit");
  const tc = useTranslations("common.actions");
  const te = useTranslations("errors");
  const trpc = useTRPC();
  const router = useRouter();
  const { toast } = useToast();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [text, setText] = useState(body);
  const fail = (e: unknown) => {
    const { reason } = errorInfo(e);
    toast({ title: te.has(reason as never) ? te(reason as never) : te("generic"), variant: "danger" });
  };
  const done = (msg: string) => () => { setEditing(false); setDeleting(false); toast({ title: msg, variant: "success" }); router.refresh(); };
  const edit = useMutation(trpc.ticket.editMessage.mutationOptions({ onSuccess: done(t("saved")), onError: fail }));
  const del = useMutation(trpc.ticket.deleteMessage.mutationOptions({ onSuccess: done(t("deleted")), onError: fail }));
  return (
    <span className="inline-flex items-center gap-0.5 print:hidden" data-testid="message-actions">
      <Dialog open={editing} onOpenChange={(o) => { setEditing(o); if (o) setText(body); }}>
        <DialogTrigger asChild>
          <Button variant="ghost" size="icon" className="size-7" aria-label={t("edit")} title={t("edit")} data-testid="edit-message"><Pencil className="size-3.5" aria-hidden /></Button>
        </DialogTrigger>
        <DialogContent closeLabel={tc("close")}>
          <form onSubmit={(e) => { e.preventDefault(); edit.mutate({ messageId, body: text }); }}>
            <DialogHeader>
              <DialogTitle>{t("editTitle")}</DialogTitle>
              <DialogDescription>{t("editHint")}</DialogDescription>
            </DialogHeader>
            <DialogBody><Textarea rows={8} value={text} maxLength={50_000} onChange={(e) => setText(e.target.value)} required aria-label={t("editTitle")} /></DialogBody>
            <DialogFooter>
              <DialogClose asChild><Button variant="ghost">{tc("cancel")}</Button></DialogClose>
              <Button type="submit" loading={edit.isPending} disabled={!text.trim()}>{tc("save")}</Button>
            </DialogFooter>
          </form>
        </DialogContent>
      </Dialog>
      <Dialog open={deleting} onOpenChange={setDeleting}>
        <DialogTrigger asChild>
          <Button variant="ghost" size="icon" className="size-7 text-danger-600" aria-label={t("delete")} title={t("delete")} data-testid="delete-message"><Trash2 className="size-3.5" aria-hidden /></Button>
        </DialogTrigger>
        <DialogContent size="sm" closeLabel={tc("close")}>
          <DialogHeader>
            <DialogTitle>{t("deleteTitle")}</DialogTitle>
            <DialogDescription>{t("deleteHint")}</DialogDescription>
          </DialogHeader>
          <DialogFooter>
            <DialogClose asChild><Button variant="ghost">{tc("cancel")}</Button></DialogClose>
            <Button variant="danger" loading={del.isPending} onClick={() => del.mutate({ messageId })} data-testid="confirm-delete">{t("delete")}</Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </span>
  );
}
