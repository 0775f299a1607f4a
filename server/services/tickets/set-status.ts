// ticket.setStatus: staff change a ticket's status. Closing may carry a close note (stored as
// an internal message and in the history); closing enqueues the customer's closing mail.
import { db, type Tx } from "@/server/db/client";
import type { Actor } from "@/server/domain/actor";
import { renderMarkdown } from "@/server/services/content/markdown";
import { recordEvent } from "@/server/platform/audit";
import { statusById } from "./lookups";
import { afterStatusChange } from "./hooks";
import { assertStaff, lockTicket } from "./staff-write";

export type SetStatusInput = { ticketId: number; version?: number; statusId: number; closeNote?: string };

export async function setStatus(actor: Actor, input: SetStatusInput) {
  assertStaff(actor);
  return db().$transaction(async (tx) => {
    const t = await lockTicket(tx, input.ticketId, input.version, actor);
    const r = await applyStatus(tx, actor, t, input.statusId, input.closeNote);
    return { id: t.id, version: r.version };
  });
}

/** Moves a locked ticket to a status: used by setStatus, bulkUpdate and auto-close. */
export async function applyStatus(
  tx: Tx,
  actor: Actor,
  t: { id: number; statusId: number; version: number; status: { isClosed: boolean } },
  statusId: number,
  closeNote?: string,
  opts: { auditType?: "ticket.status" | "ticket.closed_auto" } = {},
) {
  const next = await statusById(tx, statusId);
  const note = closeNote?.trim();
  if (next.id === t.statusId && !note) return { version: t.version, changed: false };
  const now = new Date();
  let noteId: number | null = null;
  if (note) {
    const m = await tx.message.create({
      data: { ticketId: t.id, authorId: actor.kind === "user" ? actor.userId : null, isInternal: true, source: "SYSTEM", bodyText: note, bodyHtml: renderMarkdown(note) },
    });
    noteId = m.id;
  }
  const u = await tx.ticket.update({
    where: { id: t.id },
    data: { statusId: next.id, lastActivityAt: now, closedAt: next.isClosed ? (t.status.isClosed ? undefined : now) : null, version: { increment: 1 } },
    select: { version: true },
  });
  if (next.id !== t.statusId) {
    await recordEvent(tx, { ticketId: t.id, actor, type: opts.auditType ?? "ticket.status", data: { from: t.statusId, to: next.id, ...(note ? { closeNote: note, messageId: noteId } : {}) } });
  } else if (note) {
    await recordEvent(tx, { ticketId: t.id, actor, type: "ticket.note", data: { messageId: noteId } });
  }
  if (next.isClosed && !t.status.isClosed) await afterStatusChange(tx, t.id, actor, true);
  return { version: u.version, changed: true };
}
