// ticket.history: the audit trail of one ticket, oldest first, with names resolved for the UI.
import { db } from "@/server/db/client";
import type { Actor } from "@/server/domain/actor";
import { notFound } from "@/server/domain/errors";
import { assertTicketInScope } from "@/server/services/scope/staff-scope";
import { assertStaff } from "./staff-write";

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
  const [statuses, categories, users] = await Promise.all([
    db().status.findMany({ where: { id: { in: nums } }, select: { id: true, nameRu: true, nameEn: true, color: true } }),
    db().category.findMany({ where: { id: { in: nums } }, select: { id: true, nameRu: true, nameEn: true } }),
    db().user.findMany({ where: { id: { in: nums } }, select: { id: true, name: true } }),
  ]);
  const st = new Map(statuses.map((s) => [s.id, { ru: s.nameRu, en: s.nameEn, color: s.color }]));
  const ca = new Map(categories.map((c) => [c.id, { ru: c.nameRu, en: c.nameEn }]));
  const us = new Map(users.map((u) => [u.id, u.name]));
  return rows.map((r) => {
    const d = (r.data ?? {}) as Record<string, unknown>;
    const name = (v: unknown) => {
      if (typeof v !== "number") return null;
      if (r.type === "ticket.status" || r.type === "ticket.closed_auto") return st.get(v) ?? null;
      if (r.type === "ticket.category") return ca.get(v) ?? null;
      if (r.type === "ticket.assigned") return { ru: us.get(v) ?? "", en: us.get(v) ?? "" };
      return null;
    };
    return { id: r.id, type: r.type, actor: r.actor, createdAt: r.createdAt, from: name(d.from), to: name(d.to), closeNote: typeof d.closeNote === "string" ? d.closeNote : null, auto: d.auto === true };
  });
}
