// Self-service sign-up with proof of address (issue 12.3, 14.10).
// - The answer is the same whether or not the address has an account: a new address gets a
//   confirmation link, a taken one gets "you already have an account — sign in or reset".
// - The account stays unverified (cannot sign in) until the confirmation link is used TOGETHER
//   with the password chosen at that sign-up. That closes the pre-hijack: when an attacker
//   signs up as victim@x.com, the victim's click on "confirm" proves nothing without the
//   attacker's password, so it never hands the attacker a verified account. The victim takes
//   the address through "Forgot password?" (a reset link proves the mailbox, replaces the
//   password and ends every credential of the row).
import type { Db } from "@/server/db/client";
import { DomainError } from "@/server/domain/errors";
import { verifyPassword } from "@/server/auth/passwords";
import { LIMITS, take, clear } from "@/server/auth/rate-limit";
import { enqueueAccountMail } from "@/server/mail/outbound/account-mail";
import { registerUser, emailSchema } from "./register-user";
import { issueToken, claimToken, tokenOwner } from "./password-tokens";

export async function signUp(db: Db, input: { name: string; email: string; password: string; locale: string }): Promise<void> {
  const email = emailSchema.parse(input.email);
  try {
    await db.$transaction(async (tx) => {
      const user = await registerUser(tx as unknown as Db, { ...input, email, role: "CUSTOMER", verified: false });
      const token = await issueToken(tx, user.id, "verify-email");
      await enqueueAccountMail(tx, { kind: "account.verify-email", to: email, name: user.name, locale: input.locale, token });
    });
  } catch (e) {
    if (!(e instanceof DomainError && e.reason === "EMAIL_TAKEN")) throw e;
    const owner = await db.user.findUnique({ where: { email }, select: { name: true, locale: true, isActive: true } });
    // the owner hears about it in their own language; a deactivated account hears nothing
    if (owner?.isActive) await enqueueAccountMail(db, { kind: "account.exists", to: email, name: owner.name, locale: owner.locale });
  }
}

export type ConfirmResult = { ok: true; email: string } | { ok: false; reason: "INVALID_LINK" | "WRONG_PASSWORD" | "RATE_LIMITED" };

/**
 * The confirmation link plus the password of that sign-up: marks the address verified. The
 * password check shares the sign-in budget of (account, address), so the page is no way around it.
 */
export async function confirmEmail(db: Db, token: string, password: string, ip: string): Promise<ConfirmResult> {
  const owner = await tokenOwner(db, token, "verify-email");
  if (!owner) return { ok: false, reason: "INVALID_LINK" };
  const key = `${owner.email}|${ip}`;
  if (!(await take(LIMITS.loginAccountIp(), key))) return { ok: false, reason: "RATE_LIMITED" };
  const row = await db.user.findUniqueOrThrow({ where: { id: owner.id }, select: { passwordHash: true } });
  if (password.length > 1024 || !(await verifyPassword(row.passwordHash, password))) return { ok: false, reason: "WRONG_PASSWORD" };
  await clear(LIMITS.loginAccountIp(), key);
  const done = await db.$transaction(async (tx) => {
    const id = await claimToken(tx, token, ["verify-email"]);
    if (id !== owner.id) return false;
    await tx.user.update({ where: { id }, data: { emailVerifiedAt: new Date() } });
    return true;
  });
  return done ? { ok: true, email: owner.email } : { ok: false, reason: "INVALID_LINK" };
}

/** "Send the confirmation link again": only for an unconfirmed account with a password; neutral. */
export async function resendVerification(db: Db, emailRaw: string): Promise<void> {
  const email = emailSchema.safeParse(emailRaw);
  if (!email.success) return;
  const user = await db.user.findUnique({ where: { email: email.data }, select: { id: true, name: true, locale: true, isActive: true, emailVerifiedAt: true, passwordHash: true } });
  if (!user?.isActive || user.emailVerifiedAt || !user.passwordHash) return;
  if (!(await take(LIMITS.magicLinkAccount(), `verify|${email.data}`))) return;
  await db.$transaction(async (tx) => {
    const token = await issueToken(tx, user.id, "verify-email");
    await enqueueAccountMail(tx, { kind: "account.verify-email", to: email.data, name: user.name, locale: user.locale, token });
  });
}
