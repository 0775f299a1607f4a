// The forms a visitor fills in before (or while) signing in: sign-up, first-admin setup, set a
// password from a mailed link, confirm an address, mail a sign-in link. Each answers with a
// FormResult whose strings are translation keys (messages/*/auth): field errors, a form-level
// error, or a neutral notice. Throttles are per client address, as the pages always had them.
import { db } from "@/server/db/client";
import { DomainError } from "@/server/domain/errors";
import { LIMITS, take } from "@/server/auth/rate-limit";
import { registerSchema, createFirstAdmin, hasAdmin, passwordSchema } from "./register-user";
import { signUp, confirmEmail, resendVerification } from "./sign-up";
import { requestMagicLink } from "./magic-link";
import { consumeTokenAndSetPassword, tokenIsValid, tokenOwner } from "./password-tokens";

export type FormResult = { ok?: true; error?: string; notice?: string; fieldErrors?: Record<string, string>; values?: Record<string, string> };
type Visitor = { ip: string; locale: string };
type Registration = { name: string; email: string; password: string };

function fieldErrors(issues: { path: PropertyKey[]; message: string }[]) {
  return Object.fromEntries(issues.map((i) => [String(i.path[0]), i.message]));
}

/** Neutral: the same notice whether or not the address has an account (the owner gets a mail). */
export async function signUpVisitor(input: Registration, who: Visitor): Promise<FormResult> {
  const parsed = registerSchema.safeParse(input);
  const values = { name: input.name, email: input.email };
  if (!parsed.success) return { fieldErrors: fieldErrors(parsed.error.issues), values };
  if (!(await take(LIMITS.signUpIp(), who.ip))) return { error: "signIn.rateLimited", values };
  await signUp(db(), { ...parsed.data, locale: who.locale });
  return { notice: "signUp.checkMail" };
}

/** Whether /setup is still open: only while no administrator exists. */
export async function setupOpen(): Promise<boolean> {
  return !(await hasAdmin(db()));
}

/** The first administrator; `ok` means the caller may sign them in with these credentials. */
export async function setupFirstAdmin(input: Registration, who: Visitor): Promise<FormResult> {
  const parsed = registerSchema.safeParse(input);
  const values = { name: input.name, email: input.email };
  if (!parsed.success) return { fieldErrors: fieldErrors(parsed.error.issues), values };
  try {
    await createFirstAdmin(db(), { ...parsed.data, locale: who.locale });
  } catch (e) {
    if (e instanceof DomainError) return { error: e.reason === "EMAIL_TAKEN" ? "signUp.exists" : "setup.closed", values };
    throw e;
  }
  return { ok: true };
}

export async function passwordLinkValid(token: string): Promise<boolean> {
  return token.length > 20 && (await tokenIsValid(db(), token));
}

/** A reset / invite link plus the new password twice; `ok` sends the visitor to sign in. */
export async function setPasswordByLink(input: { token: string; password: string; confirm: string }): Promise<FormResult> {
  const parsed = passwordSchema.safeParse(input.password);
  if (!parsed.success) return { fieldErrors: { password: parsed.error.issues[0]!.message } };
  if (input.password !== input.confirm) return { fieldErrors: { confirm: "MISMATCH" } };
  const userId = await consumeTokenAndSetPassword(db(), input.token, input.password);
  return userId ? { ok: true } : { error: "setPassword.invalidLink" };
}

/** The address a still-valid sign-in or confirmation link belongs to (the page shows it). */
export async function linkAddress(token: string, purpose: "magic-link" | "verify-email"): Promise<string | null> {
  return (await tokenOwner(db(), token, purpose))?.email ?? null;
}

/** The confirmation link of a sign-up plus its password; `ok` carries the address to sign in. */
export async function confirmAddress(input: { token: string; password: string }, who: Visitor): Promise<FormResult & { email?: string }> {
  const r = await confirmEmail(db(), input.token, input.password, who.ip);
  if (r.ok) return { ok: true, email: r.email };
  return r.reason === "WRONG_PASSWORD" ? { fieldErrors: { password: "WRONG_PASSWORD" } } : { error: r.reason === "RATE_LIMITED" ? "signIn.rateLimited" : "verify.invalidLink" };
}

export async function resendConfirmation(email: string, who: Visitor): Promise<FormResult> {
  if (!(await take(LIMITS.passwordResetIp(), who.ip))) return { error: "signIn.rateLimited", values: { email } };
  await resendVerification(db(), email);
  return { notice: "verify.resent", values: { email } };
}

/** "Mail me a sign-in link": for the typed address or the account a mailed link names. Neutral. */
export async function mailSignInLink(input: { email: string; link: string; next: string | null }, who: Visitor): Promise<FormResult> {
  const { email, link } = input;
  if (!link && !email.includes("@")) return { fieldErrors: { email: "INVALID_EMAIL" } };
  if (!(await take(LIMITS.passwordResetIp(), who.ip))) return { error: "signIn.rateLimited", values: { email } };
  await requestMagicLink(db(), link ? { link } : { email }, input.next);
  return { notice: "magic.sent", values: { email } };
}
