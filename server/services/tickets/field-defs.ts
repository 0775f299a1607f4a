// Reads of the custom field definitions (issue 15.3) in the shape the pure rules take.
import { db, type Db, type Tx } from "@/server/db/client";
import { FIELD_TYPES, type FieldDef, type FieldOption, type FieldType } from "@/server/domain/tickets/custom-fields";

export type FieldDefView = FieldDef & { name: { ru: string; en: string }; help: { ru: string; en: string }; sortOrder: number; archived: boolean };

type FieldRow = {
  id: number; type: string; nameRu: string; nameEn: string; helpRu: string; helpEn: string; categoryId: number | null; required: boolean;
  hiddenFromCustomer: boolean; customerEditable: boolean; options: unknown; sortOrder: number; archivedAt: Date | null;
};

export function toFieldDef(r: FieldRow): FieldDefView {
  return {
    id: r.id,
    type: (FIELD_TYPES as readonly string[]).includes(r.type) ? (r.type as FieldType) : "text",
    categoryId: r.categoryId,
    required: r.required,
    hiddenFromCustomer: r.hiddenFromCustomer,
    customerEditable: r.customerEditable,
    options: Array.isArray(r.options) ? (r.options as FieldOption[]) : [],
    name: { ru: r.nameRu, en: r.nameEn },
    help: { ru: r.helpRu, en: r.helpEn },
    sortOrder: r.sortOrder,
    archived: r.archivedAt !== null,
  };
}

/** Active definitions in display order (archived ones keep their stored values but are not offered). */
export async function loadFieldDefs(tx: Db | Tx = db(), opts: { includeArchived?: boolean } = {}): Promise<FieldDefView[]> {
  // plain SQL: read inside every ticket creation (issue 21)
  const rows = await tx.$queryRawUnsafe<FieldRow[]>(
    `SELECT id, type::text AS type, name_ru AS "nameRu", name_en AS "nameEn", help_ru AS "helpRu", help_en AS "helpEn", category_id AS "categoryId",
            required, hidden_from_customer AS "hiddenFromCustomer", customer_editable AS "customerEditable", options, sort_order AS "sortOrder", archived_at AS "archivedAt"
       FROM custom_fields WHERE $1::boolean OR archived_at IS NULL ORDER BY sort_order, id`,
    opts.includeArchived === true,
  );
  return rows.map(toFieldDef);
}
