"use server";
// Sign-in, sign-up, first-admin setup and sign-out as server actions. Field errors come back
// as translation keys; credentials errors are neutral.
import { AuthError } from "next-auth";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { signIn, signOut } from "@/server/auth/config";
import { db } from "@/server/db/client";
import { registerSchema, registerUser, createFirstAdmin } from "@/server/services/users/register-user";
import { DomainError } from "@/server/domain/errors";
import { LIMITS, take } from "@/server/auth/rate-limit";
import { clientIp } from "@/server/auth/client-ip";
import { LOCALE_COOKIE, isLocale, fromAcceptLanguage } from "@/server/i18n/locale";

export type FormState = { error?: string; notice?: string; fieldErrors?: Record<string, string>; values?: Record<string, string> } | undefined;

import { safeNext } from "@/server/auth/safe-next";

async function finishSignIn(email: string, password: string, next: string | null): Promise<FormState> {
  try {
    await signIn("credentials", { email, password, redirect: false });
  } catch (e) {
    if (e instanceof AuthError) {
      const code = (e as AuthError & { code?: string }).code;
      return { error: code === "rate_limited" ? "signIn.rateLimited" : "signIn.invalid", values: { email } };
    }
    throw e;
  }
  const user = await db().user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { role: true, locale: true } });
  if (user && isLocale(user.locale)) (await cookies()).set(LOCALE_COOKIE, user.locale, { path: "/", sameSite: "lax", maxAge: 365 * 86400 });
  redirect(next ?? (user && user.role !== "CUSTOMER" ? "/staff" : "/tickets"));
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

export async function signUpAction(_: FormState, form: FormData): Promise<FormState> {
  const raw = { name: String(form.get("name") ?? ""), email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") };
  const parsed = registerSchema.safeParse(raw);
  const values = { name: raw.name, email: raw.email };
  if (!parsed.success) return { fieldErrors: fieldErrors(parsed.error.issues), values };
  if (!(await take(LIMITS.signUpIp(), clientIp(await headers())))) return { error: "signIn.rateLimited", values };
  try {
    await registerUser(db(), { ...parsed.data, locale: await currentLocale() });
  } catch (e) {
    if (e instanceof DomainError && e.reason === "EMAIL_TAKEN") return { error: "signUp.exists", values };
    throw e;
  }
  return finishSignIn(parsed.data.email, parsed.data.password, safeNext(form.get("next")));
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
