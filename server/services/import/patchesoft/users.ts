// Users with their roles, guests (accounts without a password: they get a set-password link
// the next time they need one — a guest's clear-text Patchesoft password is never imported),
// and inactive placeholders for deleted users and unusable addresses, so their tickets keep
// a requester. Passwords keep their phpass/bcrypt hash: server/auth/legacy-password.ts
// verifies it at the first sign-in and rehashes to argon2id.
import { emailSchema } from "@/server/services/users/register-user";
import { isLegacyHash } from "@/server/auth/legacy-password";
import { inBatch, type ImportContext } from "./context";
import { reconcile, type Planned } from "./reconcile";
import { insertRows, unixDate, updateRow } from "./sql";
import { int, str, type Row } from "./source";
import { repairText } from "./mojibake";

type Role = "CUSTOMER" | "AGENT" | "MANAGER" | "ADMIN";
type UserRow = { email: string; name: string; role: Role; isActive: boolean; passwordHash: string | null; verifiedAt: Date | null; createdAt: Date | null };

const placeholderEmail = (id: number) => `user-${id}@patchesoft.invalid`;

/**
 * Patchesoft role flags (user_roles, setup_db.sql) → a role here; banned roles make the account
 * inactive. The "ticket_manager" flag (Patchesoft's shipped "Ticket Manager" role: every ticket,
 * categories, custom fields, no site settings) is what MANAGER is here; "admin" wins over it.
 */
export function mapRole(r: Row | undefined): { role: Role; banned: boolean } {
  if (!r) return { role: "CUSTOMER", banned: false };
  if (int(r.banned)) return { role: "CUSTOMER", banned: true };
  if (int(r.admin)) return { role: "ADMIN", banned: false };
  if (int(r.ticket_manager)) return { role: "MANAGER", banned: false };
  const staff = ["ticket_worker", "admin_settings", "admin_members", "knowledge_manager", "faq_manager"].some((k) => int(r[k]));
  return { role: staff ? "AGENT" : "CUSTOMER", banned: false };
}

const writer = (ctx: ImportContext) => ({
  /** An address that already has an account here is linked to it, never overwritten. */
  async insert(rows: Planned<UserRow>[]) {
    const emails = [...new Set(rows.map((p) => p.row.email))];
    const before = await ctx.pg.query<{ email: string }>("SELECT email FROM users WHERE email = ANY($1::text[])", [emails]);
    const taken = new Set(before.rows.map((x) => x.email));
    const linked = rows.filter((p) => taken.has(p.row.email) && !p.row.email.endsWith(".invalid")).length;
    if (linked) ctx.summary.fix(rows[0]!.sourceId.includes("@") ? "guest" : "user", "address already had an account: linked to it", linked);
    const now = new Date();
    const fresh = new Map<string, UserRow>();
    for (const { row } of rows) if (!taken.has(row.email) && !fresh.has(row.email)) fresh.set(row.email, row);
    await insertRows(ctx.pg, "users", ["email", "name", "role", "locale", "password_hash", "is_active", "email_verified_at", "created_at", "updated_at"],
      [...fresh.values()].map((u) => [u.email, u.name, u.role, "ru", u.passwordHash, u.isActive, u.verifiedAt, u.createdAt ?? now, now]));
    const r = await ctx.pg.query<{ id: number; email: string }>("SELECT id, email FROM users WHERE email = ANY($1::text[])", [emails]);
    const byEmail = new Map(r.rows.map((x) => [x.email, String(x.id)]));
    return rows.map((p) => byEmail.get(p.row.email)!);
  },
  // a hash already replaced here (argon2id after a sign-in, or a new password) is never put back
  update: async (id: string, { row: u }: Planned<UserRow>) => {
    await updateRow(ctx.pg, "users", id, { name: u.name, role: u.role, is_active: u.isActive, updated_at: new Date() });
    await ctx.pg.query("UPDATE users SET password_hash = $2 WHERE id = $1 AND (password_hash IS NULL OR password_hash NOT LIKE '$argon2%')", [id, u.passwordHash]);
  },
});

function planUser(ctx: ImportContext, r: Row, roles: Map<number, Row>, seen: Map<string, number>): Planned<UserRow> | null {
  const id = int(r.ID);
  const { role, banned } = mapRole(roles.get(int(r.user_role)));
  const name = repairText(`${str(r.first_name)} ${str(r.last_name)}`.trim()) || repairText(str(r.username)) || `#${id}`;
  const parsed = emailSchema.safeParse(repairText(str(r.email)));
  const joined = unixDate(int(r.joined));
  if (!parsed.success) {
    ctx.summary.skip("user", "invalid address: tickets kept on an inactive placeholder");
    return { sourceId: String(id), row: { email: placeholderEmail(id), name, role: "CUSTOMER", isActive: false, passwordHash: null, verifiedAt: null, createdAt: joined } };
  }
  const email = parsed.data;
  if (seen.has(email)) {
    ctx.summary.skip("user", "duplicate address: merged into the first account");
    return { sourceId: String(id), row: { ...dupOf(email), email } };
  }
  seen.set(email, id);
  const hash = str(r.password);
  if (hash && !isLegacyHash(hash)) ctx.summary.fix("user", "unknown password hash: must reset the password");
  return {
    sourceId: String(id),
    row: { email, name, role, isActive: !banned, passwordHash: isLegacyHash(hash) ? hash : null, verifiedAt: int(r.active) ? (joined ?? new Date(0)) : null, createdAt: joined },
  };
}
// a duplicate maps onto the first account: the insert links it by address and never overwrites
const dupOf = (email: string): Omit<UserRow, "email"> => ({ name: email, role: "CUSTOMER", isActive: true, passwordHash: null, verifiedAt: null, createdAt: null });

export async function importUsers(ctx: ImportContext): Promise<void> {
  const roles = new Map((await ctx.src.all("user_roles")).map((r) => [int(r.ID), r]));
  const seen = new Map<string, number>();
  const rows = await ctx.src.all("users");
  const planned = rows.map((r) => planUser(ctx, r, roles, seen)).filter((p): p is Planned<UserRow> => p !== null);
  for (let i = 0; i < planned.length; i += ctx.batchSize) {
    const batch = planned.slice(i, i + ctx.batchSize);
    const ids = await inBatch(ctx, () => reconcile(ctx, "user", batch, writer(ctx)));
    for (const p of batch) {
      ctx.users.set(Number(p.sourceId), Number(ids.get(p.sourceId)));
      ctx.roles.set(Number(p.sourceId), p.row.role);
    }
  }
}

/** Inactive placeholder accounts for source users that are gone (their tickets keep a requester). */
/** Negative ids: a guest ticket (-ticket id) whose address is unusable. */
export async function ensureDeletedUsers(ctx: ImportContext, sourceIds: number[]): Promise<void> {
  const missing = [...new Set(sourceIds.filter((id) => id !== 0 && !ctx.users.has(id)))];
  if (!missing.length) return;
  const name = (id: number) => (id > 0 ? `Удалённый пользователь #${id}` : `Гость заявки #${-id}`);
  const email = (id: number) => (id > 0 ? placeholderEmail(id) : `guest-ticket-${-id}@patchesoft.invalid`);
  const planned = missing.map((id) => ({ sourceId: String(id), row: { email: email(id), name: name(id), role: "CUSTOMER" as const, isActive: false, passwordHash: null, verifiedAt: null, createdAt: null } }));
  const ids = await reconcile(ctx, "user", planned, writer(ctx));
  for (const id of missing) {
    ctx.users.set(id, Number(ids.get(String(id))));
    ctx.roles.set(id, "CUSTOMER");
  }
}

/** Guests become passwordless customers, one per address (or the account that has the address). */
export async function ensureGuests(ctx: ImportContext, emails: string[]): Promise<void> {
  const missing = [...new Set(emails.filter((e) => !ctx.guests.has(e)))];
  if (!missing.length) return;
  const planned = missing.map((email) => ({ sourceId: email, row: { email, name: email.split("@")[0]!, role: "CUSTOMER" as const, isActive: true, passwordHash: null, verifiedAt: null, createdAt: null } }));
  const ids = await reconcile(ctx, "guest", planned, { insert: writer(ctx).insert, update: async () => {} });
  for (const e of missing) ctx.guests.set(e, Number(ids.get(e)));
}
