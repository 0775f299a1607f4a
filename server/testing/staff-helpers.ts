// Test helpers for the staff dashboard: a customer's ticket opened through the real procedure.
import { callerFor } from "./caller";
import { makeActor, firstCategoryId } from "./factories";
import type { Actor } from "@/server/domain/actor";
import { db } from "@/server/db/client";

export async function openTicket(customer: Actor, over: { title?: string; body?: string; categoryId?: number } = {}) {
  const t = await callerFor(customer).ticket.create({ title: over.title ?? "Printer is broken", body: over.body ?? "It prints blank pages.", categoryId: over.categoryId ?? (await firstCategoryId()) });
  return t.id;
}

export async function versionOf(ticketId: number) {
  return (await db().ticket.findUniqueOrThrow({ where: { id: ticketId }, select: { version: true } })).version;
}

export async function staffWorld() {
  const { actor: customer, user: customerUser } = await makeActor("CUSTOMER");
  const { actor: agent, user: agentUser } = await makeActor("AGENT");
  const { actor: admin, user: adminUser } = await makeActor("ADMIN");
  return { customer, customerUser, agent, agentUser, admin, adminUser };
}
