// ticket.rate: the customer rates a closed ticket 1–5 with an optional comment (allowRating).
// Rating again replaces the earlier rating; both are kept in the history.
import { db } from "@/server/db/client";
import type { Actor } from "@/server/domain/actor";
import { forbidden } from "@/server/domain/errors";
import { canRateTicket } from "@/server/domain/tickets/policies";
import { loadSettings } from "@/server/platform/settings/settings-store";
import { recordEvent } from "@/server/platform/audit";
import { lockVisibleTicket } from "./lock-ticket";

export async function rateTicket(actor: Actor, input: { ticketId: number; rating: number; comment?: string | null }) {
  const settings = await loadSettings("tickets");
  return db().$transaction(async (tx) => {
    const { t, facts } = await lockVisibleTicket(tx, actor, input.ticketId, settings);
    const d = canRateTicket(actor, facts, settings);
    if (!d.ok) throw forbidden(d.reason);
    const comment = input.comment?.trim() || null;
    await tx.ticket.update({ where: { id: t.id }, data: { rating: input.rating, ratingComment: comment, ratedAt: new Date() } });
    await recordEvent(tx, { ticketId: t.id, actor, type: "ticket.rated", data: { rating: input.rating, comment, previous: t.rating } });
    return { id: t.id, rating: input.rating, ratingComment: comment };
  });
}
