"use client";
// The last cell of an admin table row and its buttons: edit, delete (after a confirm, when
// asked), archive / restore and "make default", each named after the row for screen readers.
import { useTranslations } from "next-intl";
import { Archive, ArchiveRestore, Pencil, Star, Trash2 } from "lucide-react";
import { Button } from "@/app/_components/ui/button";
import { TD } from "@/app/_components/ui/table";

export function RowActions({ className, children }: { className?: string; children: React.ReactNode }) {
  return <TD className={className}><div className="flex justify-end gap-1">{children}</div></TD>;
}

export function EditButton({ name, onClick, testId }: { name: string; onClick: () => void; testId?: string }) {
  const tc = useTranslations("admin.common");
  return <Button size="icon" variant="ghost" aria-label={`${tc("edit")}: ${name}`} onClick={onClick} data-testid={testId}><Pencil className="size-4" aria-hidden /></Button>;
}

/** With `confirm`, the browser asks that question first and `onDelete` runs only on "OK". */
export function DeleteButton({ name, confirm, onDelete, testId }: { name: string; confirm?: string; onDelete: () => void; testId?: string }) {
  const tc = useTranslations("admin.common");
  const click = () => { if (confirm === undefined || window.confirm(confirm)) onDelete(); };
  return <Button size="icon" variant="ghost" aria-label={`${tc("delete")}: ${name}`} onClick={click} data-testid={testId}><Trash2 className="size-4 text-danger-600" aria-hidden /></Button>;
}

export function ArchiveButton({ archived, label, onClick }: { archived: boolean; label: string; onClick: () => void }) {
  return (
    <Button size="sm" variant="ghost" onClick={onClick}>
      {archived ? <ArchiveRestore className="size-4" aria-hidden /> : <Archive className="size-4" aria-hidden />}
      <span className="sr-only sm:not-sr-only">{label}</span>
    </Button>
  );
}

export function DefaultButton({ label, onClick }: { label: string; onClick: () => void }) {
  return <Button size="sm" variant="ghost" onClick={onClick} title={label}><Star className="size-4" aria-hidden /><span className="sr-only lg:not-sr-only">{label}</span></Button>;
}
