// Custom field values of one ticket (issue 15.3): validate through the schema built from the
// definitions (server/domain/tickets/custom-fields.ts) — the same call for the portal form, the
// staff view, the API and the CLI — and write them with a history entry of what changed.
import type { Tx } from "@/server/db/client";
import type { Actor } from "@/server/domain/actor";
import { isStaff } from "@/server/domain/actor";
import { badRequest } from "@/server/domain/errors";
import { customFieldsSchema, fieldAccess, fieldsForCategory, mergeFieldValues, type FieldDef, type FieldValue, type FieldValues } from "@/server/domain/tickets/custom-fields";
import { recordEvent } from "@/server/platform/audit";
import { loadFieldDefs } from "./field-defs";

type CategoryRef = { id: number; parentId: number | null };

function parseOrThrow(defs: FieldDef[], actor: Actor, partial: boolean, input: Record<string, unknown>) {
  const r = customFieldsSchema(defs, { staff: isStaff(actor), partial }).safeParse(input);
  if (!r.success) {
    const fields = Object.fromEntries(r.error.issues.map((i) => [String(i.path[0] ?? ""), i.message]));
    throw badRequest("INVALID_CUSTOM_FIELDS", { fields });
  }
  return r.data;
}

/** Validated changes (null = remove) for a ticket in this category, or BAD_REQUEST with the field errors. */
export async function validateFieldValues(tx: Tx, actor: Actor, category: CategoryRef, input: Record<string, unknown>, partial: boolean) {
  return parseOrThrow(fieldsForCategory(await loadFieldDefs(tx), category.id, category.parentId), actor, partial, input);
}

/**
 * A ticket moving to `category` (the customer's edit, staff's category change): the values sent
 * are laid over the ticket's own, and the result must satisfy the new category's fields the way
 * a new ticket must (the same schema, not partial) — so a required field of the new category the
 * actor may fill cannot stay empty. Fields the actor may not edit are not demanded (as on create).
 */
export async function validateCategoryMove(tx: Tx, actor: Actor, category: CategoryRef, current: FieldValues, input: Record<string, unknown>) {
  const defs = fieldsForCategory(await loadFieldDefs(tx), category.id, category.parentId);
  const full: Record<string, unknown> = { ...input };
  for (const d of defs) {
    const key = String(d.id);
    if (!(key in full) && fieldAccess(d, isStaff(actor)).edit && current[key] !== undefined) full[key] = current[key];
  }
  return parseOrThrow(defs, actor, false, full);
}

/** Applies validated changes to the ticket; records `ticket.fields` with from/to per field. */
export async function writeFieldValues(tx: Tx, actor: Actor, t: { id: number; customFields: unknown }, changes: Record<string, FieldValue | null>) {
  const { next, changed } = mergeFieldValues((t.customFields ?? {}) as FieldValues, changes);
  if (changed.length === 0) return { changed: 0, version: null as number | null };
  const u = await tx.ticket.update({ where: { id: t.id }, data: { customFields: next, version: { increment: 1 } }, select: { version: true } });
  await recordEvent(tx, { ticketId: t.id, actor, type: "ticket.fields", data: { changes: changed } });
  return { changed: changed.length, version: u.version };
}
