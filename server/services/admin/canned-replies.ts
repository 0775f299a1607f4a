// Canned replies: shared answer snippets any staff member can use and maintain.
// Placeholders ({{customer.name}}, {{ticket.number}}, {{agent.name}}) are filled in the browser.
import { db } from "@/server/db/client";
import type { Actor } from "@/server/domain/actor";
import { notFound } from "@/server/domain/errors";
import { assertStaff } from "@/server/services/tickets/staff-write";

const select = { id: true, title: true, body: true, updatedAt: true, createdBy: { select: { id: true, name: true } } } as const;

export async function listCannedReplies(actor: Actor) {
  assertStaff(actor);
  return db().cannedReply.findMany({ select, orderBy: [{ title: "asc" }, { id: "asc" }], take: 500 });
}

export async function createCannedReply(actor: Actor, input: { title: string; body: string }) {
  assertStaff(actor);
  return db().cannedReply.create({ data: { title: input.title.trim(), body: input.body, createdById: actor.userId }, select });
}

export async function updateCannedReply(actor: Actor, input: { id: number; title: string; body: string }) {
  assertStaff(actor);
  const r = await db().cannedReply.updateMany({ where: { id: input.id }, data: { title: input.title.trim(), body: input.body } });
  if (r.count === 0) throw notFound();
  return db().cannedReply.findUniqueOrThrow({ where: { id: input.id }, select });
}

export async function deleteCannedReply(actor: Actor, id: number) {
  assertStaff(actor);
  const r = await db().cannedReply.deleteMany({ where: { id } });
  if (r.count === 0) throw notFound();
  return { id };
}

/** Fills the supported placeholders; unknown ones stay as typed. Pure, shared with the UI. */
export { fillPlaceholders } from "@/server/domain/tickets/placeholders";
