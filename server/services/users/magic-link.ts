// One-time sign-in links by mail for customers (issue 12.4): a passwordless customer (made by
// mail or the guest form) follows a link we mailed — ticket, rating — while "require login" is
// on, asks for a sign-in link and comes back signed in to where they were going.
// The link is single use, expires in 15 minutes and only its hash is stored (auth_tokens,
// purpose "magic-link"). Using it proves the mailbox: the address becomes verified. Staff sign
// in with their password only (a mailbox is not a second factor for staff rights).
import type { Db } from "@/server/db/client";
import { LIMITS, take } from "@/server/auth/rate-limit";
import { verifyLink } from "@/server/auth/signed-links";
import { enqueueAccountMail } from "@/server/mail/outbound/account-mail";
import { emailSchema } from "./register-user";
import { issueToken, claimToken } from "./password-tokens";
import { revokeCredentials } from "./revoke-credentials";

/** Who a request names: a typed address, or a signed ticket / rating link we mailed. */
export type MagicTarget = { email: string } | { link: string };

async function targetUser(db: Db, target: MagicTarget) {
  const select = { id: true, email: true, name: true, locale: true, role: true, isActive: true } as const;
  if ("email" in target) {
    const email = emailSchema.safeParse(target.email);
    return email.success ? db.user.findUnique({ where: { email: email.data }, select }) : null;
  }
  const v = verifyLink("ticket", target.link) ?? verifyLink("rate", target.link);
  return v ? db.user.findUnique({ where: { id: v.userId }, select }) : null;
}

/**
 * Mails a sign-in link when the target is an active customer (at most 5 an hour per account);
 * otherwise does nothing. Callers answer the same either way.
 */
export async function requestMagicLink(db: Db, target: MagicTarget, next: string | null): Promise<void> {
  const user = await targetUser(db, target);
  if (!user?.isActive || user.role !== "CUSTOMER") return;
  if (!(await take(LIMITS.magicLinkAccount(), user.email))) return;
  await db.$transaction(async (tx) => {
    const token = await issueToken(tx, user.id, "magic-link");
    await enqueueAccountMail(tx, { kind: "account.magic-link", to: user.email, name: user.name, locale: user.locale, token, next });
  });
}

/**
 * Uses a sign-in link: the account it names (still an active customer), or null. A password
 * nobody has proven (an unconfirmed sign-up — possibly someone else's pre-hijack of this
 * address) is cleared with every credential, so the link's owner alone holds the account.
 */
export async function consumeMagicLink(db: Db, token: string): Promise<{ userId: number; version: number } | null> {
  return db.$transaction(async (tx) => {
    const id = await claimToken(tx, token, ["magic-link"]);
    if (!id) return null;
    const user = await tx.user.findUniqueOrThrow({ where: { id }, select: { isActive: true, role: true, emailVerifiedAt: true, passwordHash: true } });
    if (!user.isActive || user.role !== "CUSTOMER") return null;
    if (!user.emailVerifiedAt && user.passwordHash) await revokeCredentials(tx, id, { clearPassword: true });
    const u = await tx.user.update({ where: { id }, data: { emailVerifiedAt: user.emailVerifiedAt ?? new Date() }, select: { sessionVersion: true } });
    return { userId: id, version: u.sessionVersion };
  });
}
