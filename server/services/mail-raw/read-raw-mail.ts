// The original source of a mail-born message, for staff only (customers and anonymous
// callers get NOT_FOUND, the same answer as for an id that does not exist).
import { db } from "@/server/db/client";
import type { Actor } from "@/server/domain/actor";
import { isStaff } from "@/server/domain/actor";
import { notFound } from "@/server/domain/errors";

export async function readRawMail(actor: Actor, id: number): Promise<{ data: Buffer; fileName: string }> {
  if (!isStaff(actor) || !Number.isInteger(id) || id <= 0) throw notFound();
  const row = await db().inboundMail.findUnique({ where: { id }, select: { raw: true, ticketId: true } });
  if (!row) throw notFound();
  return { data: Buffer.from(row.raw), fileName: `mail-${id}${row.ticketId ? `-ticket-${row.ticketId}` : ""}.eml` };
}
