// Staff accounts (admin): invite an agent (no password; a set-password mail), change roles,
// deactivate (sessions and API tokens die at once; their tickets stay) and reactivate.
// Inviting an address that already has a customer account takes that account over for the
// invitee: its password is cleared and every session, API token and pending link of it ends,
// so whoever signed up with that address before (possibly not its owner) keeps nothing.
import { db } from "@/server/db/client";
import { STAFF_ROLES, type Actor, type Role } from "@/server/domain/actor";
import { badRequest, conflict, notFound } from "@/server/domain/errors";
import { issueToken } from "@/server/services/users/password-tokens";
import { enqueueAccountMail } from "@/server/mail/outbound/account-mail";
import { revokeCredentials } from "@/server/services/users/revoke-credentials";

const select = { id: true, email: true, name: true, role: true, locale: true, isActive: true, createdAt: true } as const;

/** Active agents and admins, for assignment pickers (any staff member). */
export async function listAssignable() {
  return db().user.findMany({ where: { role: { in: [...STAFF_ROLES] }, isActive: true }, select: { id: true, name: true, email: true }, orderBy: { name: "asc" } });
}

export async function listStaffUsers(opts: { search?: string; includeCustomers?: boolean }) {
  const q = opts.search?.trim();
  return db().user.findMany({
    where: {
      ...(opts.includeCustomers ? {} : { role: { in: [...STAFF_ROLES] as Role[] } }),
      ...(q ? { OR: [{ email: { contains: q, mode: "insensitive" as const } }, { name: { contains: q, mode: "insensitive" as const } }] } : {}),
    },
    select,
    orderBy: [{ role: "desc" }, { name: "asc" }],
    take: 200,
  });
}

export async function inviteAgent(input: { email: string; name: string; locale: "ru" | "en"; role?: "AGENT" | "ADMIN" | "MANAGER" }) {
  const email = input.email.trim().toLowerCase();
  return db().$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email }, select: { id: true, role: true } });
    if (existing && existing.role !== "CUSTOMER") throw conflict("EMAIL_TAKEN");
    if (existing) await revokeCredentials(tx, existing.id, { clearPassword: true });
    const user = existing
      ? await tx.user.update({ where: { id: existing.id }, data: { role: input.role ?? "AGENT", isActive: true }, select })
      : await tx.user.create({ data: { email, name: input.name.trim(), role: input.role ?? "AGENT", locale: input.locale, passwordHash: null }, select });
    const token = await issueToken(tx, user.id, "invite");
    await enqueueAccountMail(tx, { kind: "agent.invite", to: user.email, name: user.name, locale: user.locale, token });
    return user;
  });
}

async function guardLastAdmin(actor: Actor, id: number) {
  if (actor.kind === "user" && actor.userId === id) throw badRequest("CANNOT_CHANGE_SELF");
}

export async function setRole(actor: Actor, id: number, role: Role) {
  await guardLastAdmin(actor, id);
  const u = await db().user.findUnique({ where: { id }, select: { id: true } });
  if (!u) throw notFound();
  // a role change changes what a session or API token may do: it signs in again, tokens are re-issued
  return db().$transaction(async (tx) => {
    const r = await tx.user.update({ where: { id }, data: { role }, select });
    await revokeCredentials(tx, id);
    return r;
  });
}

export async function setActive(actor: Actor, id: number, active: boolean) {
  await guardLastAdmin(actor, id);
  const u = await db().user.findUnique({ where: { id }, select: { id: true } });
  if (!u) throw notFound();
  return db().$transaction(async (tx) => {
    const r = await tx.user.update({ where: { id }, data: { isActive: active }, select });
    if (!active) await revokeCredentials(tx, id);
    return r;
  });
}
