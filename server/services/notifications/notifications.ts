// The bell and the preferences page (issue 16 point 3). A staff member reads and marks only their
// own rows, and only of tickets they may still see (their scope can shrink after a row was
// written: those rows stay hidden, like the ticket). The list is capped at LIST_LIMIT.
import { db } from "@/server/db/client";
import type { Actor } from "@/server/domain/actor";
import { STAFF_ROLES } from "@/server/domain/actor";
import { notFound } from "@/server/domain/errors";
import { readPrefs, type NotifyPrefs } from "@/server/domain/notifications/prefs";
import { seesCategory } from "@/server/domain/notifications/recipients";
import type { Scope } from "@/server/domain/scope";
import { loadScope, assertTicketInScope } from "@/server/services/scope/staff-scope";
import { assertStaff } from "@/server/services/tickets/staff-write";

export const LIST_LIMIT = 30;

const inScopeWhere = (scope: Scope) => (scope.all ? {} : { ticket: { categoryId: { in: scope.categoryIds } } });

export async function listNotifications(actor: Actor) {
  assertStaff(actor);
  const where = { userId: actor.userId, ...inScopeWhere(await loadScope(actor)) };
  const [rows, unread] = await Promise.all([
    db().notification.findMany({
      where, orderBy: { id: "desc" }, take: LIST_LIMIT,
      select: { id: true, ticketId: true, event: true, excerpt: true, readAt: true, createdAt: true, actor: { select: { name: true } }, ticket: { select: { title: true } } },
    }),
    db().notification.count({ where: { ...where, readAt: null } }),
  ]);
  const items = rows.map((r) => ({ id: r.id, ticketId: r.ticketId, ticketTitle: r.ticket.title, event: r.event, excerpt: r.excerpt, actorName: r.actor?.name ?? null, read: r.readAt !== null, createdAt: r.createdAt }));
  return { items, unread };
}

export async function unreadCount(actor: Actor) {
  assertStaff(actor);
  return { unread: await db().notification.count({ where: { userId: actor.userId, readAt: null, ...inScopeWhere(await loadScope(actor)) } }) };
}

/** Another user's row answers NOT_FOUND, like a row that does not exist. */
export async function markRead(actor: Actor, id: number) {
  assertStaff(actor);
  const n = await db().notification.updateMany({ where: { id, userId: actor.userId, readAt: null }, data: { readAt: new Date() } });
  if (n.count === 0 && !(await db().notification.findFirst({ where: { id, userId: actor.userId }, select: { id: true } }))) throw notFound("NOTIFICATION_NOT_FOUND");
  return unreadCount(actor);
}

export async function markAllRead(actor: Actor) {
  assertStaff(actor);
  await db().notification.updateMany({ where: { userId: actor.userId, readAt: null }, data: { readAt: new Date() } });
  return { unread: 0 };
}

export async function getPrefs(actor: Actor): Promise<NotifyPrefs> {
  assertStaff(actor);
  const u = await db().user.findUniqueOrThrow({ where: { id: actor.userId }, select: { notifyPrefs: true } });
  return readPrefs(u.notifyPrefs);
}

export async function setPrefs(actor: Actor, prefs: NotifyPrefs): Promise<NotifyPrefs> {
  assertStaff(actor);
  await db().user.update({ where: { id: actor.userId }, data: { notifyPrefs: prefs } });
  return prefs;
}

/** Staff the composer offers after "@": active, may see this ticket, not the writer. */
export async function mentionable(actor: Actor, ticketId: number) {
  assertStaff(actor);
  const t = await db().ticket.findUnique({ where: { id: ticketId }, select: { categoryId: true } });
  if (!t) throw notFound("TICKET_NOT_FOUND");
  await assertTicketInScope(actor, t.categoryId);
  const [staff, links] = await Promise.all([
    db().user.findMany({ where: { isActive: true, role: { in: [...STAFF_ROLES] } }, select: { id: true, name: true, email: true, role: true, teamMemberships: { select: { teamId: true } } }, orderBy: { name: "asc" }, take: 500 }),
    db().teamCategory.findMany({ where: { categoryId: t.categoryId }, select: { teamId: true, categoryId: true } }),
  ]);
  return staff
    .filter((s) => s.id !== actor.userId && seesCategory({ id: s.id, role: s.role, teamIds: s.teamMemberships.map((m) => m.teamId) }, t.categoryId, links))
    .map((s) => ({ id: s.id, name: s.name, email: s.email }));
}
