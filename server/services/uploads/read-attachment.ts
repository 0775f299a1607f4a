// GET /api/attachments/[id]: an attachment's bytes for whoever may see its ticket. Everyone
// else (and internal notes' files for customers) gets NOT_FOUND, so ids reveal nothing.
// An unclaimed upload is visible to its uploader only. The files of a deleted reply (issue 15.8)
// are gone for customers like the reply itself; staff keep them (the reply's row and its
// original text stay in the history, and the files are part of that record).
import { db } from "@/server/db/client";
import type { Actor } from "@/server/domain/actor";
import { isStaff } from "@/server/domain/actor";
import { notFound } from "@/server/domain/errors";
import { canViewTicket } from "@/server/domain/tickets/policies";
import { loadSettings } from "@/server/platform/settings/settings-store";
import { assertTicketInScope } from "@/server/services/scope/staff-scope";
import { storage } from "@/server/platform/storage/storage";

export async function readAttachment(actor: Actor, id: string) {
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(id)) throw notFound();
  const a = await db().attachment.findUnique({
    where: { id },
    include: { ticket: { select: { id: true, requesterId: true, categoryId: true, status: { select: { isClosed: true } } } }, message: { select: { isInternal: true, isAutomatic: true, deletedAt: true } } },
  });
  if (!a) throw notFound();
  if (!a.ticket) {
    const mine = (actor.kind === "user" || actor.kind === "guest") && actor.userId === a.uploaderId;
    if (!mine) throw notFound();
  } else {
    const s = await loadSettings("tickets");
    if (!canViewTicket(actor, { id: a.ticket.id, requesterId: a.ticket.requesterId, isClosed: a.ticket.status.isClosed }, s).ok) throw notFound();
    if ((a.message?.isInternal || a.message?.isAutomatic || a.message?.deletedAt) && !isStaff(actor)) throw notFound();
    await assertTicketInScope(actor, a.ticket.categoryId);
  }
  const data = await storage().get(a.storageKey);
  if (!data) throw notFound();
  return { fileName: a.fileName, contentType: a.contentType, size: a.size, data };
}
