"use client";
// The frame of an ordered admin list (priorities, custom fields): page header with the "new"
// button, and a table whose first column is the order and last the actions.
import { useTranslations } from "next-intl";
import { Plus } from "lucide-react";
import { Button } from "@/app/_components/ui/button";
import { Table, THead, TBody, TR, TH } from "@/app/_components/ui/table";

type Props = { header: React.ReactNode; label: string; testId: string; newLabel: string; newTestId: string; onNew: () => void; columns: React.ReactNode; children: React.ReactNode };

export function AdminList({ header, label, testId, newLabel, newTestId, onNew, columns, children }: Props) {
  const tc = useTranslations("admin.common");
  return (
    <>
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        {header}
        <Button onClick={onNew} data-testid={newTestId}><Plus className="size-4" aria-hidden /> {newLabel}</Button>
      </div>
      <Table label={label} data-testid={testId}>
        <THead>
          <TR>
            <TH className="w-24">{tc("order")}</TH>
            {columns}
            <TH className="text-right">{tc("actions")}</TH>
          </TR>
        </THead>
        <TBody>{children}</TBody>
      </Table>
    </>
  );
}
