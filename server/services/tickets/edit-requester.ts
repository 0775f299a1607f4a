// ticket.setRequester (admin): correct the requester's name / e-mail on their user record.
import { db } from "@/server/db/client";
import type { Actor } from "@/server/domain/actor";
import { isAdmin } from "@/server/domain/actor";
import { conflict, forbidden } from "@/server/domain/errors";
import { recordEvent } from "@/server/platform/audit";
import { lockTicket } from "./staff-write";

export async function editRequester(actor: Actor, input: { ticketId: number; version?: number; name: string; email: string }) {
  if (!isAdmin(actor)) throw forbidden("ADMIN_ONLY");
  const email = input.email.trim().toLowerCase();
  return db().$transaction(async (tx) => {
    const t = await lockTicket(tx, input.ticketId, input.version, actor);
    const before = await tx.user.findUniqueOrThrow({ where: { id: t.requesterId }, select: { name: true, email: true } });
    if (email !== before.email && (await tx.user.findUnique({ where: { email }, select: { id: true } }))) throw conflict("EMAIL_TAKEN");
    await tx.user.update({ where: { id: t.requesterId }, data: { name: input.name.trim(), email } });
    const u = await tx.ticket.update({ where: { id: t.id }, data: { version: { increment: 1 } }, select: { version: true } });
    await recordEvent(tx, { ticketId: t.id, actor, type: "ticket.requester", data: { from: before, to: { name: input.name.trim(), email } } });
    return { id: t.id, version: u.version };
  });
}
