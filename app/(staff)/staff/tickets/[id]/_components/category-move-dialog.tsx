"use client";
// Staff move a ticket into a category whose required custom fields the ticket has not filled:
// this dialog shows that category's fields (with the ticket's values) and sends them with the
// move; the server checks them again (ticket.setCategory → validateCategoryMove).
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/app/_components/ui/button";
import { Dialog, DialogContent, DialogHeader, DialogTitle, DialogDescription, DialogBody, DialogFooter, DialogClose } from "@/app/_components/ui/dialog";
import { CustomFieldInputs, editableDraft, type FieldDefDto, type FieldDraft } from "@/app/_components/custom-field-inputs";

export type PendingMove = { categoryId: number; label: string; defs: FieldDefDto[] };

export function CategoryMoveDialog({ move, values, errors, pending, onSubmit, onClose }: {
  move: PendingMove | null; values: FieldDraft; errors: Record<string, string>; pending: boolean;
  onSubmit: (customFields: FieldDraft) => void; onClose: () => void;
}) {
  const t = useTranslations("staff.ticket");
  const tc = useTranslations("common.actions");
  const [draft, setDraft] = useState<FieldDraft>(values);
  return (
    <Dialog open={move !== null} onOpenChange={(o) => { if (o) setDraft(values); else onClose(); }}>
      <DialogContent size="lg" closeLabel={tc("close")} data-testid="category-move-dialog">
        <form onSubmit={(e) => { e.preventDefault(); if (move) onSubmit(editableDraft(move.defs, draft, true)); }}>
          <DialogHeader>
            <DialogTitle>{t("moveTitle")}</DialogTitle>
            <DialogDescription>{t("moveDescription", { category: move?.label ?? "" })}</DialogDescription>
          </DialogHeader>
          <DialogBody>
            {move && <CustomFieldInputs defs={move.defs} values={draft} onChange={setDraft} staff errors={errors} />}
          </DialogBody>
          <DialogFooter>
            <DialogClose asChild><Button variant="ghost">{tc("cancel")}</Button></DialogClose>
            <Button type="submit" loading={pending}>{t("moveConfirm")}</Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
