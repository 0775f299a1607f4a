"use client";
// The dialogs of the admin managers: AdminDialog is the modal (× labelled "Close"), AdminForm
// the form inside it — title, optional description, body, and the Cancel / submit footer.
import { useTranslations } from "next-intl";
import { Button, type ButtonProps } from "@/app/_components/ui/button";
import { Dialog, DialogContent, DialogHeader, DialogTitle, DialogDescription, DialogBody, DialogFooter, DialogClose } from "@/app/_components/ui/dialog";

type DialogProps = { open: boolean; onClose: () => void; size?: "sm" | "md" | "lg"; described?: boolean; children: React.ReactNode };

/** `described`: the content has a DialogDescription (otherwise none is expected). */
export function AdminDialog({ open, onClose, size, described = false, children }: DialogProps) {
  const tc = useTranslations("admin.common");
  return (
    <Dialog open={open} onOpenChange={(o) => { if (!o) onClose(); }}>
      <DialogContent size={size} closeLabel={tc("close")} {...(described ? {} : { "aria-describedby": undefined })}>
        {children}
      </DialogContent>
    </Dialog>
  );
}

type FormProps = {
  title: React.ReactNode;
  description?: React.ReactNode;
  onSubmit: () => void;
  pending: boolean;
  submitLabel: string;
  submit?: Pick<ButtonProps, "variant" | "disabled"> & { testId?: string };
  bodyClassName?: string;
  testId?: string;
  /** the fields; none: no body (a question answered by the footer alone) */
  children?: React.ReactNode;
};

export function AdminForm({ title, description, onSubmit, pending, submitLabel, submit, bodyClassName = "space-y-4", testId, children }: FormProps) {
  const tc = useTranslations("admin.common");
  return (
    <form onSubmit={(e) => { e.preventDefault(); onSubmit(); }} data-testid={testId}>
      <DialogHeader>
        <DialogTitle>{title}</DialogTitle>
        {description && <DialogDescription>{description}</DialogDescription>}
      </DialogHeader>
      {children ? <DialogBody className={bodyClassName}>{children}</DialogBody> : null}
      <DialogFooter>
        <DialogClose asChild><Button variant="ghost">{tc("cancel")}</Button></DialogClose>
        <Button type="submit" variant={submit?.variant} disabled={submit?.disabled} loading={pending} data-testid={submit?.testId}>{submitLabel}</Button>
      </DialogFooter>
    </form>
  );
}
