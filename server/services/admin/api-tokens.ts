// API tokens (admin, and the token:create CLI): create (the plain token is returned once; only
// its sha256 is kept), list, revoke. A token acts as the staff account it belongs to, within its
// scope ("read": queries only) and until its optional expiry. Password reset, role change and
// deactivation revoke every token of the account (server/services/users/revoke-credentials.ts).
import crypto from "node:crypto";
import { z } from "zod";
import { db } from "@/server/db/client";
import type { Actor } from "@/server/domain/actor";
import { badRequest, notFound } from "@/server/domain/errors";
import { hashToken } from "@/server/auth/token-hash";

export const TOKEN_SCOPES = ["read", "read-write"] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];
/** What a new token may be: a name, a scope, and a lifetime in days (none: until revoked). */
export const mintInput = z.object({
  name: z.string().trim().min(1, "REQUIRED").max(100, "TOO_LONG"),
  scope: z.enum(TOKEN_SCOPES).default("read-write"),
  expiresInDays: z.number().int().min(1).max(3650).nullable().default(null),
});
export type MintInput = z.input<typeof mintInput>;

/** The one token-minting step: the web UI and the CLI both come here, so both check the owner. */
export async function mintApiToken(userId: number, input: MintInput, now = Date.now()) {
  const p = mintInput.parse(input);
  const owner = await db().user.findUnique({ where: { id: userId }, select: { role: true, isActive: true } });
  if (!owner || owner.role === "CUSTOMER" || !owner.isActive) throw badRequest("UNKNOWN_ASSIGNEE");
  const token = `hd_${crypto.randomBytes(32).toString("base64url")}`;
  const expiresAt = p.expiresInDays ? new Date(now + p.expiresInDays * 86400_000) : null;
  const row = await db().apiToken.create({ data: { name: p.name, prefix: token.slice(0, 10), tokenHash: hashToken(token), userId, scope: p.scope, expiresAt } });
  return { id: row.id, name: row.name, prefix: row.prefix, scope: p.scope, expiresAt, token };
}

export async function createApiToken(actor: Actor, input: MintInput & { userId?: number }) {
  if (actor.kind !== "user") throw badRequest("LOGIN_REQUIRED");
  return mintApiToken(input.userId ?? actor.userId, input);
}

export async function listApiTokens() {
  const rows = await db().apiToken.findMany({
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: { id: true, name: true, prefix: true, scope: true, createdAt: true, expiresAt: true, lastUsedAt: true, revokedAt: true, user: { select: { id: true, name: true, email: true } } },
    take: 500,
  });
  return rows;
}

export async function revokeApiToken(id: number) {
  const r = await db().apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
  if (!r.count && !(await db().apiToken.findUnique({ where: { id }, select: { id: true } }))) throw notFound();
  return { id };
}
