// The customer's "My tickets": keyset pagination on (last_activity_at, id), optional search.
import { db } from "@/server/db/client";
import type { Actor } from "@/server/domain/actor";
import { forbidden } from "@/server/domain/errors";
import { ticketInclude, ticketSummary } from "./ticket-dto";

/** `rank`: the priority's sort_order when the queue is sorted by priority (issue 15.1). */
export type Cursor = { at: Date; id: number; rank?: number };
export const encodeCursor = (c: Cursor) => Buffer.from(`${c.at.toISOString()}|${c.id}${c.rank !== undefined ? `|${c.rank}` : ""}`).toString("base64url");
export function decodeCursor(s: string | null | undefined): Cursor | null {
  if (!s) return null;
  const [at, id, rank] = Buffer.from(s, "base64url").toString().split("|");
  const d = new Date(at ?? "");
  if (!Number.isFinite(d.getTime()) || !(Number(id) > 0)) return null;
  return rank !== undefined && /^-?\d{1,9}$/.test(rank) ? { at: d, id: Number(id), rank: Number(rank) } : { at: d, id: Number(id) };
}

export async function listMyTickets(actor: Actor, input: { cursor?: string | null; limit: number; search?: string; statusId?: number }) {
  if (actor.kind !== "user") throw forbidden("LOGIN_REQUIRED");
  const c = decodeCursor(input.cursor);
  const q = input.search?.trim();
  const rows = await db().ticket.findMany({
    where: {
      requesterId: actor.userId,
      ...(input.statusId ? { statusId: input.statusId } : {}),
      AND: [
        q ? { OR: [{ title: { contains: q, mode: "insensitive" as const } }, ...(/^\d+$/.test(q) ? [{ id: Number(q) }] : [])] } : {},
        c ? { OR: [{ lastActivityAt: { lt: c.at } }, { lastActivityAt: c.at, id: { lt: c.id } }] } : {},
      ],
    },
    include: ticketInclude,
    orderBy: [{ lastActivityAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
  });
  const more = rows.length > input.limit;
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  return { items: page.map(ticketSummary), nextCursor: more && last ? encodeCursor({ at: last.lastActivityAt, id: last.id }) : null };
}
