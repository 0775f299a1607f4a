// auth.* on the real database: the pre-sign-in forms answer neutral notices and translation
// keys, keep the per-address throttles they had as server actions, and take the visitor's
// language from the request; changePassword is for browser sessions only.
import { describe, it, expect } from "vitest";
import { TRPCError } from "@trpc/server";
import { createCaller } from "@/server/api/root";
import { db } from "@/server/db/client";
import type { Actor } from "@/server/domain/actor";
import { anonymous } from "@/server/domain/actor";
import { makeUser, actorOf } from "@/server/testing/factories";
import { mailedToken, mailsTo } from "@/server/testing/mailed-token";

let n = 0;
/** A caller from an address of its own (integration tests read x-forwarded-for), in `lang`. */
function visitor(opts: { ip?: string; lang?: string; actor?: Actor } = {}) {
  const headers = new Headers({ "x-forwarded-for": opts.ip ?? `192.0.2.${++n}`, "accept-language": opts.lang ?? "en" });
  return createCaller({ actor: opts.actor ?? anonymous, requestId: "test", headers });
}

describe("auth procedures", () => {
  it("forgotPassword: the same notice for any address, a reset mail only for an active account, field error for a bad address", async () => {
    const u = await makeUser();
    const api = visitor();
    expect(await api.auth.forgotPassword({ email: u.email })).toEqual({ notice: "forgot.sent" });
    expect(await api.auth.forgotPassword({ email: "nobody@example.test" })).toEqual({ notice: "forgot.sent" });
    expect(await api.auth.forgotPassword({ email: "not-an-address" })).toEqual({ fieldErrors: { email: "INVALID_EMAIL" }, values: { email: "not-an-address" } });
    expect((await mailsTo(u.email)).map((m) => m.template)).toEqual(["password.reset"]);
    expect(await mailsTo("nobody@example.test")).toEqual([]);
  });

  it("forgotPassword: ten requests per address and hour, then rate limited; another address still goes through", async () => {
    const api = visitor({ ip: "198.51.100.7" });
    for (let i = 0; i < 10; i++) expect(await api.auth.forgotPassword({ email: `x${i}@example.test` })).toEqual({ notice: "forgot.sent" });
    expect(await api.auth.forgotPassword({ email: "x@example.test" })).toEqual({ error: "signIn.rateLimited" });
    expect(await visitor({ ip: "198.51.100.8" }).auth.forgotPassword({ email: "x@example.test" })).toEqual({ notice: "forgot.sent" });
  });

  it("set password from the mailed link: valid once, mismatch and short passwords are field errors", async () => {
    const u = await makeUser();
    const api = visitor();
    await api.auth.forgotPassword({ email: u.email });
    const token = (await mailedToken(u.email, "password.reset"))!;
    expect(await api.auth.passwordLinkValid({ token })).toEqual({ valid: true });
    expect(await api.auth.setPassword({ token, password: "short", confirm: "short" })).toEqual({ fieldErrors: { password: "PASSWORD_TOO_SHORT" } });
    expect(await api.auth.setPassword({ token, password: "a-new-long-password", confirm: "another-one-entirely" })).toEqual({ fieldErrors: { confirm: "MISMATCH" } });
    expect(await api.auth.setPassword({ token, password: "a-new-long-password", confirm: "a-new-long-password" })).toEqual({ ok: true });
    expect(await api.auth.passwordLinkValid({ token })).toEqual({ valid: false });
    expect(await api.auth.setPassword({ token, password: "a-new-long-password", confirm: "a-new-long-password" })).toEqual({ error: "setPassword.invalidLink" });
  });

  it("sign-up in the request's language, then confirmation with that password; the link shows its address", async () => {
    const api = visitor({ lang: "ru-RU,ru;q=0.9" });
    expect(await api.auth.signUp({ name: "New", email: "x", password: "p" })).toMatchObject({ fieldErrors: { email: "INVALID_EMAIL", password: "PASSWORD_TOO_SHORT" }, values: { name: "New", email: "x" } });
    expect(await api.auth.signUp({ name: "Новый", email: "New.Visitor@Example.test", password: "long-enough-password" })).toEqual({ notice: "signUp.checkMail" });
    const user = await db().user.findUniqueOrThrow({ where: { email: "new.visitor@example.test" } });
    expect(user.locale).toBe("ru");
    const token = (await mailedToken(user.email, "account.verify-email"))!;
    expect(await api.auth.linkAddress({ token, purpose: "verify-email" })).toEqual({ email: user.email });
    expect(await api.auth.linkAddress({ token, purpose: "magic-link" })).toEqual({ email: null });
    expect(await api.auth.confirmEmail({ token, password: "not-the-password" })).toEqual({ fieldErrors: { password: "WRONG_PASSWORD" } });
    expect(await api.auth.confirmEmail({ token, password: "long-enough-password" })).toEqual({ ok: true, email: user.email });
    expect(await api.auth.confirmEmail({ token, password: "long-enough-password" })).toEqual({ error: "verify.invalidLink" });
  });

  it("setup: open until the first admin exists, then closed", async () => {
    await db().user.deleteMany({ where: { role: "ADMIN" } });
    const api = visitor();
    expect(await api.auth.setupOpen()).toEqual({ open: true });
    expect(await api.auth.setup({ name: "First", email: "first-admin@example.test", password: "long-enough-password" })).toEqual({ ok: true });
    expect(await api.auth.setupOpen()).toEqual({ open: false });
    expect(await api.auth.setup({ name: "Second", email: "second-admin@example.test", password: "long-enough-password" })).toMatchObject({ error: "setup.closed" });
    expect(await db().user.count({ where: { role: "ADMIN" } })).toBe(1);
  });

  it("requestMagicLink: neutral notice, a mail for a customer, a field error for a non-address", async () => {
    const u = await makeUser({ password: null });
    const api = visitor();
    expect(await api.auth.requestMagicLink({ email: u.email, link: "", next: "/tickets/5" })).toEqual({ notice: "magic.sent", values: { email: u.email } });
    expect(await api.auth.requestMagicLink({ email: "nope", link: "", next: null })).toEqual({ fieldErrors: { email: "INVALID_EMAIL" } });
    const token = (await mailedToken(u.email, "account.magic-link"))!;
    expect(await api.auth.linkAddress({ token, purpose: "magic-link" })).toEqual({ email: u.email });
  });

  it("setLocale keeps a signed-in user's choice on the account and does nothing for a visitor", async () => {
    const u = await makeUser({ locale: "ru" });
    expect(await visitor().auth.setLocale({ locale: "en" })).toEqual({ saved: false });
    expect(await visitor({ actor: actorOf(u) }).auth.setLocale({ locale: "en" })).toEqual({ saved: true });
    expect((await db().user.findUniqueOrThrow({ where: { id: u.id } })).locale).toBe("en");
  });

  it("changePassword: a browser session with the current password; an API token is refused", async () => {
    const u = await makeUser({ password: "the-current-password" });
    const session = visitor({ actor: actorOf(u) });
    expect(await session.auth.changePassword({ current: "wrong-password", password: "a-brand-new-password" })).toEqual({ ok: false, reason: "WRONG_CURRENT" });
    const viaToken = visitor({ actor: { kind: "user", userId: u.id, role: u.role, email: u.email, name: u.name, locale: u.locale, via: "token", tokenScope: "read-write" } });
    await expect(viaToken.auth.changePassword({ current: "the-current-password", password: "a-brand-new-password" })).rejects.toBeInstanceOf(TRPCError);
    expect(await session.auth.changePassword({ current: "the-current-password", password: "a-brand-new-password" })).toEqual({ ok: true });
  });
});
