// Category pickers grouped by parent (issue 15.2): a flat option list in tree order, children
// labelled under their parent, plus whether an option can hold tickets (a "no tickets" parent
// with children cannot). Shared by the queue, the staff ticket view and the portal form.
import { groupCategories } from "@/server/domain/tickets/ticket-fields";
import { localName } from "@/app/_components/status-badge";

type Row = { id: number; name: { ru: string; en: string }; parentId?: number | null; noTickets?: boolean; archived?: boolean };
export type CategoryOpt = { id: number; label: string; depth: 0 | 1; selectable: boolean; parentLabel?: string };

export function categoryOptions(rows: Row[], locale: string): CategoryOpt[] {
  const live = rows.filter((r) => !r.archived).map((r) => ({ ...r, parentId: r.parentId ?? null }));
  return groupCategories(live).flatMap((p) => {
    const label = localName(p.name, locale);
    const parent: CategoryOpt = { id: p.id, label, depth: 0, selectable: !(p.noTickets && p.children.length > 0) };
    return [parent, ...p.children.map((c): CategoryOpt => ({ id: c.id, label: `${label} › ${localName(c.name, locale)}`, depth: 1, selectable: true, parentLabel: label }))];
  });
}

/** Rows of category.list / meta.categories as CategorySelect entries (archived ones left out); server-safe, unlike the picker's client module. */
export function pickerCategories(rows: Array<{ id: number; name: { ru: string; en: string }; parentId: number | null; noTickets: boolean; archived?: boolean }>) {
  return rows.filter((r) => !r.archived).map((r) => ({ id: r.id, name: r.name, parentId: r.parentId ?? null, noTickets: r.noTickets }));
}
