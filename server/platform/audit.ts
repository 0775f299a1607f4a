// Ticket history: every status change, assignment, edit, rating, mail event — who and when.
import type { Tx, Db } from "@/server/db/client";
import type { Actor } from "@/server/domain/actor";
import { userId } from "@/server/domain/actor";

export type AuditType =
  | "ticket.created" | "ticket.edited" | "ticket.replied" | "ticket.status" | "ticket.assigned" | "ticket.category"
  | "ticket.note" | "ticket.rated" | "ticket.requester" | "ticket.closed_auto" | "mail.received" | "mail.refused" | "mail.sent" | "mail.auto_reply" | "settings.updated"
  | "ticket.priority" | "ticket.fields"
  // issue 15: Cc list, own replies edited or deleted, merge
  | "ticket.cc_added" | "ticket.cc_removed" | "message.edited" | "message.deleted" | "ticket.merged" | "ticket.merged_from";

export async function recordEvent(tx: Tx | Db, ev: { ticketId: number | null; actor: Actor; type: AuditType; data?: Record<string, unknown> }) {
  await tx.auditEvent.create({
    data: { ticketId: ev.ticketId, actorId: userId(ev.actor), type: ev.type, data: (ev.data ?? {}) as never },
  });
}
