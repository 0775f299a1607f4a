// Custom field definitions (admin, issue 15.3): create, edit, order, archive. Archiving keeps
// the values stored on tickets (history and exports still show them); the type of a field in
// use never changes, so a stored value always matches its definition's schema.
import { db } from "@/server/db/client";
import { badRequest, conflict, notFound } from "@/server/domain/errors";
import type { FieldOption, FieldType } from "@/server/domain/tickets/custom-fields";
import { loadFieldDefs } from "@/server/services/tickets/field-defs";

export type CustomFieldInput = {
  type: FieldType; nameRu: string; nameEn: string; helpRu: string; helpEn: string; categoryId: number | null;
  required: boolean; hiddenFromCustomer: boolean; customerEditable: boolean; options: FieldOption[];
};

function checkOptions(input: CustomFieldInput) {
  const isSelect = input.type === "select" || input.type === "multiselect";
  if (isSelect && input.options.length === 0) throw badRequest("FIELD_OPTIONS_REQUIRED");
  if (new Set(input.options.map((o) => o.value)).size !== input.options.length) throw badRequest("FIELD_OPTIONS_DUPLICATE");
  return isSelect ? input.options : [];
}

async function checkCategory(categoryId: number | null) {
  if (categoryId !== null && !(await db().category.findUnique({ where: { id: categoryId }, select: { id: true } }))) throw badRequest("UNKNOWN_CATEGORY");
}

export const listCustomFields = () => loadFieldDefs(db(), { includeArchived: true });

export async function createCustomField(input: CustomFieldInput) {
  const options = checkOptions(input);
  await checkCategory(input.categoryId);
  const max = await db().customField.aggregate({ _max: { sortOrder: true } });
  const f = await db().customField.create({ data: { ...input, options, sortOrder: (max._max.sortOrder ?? 0) + 10 } });
  return { id: f.id };
}

export async function updateCustomField(input: CustomFieldInput & { id: number }) {
  const f = await db().customField.findUnique({ where: { id: input.id } });
  if (!f) throw notFound();
  if (f.type !== input.type) throw conflict("FIELD_TYPE_FIXED");
  const options = checkOptions(input);
  await checkCategory(input.categoryId);
  const { id, ...data } = input;
  await db().customField.update({ where: { id }, data: { ...data, options } });
  return { id };
}

export async function archiveCustomField(id: number, archived: boolean) {
  const r = await db().customField.updateMany({ where: { id }, data: { archivedAt: archived ? new Date() : null } });
  if (!r.count) throw notFound();
  return { id };
}

export async function reorderCustomFields(ids: number[]) {
  await db().$transaction(ids.map((id, i) => db().customField.updateMany({ where: { id }, data: { sortOrder: (i + 1) * 10 } })));
  return { ok: true };
}
