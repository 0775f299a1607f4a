// The small lookups every ticket form needs (categories, priorities, statuses, custom field
// definitions) and what the portal may offer this visitor — answered by the same policies the
// ticket procedures enforce, so the page and the server cannot disagree.
import { db } from "@/server/db/client";
import type { Actor } from "@/server/domain/actor";
import { isStaff } from "@/server/domain/actor";
import { canCreateTicket, canOpenPortal, canUpload } from "@/server/domain/tickets/policies";
import { canSetPriority } from "@/server/domain/tickets/ticket-fields";
import { fieldAccess } from "@/server/domain/tickets/custom-fields";
import { names } from "@/server/services/tickets/ticket-dto";
import { loadFieldDefs } from "@/server/services/tickets/field-defs";
import { loadSettings } from "@/server/platform/settings/settings-store";

const bySortOrder = [{ sortOrder: "asc" as const }, { id: "asc" as const }];

export async function activeCategories() {
  const rows = await db().category.findMany({ where: { archivedAt: null }, orderBy: bySortOrder });
  return rows.map((c) => ({ id: c.id, name: names(c), parentId: c.parentId, noTickets: c.noTickets }));
}

export async function allPriorities() {
  const rows = await db().priority.findMany({ orderBy: bySortOrder });
  return rows.map((p) => ({ id: p.id, name: names(p), color: p.color, isDefault: p.isDefault, isUrgent: p.isUrgent }));
}

export async function allStatuses() {
  const rows = await db().status.findMany({ orderBy: bySortOrder });
  return rows.map((s) => ({ id: s.id, name: names(s), color: s.color, isClosed: s.isClosed, isDefault: s.isDefault }));
}

/** The definitions this caller may see: staff all, everyone else those not hidden from customers. */
export async function visibleFieldDefs(actor: Actor) {
  const staff = isStaff(actor);
  const defs = await loadFieldDefs();
  return defs.filter((d) => fieldAccess(d, staff).see).map((d) => ({
    id: d.id, type: d.type, name: d.name, help: d.help, categoryId: d.categoryId, required: d.required,
    hiddenFromCustomer: d.hiddenFromCustomer, customerEditable: d.customerEditable, options: d.options,
  }));
}

/** What the portal may offer this visitor. */
export async function portalOffer(actor: Actor) {
  const s = await loadSettings("tickets");
  return {
    actor: actor.kind === "user" ? { id: actor.userId, name: actor.name, role: actor.role } : null,
    canOpenPortal: canOpenPortal(actor, s).ok,
    canCreateTicket: canCreateTicket(actor, s),
    canUpload: canUpload(actor, s).ok,
    maxUploadMb: s.maxUploadMb,
    allowedFileTypes: s.allowedFileTypes,
    canSetPriority: canSetPriority(actor, s),
    /** a guest adds files after the ticket exists (through its link), when uploads are on */
    allowUploads: s.allowUploads,
  };
}
