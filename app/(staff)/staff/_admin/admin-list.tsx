"use client";
// The frame every admin manager shares: the page header with its "new" button, then the list —
// a table whose first column is the order (ordered lists) and last the actions, or, without
// columns, a list of cards. `empty`, when given, stands in place of the list.
import { useTranslations } from "next-intl";
import { Plus, type LucideIcon } from "lucide-react";
import { Button } from "@/app/_components/ui/button";
import { Table, THead, TBody, TR, TH } from "@/app/_components/ui/table";

type Props = {
  header: React.ReactNode;
  label: string;
  testId: string;
  newLabel: string;
  newTestId: string;
  newIcon?: LucideIcon;
  onNew: () => void;
  /** head cells between the order column (when `ordered`) and the actions column; none: a card list of <li> */
  columns?: React.ReactNode;
  ordered?: boolean;
  empty?: React.ReactNode;
  children: React.ReactNode;
};

export function AdminList({ header, label, testId, newLabel, newTestId, newIcon: Icon = Plus, onNew, columns, ordered = false, empty, children }: Props) {
  const tc = useTranslations("admin.common");
  return (
    <>
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        {header}
        <Button onClick={onNew} data-testid={newTestId}><Icon className="size-4" aria-hidden /> {newLabel}</Button>
      </div>
      {empty ? empty : columns === undefined ? (
        <ul className="divide-y divide-line overflow-hidden rounded-xl border border-line bg-surface shadow-xs" data-testid={testId}>{children}</ul>
      ) : (
        <Table label={label} data-testid={testId}>
          <THead>
            <TR>
              {ordered && <TH className="w-24">{tc("order")}</TH>}
              {columns}
              <TH className="text-right">{tc("actions")}</TH>
            </TR>
          </THead>
          <TBody>{children}</TBody>
        </Table>
      )}
    </>
  );
}
