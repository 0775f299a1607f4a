// Email ownership (issue 12.3, 14.10) on the real database: neutral sign-up, unverified accounts
// cannot sign in, the sign-up pre-hijack and the invite-an-existing-account attack as the issue
// writes them.
import { describe, it, expect } from "vitest";
import { db } from "@/server/db/client";
import { makeUser } from "@/server/testing/factories";
import { mailedToken, mailsTo } from "@/server/testing/mailed-token";
import { authenticate } from "@/server/auth/authenticate";
import { createSession, validateSession } from "@/server/auth/sessions";
import { hashToken } from "@/server/auth/token-hash";
import { actorFromHeaders } from "@/server/auth/actor";
import { inviteAgent } from "@/server/services/admin/users";
import { signUp, confirmEmail, resendVerification } from "./sign-up";
import { issueToken, consumeTokenAndSetPassword, tokenIsValid } from "./password-tokens";

const uniq = (tag: string) => `${tag}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@x.example`;
const verified = async (email: string) => (await db().user.findUniqueOrThrow({ where: { email } })).emailVerifiedAt;

describe("sign-up proves the address", () => {
  it("ASVS 5.0 V6.4.x: a new sign-up is unverified and cannot sign in until its link and password are used", async () => {
    const email = uniq("new");
    await signUp(db(), { name: "New One", email, password: "chosen-pass-1", locale: "en" });
    expect(await verified(email)).toBeNull();
    expect(await authenticate(email, "chosen-pass-1", "10.20.0.1")).toEqual({ ok: false, reason: "UNVERIFIED" });
    expect(await authenticate(email, "wrong-pass-1", "10.20.0.1")).toEqual({ ok: false, reason: "INVALID" });
    const token = (await mailedToken(email, "account.verify-email"))!;
    expect(token).toBeTruthy();
    expect(await confirmEmail(db(), token, "chosen-pass-1", "10.20.0.1")).toEqual({ ok: true, email });
    expect(await verified(email)).toBeInstanceOf(Date);
    expect(await authenticate(email, "chosen-pass-1", "10.20.0.1")).toMatchObject({ ok: true });
    // single use
    expect(await confirmEmail(db(), token, "chosen-pass-1", "10.20.0.1")).toEqual({ ok: false, reason: "INVALID_LINK" });
  });

  it("ASVS 5.0 V6.3.7 / issue 14.10: sign-up answers alike for a taken address and mails its owner instead", async () => {
    const owner = await makeUser({ password: "owner-pass-1", locale: "ru" });
    const before = await db().user.count();
    await expect(signUp(db(), { name: "Someone", email: owner.email.toUpperCase(), password: "other-pass-1", locale: "en" })).resolves.toBeUndefined();
    expect(await db().user.count()).toBe(before);
    const mails = await mailsTo(owner.email);
    expect(mails.map((m) => [m.template, m.locale])).toEqual([["account.exists", "ru"]]);
    expect(mails[0]!.text).toMatch(/\/forgot-password/);
    expect(await authenticate(owner.email, "owner-pass-1", "10.20.1.1")).toMatchObject({ ok: true });
    expect(await authenticate(owner.email, "other-pass-1", "10.20.1.1")).toEqual({ ok: false, reason: "INVALID" });
  });

  it("resending the link works only for an unconfirmed account with a password, and voids the older link", async () => {
    const email = uniq("resend");
    await signUp(db(), { name: "R", email, password: "chosen-pass-1", locale: "en" });
    const first = (await mailedToken(email, "account.verify-email"))!;
    await resendVerification(db(), email);
    const second = (await mailedToken(email, "account.verify-email"))!;
    expect(second).not.toBe(first);
    expect(await confirmEmail(db(), first, "chosen-pass-1", "10.20.2.1")).toEqual({ ok: false, reason: "INVALID_LINK" });
    expect(await confirmEmail(db(), second, "chosen-pass-1", "10.20.2.1")).toMatchObject({ ok: true });
    const done = await makeUser();
    await resendVerification(db(), done.email);
    expect(await mailsTo(done.email)).toEqual([]);
  });
});

describe("pre-hijack: an attacker signs up with the victim's address", () => {
  it("the victim's click on the confirmation link does not hand the attacker a verified account", async () => {
    const victim = uniq("victim");
    await signUp(db(), { name: "Attacker", email: victim, password: "attacker-pass-1", locale: "en" });
    // the victim receives "confirm your address" and clicks; they do not know the attacker's password
    const token = (await mailedToken(victim, "account.verify-email"))!;
    expect(await confirmEmail(db(), token, "victim-guess-1", "10.21.0.1")).toEqual({ ok: false, reason: "WRONG_PASSWORD" });
    expect(await verified(victim)).toBeNull();
    expect(await authenticate(victim, "attacker-pass-1", "10.21.0.2")).toEqual({ ok: false, reason: "UNVERIFIED" });
    // the victim takes the address with "Forgot password?": the attacker's password is gone
    const u = await db().user.findUniqueOrThrow({ where: { email: victim } });
    const reset = await issueToken(db(), u.id, "reset");
    expect(await consumeTokenAndSetPassword(db(), reset, "victim-pass-1")).toBe(u.id);
    expect(await verified(victim)).toBeInstanceOf(Date);
    expect(await authenticate(victim, "attacker-pass-1", "10.21.0.2")).toEqual({ ok: false, reason: "INVALID" });
    expect(await authenticate(victim, "victim-pass-1", "10.21.0.3")).toMatchObject({ ok: true, userId: u.id });
    // and the confirmation link mailed for the attacker's sign-up is void
    expect(await confirmEmail(db(), token, "attacker-pass-1", "10.21.0.2")).toEqual({ ok: false, reason: "INVALID_LINK" });
  });

  it("a confirmation or sign-in link never works as a set-password link", async () => {
    const email = uniq("purpose");
    await signUp(db(), { name: "P", email, password: "chosen-pass-1", locale: "en" });
    const token = (await mailedToken(email, "account.verify-email"))!;
    expect(await tokenIsValid(db(), token)).toBe(false);
    expect(await consumeTokenAndSetPassword(db(), token, "other-pass-1")).toBeNull();
  });
});

describe("inviting an existing account as staff", () => {
  it("clears its password, ends its sessions, revokes its API tokens and mails a set-password link", async () => {
    // "sign up as a future hire": the attacker holds the row with a password, a session and a token
    const hire = await makeUser({ password: "attacker-pass-1", email: uniq("hire") });
    const session = await createSession(db(), hire.id, 0);
    const api = "hd_attacker_token_0123456789abcdef";
    await db().apiToken.create({ data: { name: "kept", prefix: "hd_attacke", tokenHash: hashToken(api), userId: hire.id } });
    const pending = await issueToken(db(), hire.id, "reset");
    const invited = await inviteAgent({ email: hire.email, name: "New Hire", locale: "en" });
    expect(invited).toMatchObject({ id: hire.id, role: "AGENT" });
    expect(await authenticate(hire.email, "attacker-pass-1", "10.22.0.1")).toEqual({ ok: false, reason: "INVALID" });
    expect(await validateSession(db(), session)).toBeNull();
    expect(await actorFromHeaders(new Headers({ authorization: `Bearer ${api}` }))).toEqual({ kind: "anonymous" });
    expect(await tokenIsValid(db(), pending)).toBe(false);
    const link = (await mailedToken(hire.email, "agent.invite"))!;
    expect(await consumeTokenAndSetPassword(db(), link, "hire-pass-123")).toBe(hire.id);
    expect(await authenticate(hire.email, "hire-pass-123", "10.22.0.2")).toMatchObject({ ok: true, userId: hire.id });
  });
});
