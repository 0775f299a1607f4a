// "Forgot password?": a reset link for an active account, the same answer for every address
// (whether it has an account must not show). Throttled per client address.
import { db } from "@/server/db/client";
import { LIMITS, take } from "@/server/auth/rate-limit";
import { enqueueAccountMail } from "@/server/mail/outbound/account-mail";
import { emailSchema } from "./register-user";
import { issueToken } from "./password-tokens";
import type { FormResult } from "./pre-auth";

export async function requestPasswordReset(input: { email: string }, ip: string): Promise<FormResult> {
  const parsed = emailSchema.safeParse(input.email);
  if (!parsed.success) return { fieldErrors: { email: "INVALID_EMAIL" }, values: { email: input.email } };
  if (!(await take(LIMITS.passwordResetIp(), ip))) return { error: "signIn.rateLimited" };
  const user = await db().user.findUnique({ where: { email: parsed.data }, select: { id: true, name: true, locale: true, isActive: true } });
  if (user?.isActive) {
    await db().$transaction(async (tx) => {
      const token = await issueToken(tx, user.id, "reset");
      await enqueueAccountMail(tx, { kind: "password.reset", to: parsed.data, name: user.name, locale: user.locale, token });
    });
  }
  // the same answer whether or not the account exists
  return { notice: "forgot.sent" };
}
