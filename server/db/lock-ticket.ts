// The one lock-and-load step of a ticket write: lock the row for the rest of the transaction
// (concurrent writes to one ticket serialise) and load it with its status. The callers add their
// own checks on top: staff version and scope (services/tickets/staff-write.ts), customer
// visibility (services/tickets/lock-ticket.ts, participants.ts), mail replies (mail/ingest/mail-writes.ts).
// One plain statement (issue 21: it opens every reply; it was a lock plus a model call).
import type { Ticket } from "@/server/generated/prisma/client";
import type { Tx } from "./client";
import { STATUS_COLUMNS, TICKET_COLUMNS, withStatus, type StatusColumns } from "./sql/ticket-row";

export async function lockAndLoadTicket(tx: Tx, ticketId: number) {
  const [r] = await tx.$queryRawUnsafe<Array<Ticket & StatusColumns>>(
    `SELECT ${TICKET_COLUMNS}, ${STATUS_COLUMNS} FROM tickets t JOIN statuses s ON s.id = t.status_id WHERE t.id = $1::int FOR UPDATE OF t`,
    ticketId,
  );
  return r ? withStatus(r) : null;
}
