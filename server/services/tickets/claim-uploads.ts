// Attaches files uploaded before a ticket or reply was sent. Only the uploader's own,
// unclaimed files can be claimed — an id from someone else is refused, never attached.
import type { Tx } from "@/server/db/client";
import type { Actor } from "@/server/domain/actor";
import { badRequest, forbidden } from "@/server/domain/errors";
import { canUpload } from "@/server/domain/tickets/policies";
import type { TicketSettings } from "@/server/domain/settings/schema";

export async function claimUploads(tx: Tx, actor: Actor, ids: string[], target: { ticketId: number; messageId: number | null }, s: TicketSettings) {
  if (ids.length === 0) return;
  const allowed = canUpload(actor, s);
  if (!allowed.ok) throw forbidden(allowed.reason);
  const uploaderId = actor.kind === "user" || actor.kind === "guest" ? actor.userId : null;
  const res = await tx.attachment.updateMany({
    where: { id: { in: ids }, uploaderId: uploaderId ?? -1, ticketId: null },
    data: { ticketId: target.ticketId, messageId: target.messageId },
  });
  if (res.count !== new Set(ids).size) throw badRequest("UNKNOWN_ATTACHMENT");
}
