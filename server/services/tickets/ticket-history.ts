// ticket.history: the audit trail of one ticket, oldest first, with names resolved for the UI.
import { db } from "@/server/db/client";
import type { Actor } from "@/server/domain/actor";
import { notFound } from "@/server/domain/errors";
import { assertTicketInScope } from "@/server/services/scope/staff-scope";
import { assertStaff } from "./staff-write";
import { formatFieldValue, type FieldValue } from "@/server/domain/tickets/custom-fields";
import { loadFieldDefs } from "./field-defs";

export async function ticketHistory(actor: Actor, ticketId: number) {
  assertStaff(actor);
  const t = await db().ticket.findUnique({ where: { id: ticketId }, select: { id: true, categoryId: true } });
  if (!t) throw notFound("TICKET_NOT_FOUND");
  await assertTicketInScope(actor, t.categoryId);
  const rows = await db().auditEvent.findMany({
    where: { ticketId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 500,
    select: { id: true, type: true, data: true, createdAt: true, actor: { select: { id: true, name: true } } },
  });
  const nums = [...new Set(rows.flatMap((r) => { const d = (r.data ?? {}) as Record<string, unknown>; return [d.from, d.to]; }).filter((x): x is number => typeof x === "number"))];
  const [statuses, categories, users, priorities, fieldNames] = await Promise.all([
    db().status.findMany({ where: { id: { in: nums } }, select: { id: true, nameRu: true, nameEn: true, color: true } }),
    db().category.findMany({ where: { id: { in: nums } }, select: { id: true, nameRu: true, nameEn: true } }),
    db().user.findMany({ where: { id: { in: nums } }, select: { id: true, name: true } }),
    db().priority.findMany({ where: { id: { in: nums } }, select: { id: true, nameRu: true, nameEn: true, color: true } }),
    fieldLabels(rows),
  ]);
  const pr = new Map(priorities.map((p) => [p.id, { ru: p.nameRu, en: p.nameEn, color: p.color }]));
  const st = new Map(statuses.map((s) => [s.id, { ru: s.nameRu, en: s.nameEn, color: s.color }]));
  const ca = new Map(categories.map((c) => [c.id, { ru: c.nameRu, en: c.nameEn }]));
  const us = new Map(users.map((u) => [u.id, u.name]));
  return rows.map((r) => {
    const d = (r.data ?? {}) as Record<string, unknown>;
    const name = (v: unknown) => {
      if (typeof v !== "number") return null;
      if (r.type === "ticket.status" || r.type === "ticket.closed_auto") return st.get(v) ?? null;
      if (r.type === "ticket.category") return ca.get(v) ?? null;
      if (r.type === "ticket.priority") return pr.get(v) ?? null;
      if (r.type === "ticket.assigned") return { ru: us.get(v) ?? "", en: us.get(v) ?? "" };
      return null;
    };
    return { id: r.id, type: r.type, actor: r.actor, createdAt: r.createdAt, from: name(d.from), to: name(d.to), closeNote: typeof d.closeNote === "string" ? d.closeNote : importedNote(r.type, d), auto: d.auto === true, fields: r.type === "ticket.fields" ? fieldNames(d.changes) : [], ...actionDetail(d) };
  });
}

type FieldChange = { field: string; from: FieldValue | null; to: FieldValue | null };

/** Custom field changes (ticket.fields) as "name: old → new" in both languages. */
async function fieldLabels(rows: Array<{ type: string; data: unknown }>) {
  const used = rows.some((r) => r.type === "ticket.fields");
  const defs = used ? await loadFieldDefs(db(), { includeArchived: true }) : [];
  const byId = new Map(defs.map((d) => [String(d.id), d]));
  return (changes: unknown) =>
    (Array.isArray(changes) ? (changes as FieldChange[]) : []).map((c) => {
      const d = byId.get(c.field);
      const text = (l: "ru" | "en") => ({ from: d ? formatFieldValue(d, c.from, l) : String(c.from ?? ""), to: d ? formatFieldValue(d, c.to, l) : String(c.to ?? "") });
      return { name: d?.name ?? { ru: `#${c.field}`, en: `#${c.field}` }, ru: text("ru"), en: text("en") };
    });
}

/** the free text of a history line imported from Patchesoft (issue 17), shown like a close note */
const importedNote = (type: string, d: Record<string, unknown>) => (type === "import.history" && typeof d.message === "string" ? d.message : null);

/**
 * What issue 15's events add to a history row: the Cc addresses, the ticket merged into or from,
 * and the original text of an edited or deleted reply (staff only: this procedure is staff-only).
 */
function actionDetail(d: Record<string, unknown>) {
  const ref = typeof d.mergedInto === "number" ? d.mergedInto : typeof d.mergedFrom === "number" ? d.mergedFrom : null;
  return {
    emails: Array.isArray(d.emails) ? d.emails.filter((e): e is string => typeof e === "string") : null,
    ticketRef: ref,
    original: typeof d.original === "string" ? d.original : null,
  };
}
