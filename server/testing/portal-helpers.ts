// Helpers for the portal integration tests: a ticket in a given state, a guest actor for it.
import { db } from "@/server/db/client";
import type { Actor } from "@/server/domain/actor";
import { callerFor } from "./caller";
import { firstCategoryId, makeActor, statusByKey } from "./factories";

export async function openTicketAs(actor: Actor, title = "My printer is broken") {
  return callerFor(actor).ticket.create({ title, body: "It prints **blank** pages.", categoryId: await firstCategoryId() });
}

export async function setTicketStatus(ticketId: number, key: "new" | "in_progress" | "waiting" | "closed") {
  const s = await statusByKey(key);
  await db().ticket.update({ where: { id: ticketId }, data: { statusId: s.id, closedAt: s.isClosed ? new Date() : null } });
  return s;
}

/** A customer with one ticket, optionally closed. */
export async function customerWithTicket(opts: { closed?: boolean } = {}) {
  const { actor, user } = await makeActor("CUSTOMER");
  const t = await openTicketAs(actor);
  if (opts.closed) await setTicketStatus(t.id, "closed");
  return { actor, user, ticketId: t.id };
}

export function guestActor(userId: number, ticketId: number): Actor {
  return { kind: "guest", userId, ticketId, locale: "en" };
}

/** A tiny valid PNG (1×1). */
export const PNG_1x1 = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);
/** A minimal PDF header is enough for magic-byte detection. */
export const PDF_BYTES = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
