// The one lock-and-load step of a ticket write: lock the row for the rest of the transaction
// (concurrent writes to one ticket serialise) and load it with its status. The callers add their
// own checks on top: staff version and scope (services/tickets/staff-write.ts), customer
// visibility (services/tickets/lock-ticket.ts, participants.ts), mail replies (mail/ingest/mail-writes.ts).
import type { Tx } from "./client";

export async function lockAndLoadTicket(tx: Tx, ticketId: number) {
  await tx.$queryRaw`SELECT id FROM tickets WHERE id = ${ticketId} FOR UPDATE`;
  return tx.ticket.findUnique({ where: { id: ticketId }, include: { status: true } });
}
