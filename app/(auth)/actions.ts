"use server";
// Sign-in, sign-up, first-admin setup and sign-out as server actions. Field errors come back
// as translation keys; credentials errors are neutral.
import { AuthError } from "next-auth";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { signIn, signOut } from "@/server/auth/config";
import { db } from "@/server/db/client";
import { registerSchema, createFirstAdmin } from "@/server/services/users/register-user";
import { signUp, confirmEmail, resendVerification } from "@/server/services/users/sign-up";
import { requestMagicLink } from "@/server/services/users/magic-link";
import { tokenOwner } from "@/server/services/users/password-tokens";
import { DomainError } from "@/server/domain/errors";
import { LIMITS, take } from "@/server/auth/rate-limit";
import { clientIp } from "@/server/auth/client-ip";
import { LOCALE_COOKIE, isLocale, fromAcceptLanguage } from "@/server/i18n/locale";

export type FormState = { error?: string; notice?: string; fieldErrors?: Record<string, string>; values?: Record<string, string> } | undefined;

import { safeNext } from "@/server/auth/safe-next";

const SIGN_IN_ERRORS: Record<string, string> = { rate_limited: "signIn.rateLimited", unverified: "signIn.unverified" };

/** Signs in through an Auth.js provider, sets the account's language, goes on to `next`. */
async function finishSignInWith(provider: "credentials" | "magic-link", creds: Record<string, string>, who: { email: string } | { id: number }, next: string | null, values?: Record<string, string>): Promise<FormState> {
  try {
    await signIn(provider, { ...creds, redirect: false });
  } catch (e) {
    if (e instanceof AuthError) {
      const code = (e as AuthError & { code?: string }).code ?? "";
      return { error: SIGN_IN_ERRORS[code] ?? (provider === "magic-link" ? "magic.invalid" : "signIn.invalid"), values };
    }
    throw e;
  }
  const where = "email" in who ? { email: who.email.trim().toLowerCase() } : who;
  const user = await db().user.findUnique({ where, select: { role: true, locale: true } });
  if (user && isLocale(user.locale)) (await cookies()).set(LOCALE_COOKIE, user.locale, { path: "/", sameSite: "lax", maxAge: 365 * 86400 });
  redirect(next ?? (user && user.role !== "CUSTOMER" ? "/staff" : "/tickets"));
}

function finishSignIn(email: string, password: string, next: string | null): Promise<FormState> {
  return finishSignInWith("credentials", { email, password }, { email }, next, { email });
}

export async function signInAction(_: FormState, form: FormData): Promise<FormState> {
  return finishSignIn(String(form.get("email") ?? ""), String(form.get("password") ?? ""), safeNext(form.get("next")));
}

/** The language the visitor sees now: their chosen cookie, else the browser's. */
async function currentLocale() {
  const c = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(c) ? c : fromAcceptLanguage((await headers()).get("accept-language"));
}

function fieldErrors(issues: { path: PropertyKey[]; message: string }[]) {
  return Object.fromEntries(issues.map((i) => [String(i.path[0]), i.message]));
}

/** Neutral: the same notice whether or not the address has an account (the owner gets a mail). */
export async function signUpAction(_: FormState, form: FormData): Promise<FormState> {
  const raw = { name: String(form.get("name") ?? ""), email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") };
  const parsed = registerSchema.safeParse(raw);
  const values = { name: raw.name, email: raw.email };
  if (!parsed.success) return { fieldErrors: fieldErrors(parsed.error.issues), values };
  if (!(await take(LIMITS.signUpIp(), clientIp(await headers())))) return { error: "signIn.rateLimited", values };
  await signUp(db(), { ...parsed.data, locale: await currentLocale() });
  return { notice: "signUp.checkMail" };
}

export async function setupAction(_: FormState, form: FormData): Promise<FormState> {
  const raw = { name: String(form.get("name") ?? ""), email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") };
  const parsed = registerSchema.safeParse(raw);
  const values = { name: raw.name, email: raw.email };
  if (!parsed.success) return { fieldErrors: fieldErrors(parsed.error.issues), values };
  try {
    await createFirstAdmin(db(), { ...parsed.data, locale: await currentLocale() });
  } catch (e) {
    if (e instanceof DomainError) return { error: e.reason === "EMAIL_TAKEN" ? "signUp.exists" : "setup.closed", values };
    throw e;
  }
  return finishSignIn(parsed.data.email, parsed.data.password, "/staff");
}

export async function signOutAction() {
  await signOut({ redirectTo: "/sign-in" });
}

export async function setLocaleAction(locale: string) {
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", maxAge: 365 * 86400 });
  const { auth } = await import("@/server/auth/config");
  const s = await auth();
  if (s?.user?.id) await db().user.update({ where: { id: s.user.id }, data: { locale } });
}

export async function forgotPasswordAction(_: FormState, form: FormData): Promise<FormState> {
  const { emailSchema } = await import("@/server/services/users/register-user");
  const parsed = emailSchema.safeParse(String(form.get("email") ?? ""));
  if (!parsed.success) return { fieldErrors: { email: "INVALID_EMAIL" }, values: { email: String(form.get("email") ?? "") } };
  if (!(await take(LIMITS.passwordResetIp(), clientIp(await headers())))) return { error: "signIn.rateLimited" };
  const { issueToken } = await import("@/server/services/users/password-tokens");
  const { enqueueAccountMail } = await import("@/server/mail/outbound/account-mail");
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

export async function setPasswordAction(_: FormState, form: FormData): Promise<FormState> {
  const { passwordSchema } = await import("@/server/services/users/register-user");
  const { consumeTokenAndSetPassword } = await import("@/server/services/users/password-tokens");
  const password = String(form.get("password") ?? "");
  const parsed = passwordSchema.safeParse(password);
  if (!parsed.success) return { fieldErrors: { password: parsed.error.issues[0]!.message } };
  if (password !== String(form.get("confirm") ?? "")) return { fieldErrors: { confirm: "MISMATCH" } };
  const userId = await consumeTokenAndSetPassword(db(), String(form.get("token") ?? ""), password);
  if (!userId) return { error: "setPassword.invalidLink" };
  redirect("/sign-in?reset=1");
}

/** The confirmation link of a sign-up plus the password chosen there: verified, signed in. */
export async function confirmEmailAction(_: FormState, form: FormData): Promise<FormState> {
  const password = String(form.get("password") ?? "");
  const r = await confirmEmail(db(), String(form.get("token") ?? ""), password, clientIp(await headers()));
  if (!r.ok) return r.reason === "WRONG_PASSWORD" ? { fieldErrors: { password: "WRONG_PASSWORD" } } : { error: r.reason === "RATE_LIMITED" ? "signIn.rateLimited" : "verify.invalidLink" };
  return finishSignIn(r.email, password, null);
}

export async function resendVerificationAction(_: FormState, form: FormData): Promise<FormState> {
  const email = String(form.get("email") ?? "");
  if (!(await take(LIMITS.passwordResetIp(), clientIp(await headers())))) return { error: "signIn.rateLimited", values: { email } };
  await resendVerification(db(), email);
  return { notice: "verify.resent", values: { email } };
}

/** "Mail me a sign-in link": for the typed address or the account a mailed link names. Neutral. */
export async function requestMagicLinkAction(_: FormState, form: FormData): Promise<FormState> {
  const email = String(form.get("email") ?? "");
  const link = String(form.get("link") ?? "");
  if (!link && !email.includes("@")) return { fieldErrors: { email: "INVALID_EMAIL" } };
  if (!(await take(LIMITS.passwordResetIp(), clientIp(await headers())))) return { error: "signIn.rateLimited", values: { email } };
  await requestMagicLink(db(), link ? { link } : { email }, safeNext(form.get("next")));
  return { notice: "magic.sent", values: { email } };
}

export async function magicSignInAction(_: FormState, form: FormData): Promise<FormState> {
  const token = String(form.get("token") ?? "");
  // read before the sign-in uses the token up: whose language to keep
  const owner = await tokenOwner(db(), token, "magic-link");
  if (!owner) return { error: "magic.invalid" };
  return finishSignInWith("magic-link", { token }, { id: owner.id }, safeNext(form.get("next")));
}
