// The original source of a mail-born message, for staff only (customers and anonymous
// callers get NOT_FOUND, the same answer as for an id that does not exist). A large mail's
// source is a file in the storage (raw_key) and comes back as a stream; a small one's is a
// Buffer from the row.
import type { Readable } from "node:stream";
import { db } from "@/server/db/client";
import type { Actor } from "@/server/domain/actor";
import { isStaff } from "@/server/domain/actor";
import { notFound } from "@/server/domain/errors";
import { openInboundRaw } from "@/server/mail/ingest/raw-source";
import { assertTicketInScope } from "@/server/services/scope/staff-scope";

export async function readRawMail(actor: Actor, id: number): Promise<{ data: Buffer | null; stream: Readable | null; size: number; fileName: string }> {
  if (!isStaff(actor) || !Number.isInteger(id) || id <= 0) throw notFound();
  const row = await db().inboundMail.findUnique({ where: { id }, select: { raw: true, rawKey: true, ticketId: true, ticket: { select: { categoryId: true } } } });
  if (!row) throw notFound();
  // a mail of a ticket follows the ticket's scope; one that made no ticket (quarantine) stays staff-wide
  if (row.ticket) await assertTicketInScope(actor, row.ticket.categoryId);
  const src = await openInboundRaw(row);
  if (!src) throw notFound();
  return { ...src, fileName: `mail-${id}${row.ticketId ? `-ticket-${row.ticketId}` : ""}.eml` };
}
