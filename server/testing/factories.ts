// Test factories: each test creates what it needs through the real services or the database.
import crypto from "node:crypto";
import { db } from "@/server/db/client";
import { hashPassword } from "@/server/auth/passwords";
import type { Actor, Role } from "@/server/domain/actor";
import { updateSettings } from "@/server/platform/settings/settings-store";
import type { TicketSettings } from "@/server/domain/settings/schema";

let n = 0;
const KNOWN_HASH = hashPassword("password123");

/** `verified: false` makes an account whose address is not proven yet (a fresh sign-up). */
export async function makeUser(over: { role?: Role; email?: string; name?: string; locale?: string; password?: string | null; verified?: boolean } = {}) {
  n += 1;
  const role = over.role ?? "CUSTOMER";
  return db().user.create({
    data: {
      email: over.email ?? `${role.toLowerCase()}${n}-${crypto.randomBytes(3).toString("hex")}@example.test`,
      name: over.name ?? `${role[0]}${role.slice(1).toLowerCase()} ${n}`,
      role,
      locale: over.locale ?? "en",
      passwordHash: over.password === null ? null : over.password ? await hashPassword(over.password) : await KNOWN_HASH,
      emailVerifiedAt: over.verified === false ? null : new Date(),
    },
    select: { id: true, email: true, name: true, role: true, locale: true },
  });
}

export function actorOf(u: { id: number; role: Role; email: string; name: string; locale: string }): Actor {
  return { kind: "user", userId: u.id, role: u.role, email: u.email, name: u.name, locale: u.locale, via: "session" };
}

export async function makeActor(role: Role = "CUSTOMER") {
  const u = await makeUser({ role });
  return { user: u, actor: actorOf(u) };
}

export async function firstCategoryId() {
  return (await db().category.findFirstOrThrow({ orderBy: { id: "asc" } })).id;
}

export async function statusByKey(key: "new" | "in_progress" | "waiting" | "closed") {
  return db().status.findUniqueOrThrow({ where: { key } });
}

export async function setTicketSettings(patch: Partial<TicketSettings>) {
  return updateSettings("tickets", patch);
}
