"use client";
// The one category picker (issue 15.2), grouped by parent: children under their parent in an
// <optgroup>; a parent marked "no tickets" is the group's label only, so it cannot be chosen.
// Used by the portal's new-ticket form and edit dialog, staff's new ticket, the staff ticket
// view, and the queue's filter and bulk bar. `parentsSelectable` (the queue filter): every
// parent is an option, since filtering by a parent covers its children.
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

type Props = {
  categories: PickerCategory[];
  /** controlled (0 = the placeholder) … */
  value?: number;
  /** … or uncontrolled inside a plain <form> */
  defaultValue?: number;
  onChange?: (id: number) => void;
  /** a first option with the value "" ("any category", "change category …") */
  placeholder?: string;
  parentsSelectable?: boolean;
} & Omit<React.ComponentProps<typeof Select>, "value" | "defaultValue" | "onChange" | "placeholder">;

export function CategorySelect({ categories, value, defaultValue, onChange, placeholder, parentsSelectable = false, ...props }: Props) {
  const locale = useLocale();
  const asValue = (v: number | undefined) => (v === undefined ? undefined : v ? String(v) : "");
  // a ticket in an archived category keeps showing that it has one
  const unknown = value && !categories.some((c) => c.id === value) ? value : null;
  return (
    <Select {...props} value={asValue(value)} defaultValue={asValue(defaultValue)} onChange={(e) => onChange?.(Number(e.target.value) || 0)}>
      {placeholder !== undefined && <option value="">{placeholder}</option>}
      {unknown && <option value={unknown}>—</option>}
      {groupCategories(categories).map((g) =>
        g.children.length === 0 ? (
          <option key={g.id} value={g.id}>{localName(g.name, locale)}</option>
        ) : (
          <optgroup key={g.id} label={localName(g.name, locale)}>
            {(parentsSelectable || !g.noTickets) && <option value={g.id}>{localName(g.name, locale)}</option>}
            {g.children.map((c) => <option key={c.id} value={c.id}>{localName(c.name, locale)}</option>)}
          </optgroup>
        ),
      )}
    </Select>
  );
}
