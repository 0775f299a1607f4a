"use server";
// Change your own password: check the current one, store the new one (which ends every
// session, this one included), then sign in again so this browser gets a fresh session.
import { redirect } from "next/navigation";
import { signIn } from "@/server/auth/config";
import { getActor } from "@/app/_lib/actor";
import { caller } from "@/app/_trpc/server";

export type AccountFormState = { error?: string; fieldErrors?: Record<string, string> } | undefined;

export async function changePasswordAction(_: AccountFormState, form: FormData): Promise<AccountFormState> {
  const actor = await getActor();
  if (actor.kind !== "user" || actor.via !== "session") redirect("/sign-in?next=/account");
  const current = String(form.get("current") ?? "");
  const next = String(form.get("password") ?? "");
  if (next !== String(form.get("confirm") ?? "")) return { fieldErrors: { confirm: "MISMATCH" } };
  const r = await (await caller()).auth.changePassword({ current: current.slice(0, 10_000), password: next.slice(0, 10_000) });
  if (!r.ok) {
    if (r.reason === "WRONG_CURRENT") return { fieldErrors: { current: "WRONG_CURRENT" } };
    if (r.reason === "PASSWORD_TOO_SHORT" || r.reason === "TOO_LONG" || r.reason === "SAME_AS_CURRENT") return { fieldErrors: { password: r.reason } };
    if (r.reason === "INACTIVE") redirect("/sign-in");
    return { error: r.reason };
  }
  try {
    await signIn("credentials", { email: actor.email, password: next, redirect: false });
  } catch {
    // the password is changed either way; without a fresh session the user signs in by hand
    redirect("/sign-in?next=/account");
  }
  redirect("/account?changed=1");
}
