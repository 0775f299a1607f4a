// API tokens (admin): create (the plain token is returned once; only its sha256 is kept),
// list, revoke. A token acts as the staff account it belongs to.
import crypto from "node:crypto";
import { db } from "@/server/db/client";
import type { Actor } from "@/server/domain/actor";
import { badRequest, notFound } from "@/server/domain/errors";
import { hashToken } from "@/server/auth/actor";

export async function createApiToken(actor: Actor, input: { name: string; userId?: number }) {
  if (actor.kind !== "user") throw badRequest("LOGIN_REQUIRED");
  const userId = input.userId ?? actor.userId;
  const owner = await db().user.findUnique({ where: { id: userId }, select: { role: true, isActive: true } });
  if (!owner || owner.role === "CUSTOMER" || !owner.isActive) throw badRequest("UNKNOWN_ASSIGNEE");
  const token = `hd_${crypto.randomBytes(32).toString("base64url")}`;
  const row = await db().apiToken.create({ data: { name: input.name.trim(), prefix: token.slice(0, 10), tokenHash: hashToken(token), userId } });
  return { id: row.id, name: row.name, prefix: row.prefix, token };
}

export async function listApiTokens() {
  const rows = await db().apiToken.findMany({
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true, user: { select: { id: true, name: true, email: true } } },
    take: 500,
  });
  return rows;
}

export async function revokeApiToken(id: number) {
  const r = await db().apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
  if (!r.count && !(await db().apiToken.findUnique({ where: { id }, select: { id: true } }))) throw notFound();
  return { id };
}
