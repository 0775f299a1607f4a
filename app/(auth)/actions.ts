"use server";
// Sign-in, sign-up, first-admin setup and sign-out as server actions. Field errors come back
// as translation keys; credentials errors are neutral. Every use case is a procedure of
// auth.* (server/api/routers/auth.ts) called through the server-side tRPC caller; Auth.js's
// own signIn / signOut stay here because they set this browser's session cookie.
import { AuthError } from "next-auth";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { signIn, signOut } from "@/server/auth/config";
import { landingOf } from "@/server/auth/landing";
import { safeNext } from "@/server/auth/safe-next";
import { LOCALE_COOKIE, isLocale } from "@/server/i18n/locale";
import { caller } from "@/app/_trpc/server";

export type FormState = { error?: string; notice?: string; fieldErrors?: Record<string, string>; values?: Record<string, string> } | undefined;

const SIGN_IN_ERRORS: Record<string, string> = { rate_limited: "signIn.rateLimited", unverified: "signIn.unverified" };
// a form value, cut to what the procedures accept (every real value is far shorter)
const field = (form: FormData, name: string) => String(form.get(name) ?? "").slice(0, 10_000);

/** A procedure's form answer without its `ok` flag (what the form shows). */
function shown({ ok: _ok, ...state }: { ok?: true } & NonNullable<FormState>): FormState {
  return state;
}

/** Signs in through an Auth.js provider, sets the account's language, goes on to `next`. */
async function finishSignInWith(provider: "credentials" | "magic-link", creds: Record<string, string>, who: { email: string } | { id: number } | null, next: string | null, values?: Record<string, string>): Promise<FormState> {
  try {
    await signIn(provider, { ...creds, redirect: false });
  } catch (e) {
    if (e instanceof AuthError) {
      const code = (e as AuthError & { code?: string }).code ?? "";
      return { error: SIGN_IN_ERRORS[code] ?? (provider === "magic-link" ? "magic.invalid" : "signIn.invalid"), values };
    }
    throw e;
  }
  const user = who ? await landingOf(who) : null;
  if (user && isLocale(user.locale)) (await cookies()).set(LOCALE_COOKIE, user.locale, { path: "/", sameSite: "lax", maxAge: 365 * 86400 });
  redirect(next ?? (user?.staff ? "/staff" : "/tickets"));
}

function finishSignIn(email: string, password: string, next: string | null): Promise<FormState> {
  return finishSignInWith("credentials", { email, password }, { email }, next, { email });
}

export async function signInAction(_: FormState, form: FormData): Promise<FormState> {
  return finishSignIn(field(form, "email"), field(form, "password"), safeNext(form.get("next")));
}

const registration = (form: FormData) => ({ name: field(form, "name"), email: field(form, "email"), password: field(form, "password") });

/** Neutral: the same notice whether or not the address has an account (the owner gets a mail). */
export async function signUpAction(_: FormState, form: FormData): Promise<FormState> {
  return shown(await (await caller()).auth.signUp(registration(form)));
}

export async function setupAction(_: FormState, form: FormData): Promise<FormState> {
  const input = registration(form);
  const r = await (await caller()).auth.setup(input);
  if (!r.ok) return shown(r);
  return finishSignIn(input.email.trim().toLowerCase(), input.password, "/staff");
}

export async function signOutAction() {
  await signOut({ redirectTo: "/sign-in" });
}

export async function setLocaleAction(locale: string) {
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", maxAge: 365 * 86400 });
  await (await caller()).auth.setLocale({ locale });
}

export async function forgotPasswordAction(_: FormState, form: FormData): Promise<FormState> {
  return shown(await (await caller()).auth.forgotPassword({ email: field(form, "email") }));
}

export async function setPasswordAction(_: FormState, form: FormData): Promise<FormState> {
  const r = await (await caller()).auth.setPassword({ token: field(form, "token").slice(0, 200), password: field(form, "password"), confirm: field(form, "confirm") });
  if (!r.ok) return shown(r);
  redirect("/sign-in?reset=1");
}

/** The confirmation link of a sign-up plus the password chosen there: verified, signed in. */
export async function confirmEmailAction(_: FormState, form: FormData): Promise<FormState> {
  const password = field(form, "password");
  const r = await (await caller()).auth.confirmEmail({ token: field(form, "token").slice(0, 200), password });
  if (!r.ok || !r.email) return shown(r);
  return finishSignIn(r.email, password, null);
}

export async function resendVerificationAction(_: FormState, form: FormData): Promise<FormState> {
  return shown(await (await caller()).auth.resendVerification({ email: field(form, "email") }));
}

/** "Mail me a sign-in link": for the typed address or the account a mailed link names. Neutral. */
export async function requestMagicLinkAction(_: FormState, form: FormData): Promise<FormState> {
  return shown(await (await caller()).auth.requestMagicLink({ email: field(form, "email"), link: field(form, "link"), next: field(form, "next") || null }));
}

export async function magicSignInAction(_: FormState, form: FormData): Promise<FormState> {
  const token = field(form, "token").slice(0, 200);
  // read before the sign-in uses the token up: whose language to keep
  const { email } = await (await caller()).auth.linkAddress({ token, purpose: "magic-link" });
  if (!email) return { error: "magic.invalid" };
  return finishSignInWith("magic-link", { token }, { email }, safeNext(form.get("next")));
}
