"use client";
// "A new message arrived — send anyway?" (issue 16.5), shown when ticket.reply answered
// TICKET_CHANGED. Confirming sends the same reply with the ticket's current version.
import { useTranslations } from "next-intl";
import { Button } from "@/app/_components/ui/button";
import { Dialog, DialogContent, DialogHeader, DialogTitle, DialogDescription, DialogFooter } from "@/app/_components/ui/dialog";

export function ReplyConflictDialog({ open, pending, onSend, onCancel }: { open: boolean; pending: boolean; onSend: () => void; onCancel: () => void }) {
  const t = useTranslations("live.ticket");
  const tc = useTranslations("common.actions");
  return (
    <Dialog open={open} onOpenChange={(o) => { if (!o) onCancel(); }}>
      <DialogContent closeLabel={tc("close")} data-testid="reply-conflict">
        <DialogHeader>
          <DialogTitle>{t("conflictTitle")}</DialogTitle>
          <DialogDescription>{t("conflictText")}</DialogDescription>
        </DialogHeader>
        <DialogFooter>
          <Button variant="ghost" onClick={onCancel}>{t("keepEditing")}</Button>
          <Button loading={pending} onClick={onSend} data-testid="reply-send-anyway">{t("sendAnyway")}</Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
