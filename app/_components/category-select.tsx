"use client";
// A category picker grouped by parent (issue 15.2): children under their parent in an
// <optgroup>; a parent marked "no tickets" is the group's label only, so it cannot be chosen.
import { useLocale } from "next-intl";
import { Select } from "@/app/_components/ui/select";
import { groupCategories } from "@/server/domain/tickets/ticket-fields";
import { localName } from "./status-badge";

export type PickerCategory = { id: number; name: { ru: string; en: string }; parentId: number | null; noTickets: boolean };

/** The first category a ticket can be filed under (the form's initial choice). */
export function firstSelectable(categories: PickerCategory[]): number {
  for (const g of groupCategories(categories)) {
    if (!(g.noTickets && g.children.length)) return g.id;
    if (g.children[0]) return g.children[0].id;
  }
  return 0;
}

export function CategorySelect({ categories, value, onChange, ...props }: { categories: PickerCategory[]; value: number; onChange: (id: number) => void } & Omit<React.ComponentProps<typeof Select>, "value" | "onChange">) {
  const locale = useLocale();
  return (
    <Select {...props} value={value} onChange={(e) => onChange(Number(e.target.value))}>
      {groupCategories(categories).map((g) =>
        g.children.length === 0 ? (
          <option key={g.id} value={g.id}>{localName(g.name, locale)}</option>
        ) : (
          <optgroup key={g.id} label={localName(g.name, locale)}>
            {!g.noTickets && <option value={g.id}>{localName(g.name, locale)}</option>}
            {g.children.map((c) => <option key={c.id} value={c.id}>{localName(c.name, locale)}</option>)}
          </optgroup>
        ),
      )}
    </Select>
  );
}
