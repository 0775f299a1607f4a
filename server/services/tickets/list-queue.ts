// The staff queue (foundation version): keyset pagination on (last_activity_at, id) with the
// basic filters. The staff-dashboard work replaces the hot path with raw SQL and adds more.
import { db } from "@/server/db/client";
import type { Actor } from "@/server/domain/actor";
import { isStaff } from "@/server/domain/actor";
import { forbidden } from "@/server/domain/errors";
import { ticketInclude, ticketSummary } from "./ticket-dto";
import { decodeCursor, encodeCursor } from "./list-my-tickets";

export type QueueFilter = {
  cursor?: string | null;
  limit: number;
  statusId?: number;
  open?: boolean;
  categoryId?: number;
  assignee?: "me" | "unassigned" | "any" | number;
  search?: string;
};

export async function listQueue(actor: Actor, f: QueueFilter) {
  if (!isStaff(actor)) throw forbidden("STAFF_ONLY");
  const c = decodeCursor(f.cursor);
  const assignee =
    f.assignee === "me" ? { assigneeId: actor.userId } : f.assignee === "unassigned" ? { assigneeId: null } : typeof f.assignee === "number" ? { assigneeId: f.assignee } : {};
  const rows = await db().ticket.findMany({
    where: {
      ...(f.statusId ? { statusId: f.statusId } : f.open ? { status: { isClosed: false } } : {}),
      ...(f.categoryId ? { categoryId: f.categoryId } : {}),
      ...assignee,
      ...(c ? { OR: [{ lastActivityAt: { lt: c.at } }, { lastActivityAt: c.at, id: { lt: c.id } }] } : {}),
    },
    include: ticketInclude,
    orderBy: [{ lastActivityAt: "desc" }, { id: "desc" }],
    take: f.limit + 1,
  });
  const more = rows.length > f.limit;
  const page = rows.slice(0, f.limit);
  const last = page[page.length - 1];
  return { items: page.map(ticketSummary), nextCursor: more && last ? encodeCursor({ at: last.lastActivityAt, id: last.id }) : null };
}
