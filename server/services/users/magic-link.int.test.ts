// One-time sign-in links (issue 12.4) on the real database: only for active customers, single
// use, short-lived, stored hashed; a mailed ticket or rating link names the account; under
// "require login" the rating link ends in a stored rating once the requester is signed in.
import { describe, it, expect } from "vitest";
import crypto from "node:crypto";
import { db } from "@/server/db/client";
import { makeUser, makeActor, actorOf, setTicketSettings, firstCategoryId, statusByKey } from "@/server/testing/factories";
import { mailedToken, mailsTo } from "@/server/testing/mailed-token";
import { callerFor } from "@/server/testing/caller";
import { signLink } from "@/server/auth/signed-links";
import { authenticate } from "@/server/auth/authenticate";
import { rateByLink, viewRateLink } from "@/server/services/tickets/rate-by-link";
import { signUp } from "./sign-up";
import { requestMagicLink, consumeMagicLink } from "./magic-link";

const sha = (t: string) => crypto.createHash("sha256").update(t).digest("hex");

describe("magic sign-in links", () => {
  it("ASVS 5.0 V6.4.1: mailed to a customer, stored hashed, 15 minutes, single use; verifies a passwordless account", async () => {
    const u = await makeUser({ password: null, verified: false });
    await requestMagicLink(db(), { email: u.email }, "/tickets/5");
    const mails = await mailsTo(u.email);
    expect(mails.map((m) => m.template)).toEqual(["account.magic-link"]);
    expect(mails[0]!.text).toMatch(/\/magic-link\?token=[\w-]+&next=%2Ftickets%2F5/);
    const token = (await mailedToken(u.email, "account.magic-link"))!;
    const row = await db().authToken.findUniqueOrThrow({ where: { tokenHash: sha(token) } });
    expect(row.purpose).toBe("magic-link");
    expect(Math.abs(row.expiresAt.getTime() - row.createdAt.getTime() - 15 * 60_000)).toBeLessThan(60_000);
    expect(JSON.stringify(await db().authToken.findMany({ where: { userId: u.id } }))).not.toContain(token);
    expect(await consumeMagicLink(db(), token)).toMatchObject({ userId: u.id });
    expect(await consumeMagicLink(db(), token)).toBeNull();
    expect((await db().user.findUniqueOrThrow({ where: { id: u.id } })).emailVerifiedAt).toBeInstanceOf(Date);
  });

  it("an expired link is refused", async () => {
    const u = await makeUser({ password: null });
    await requestMagicLink(db(), { email: u.email }, null);
    const token = (await mailedToken(u.email, "account.magic-link"))!;
    await db().authToken.updateMany({ where: { tokenHash: sha(token) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await consumeMagicLink(db(), token)).toBeNull();
  });

  it("nothing is mailed for staff, inactive or unknown addresses (the caller answers alike)", async () => {
    const agent = await makeUser({ role: "AGENT" });
    const gone = await makeUser();
    await db().user.update({ where: { id: gone.id }, data: { isActive: false } });
    for (const email of [agent.email, gone.email, "nobody-here@x.example"]) {
      await expect(requestMagicLink(db(), { email }, null)).resolves.toBeUndefined();
      expect(await mailsTo(email)).toEqual([]);
    }
  });

  it("a signed ticket or rating link names the account; a forged one names nobody", async () => {
    const u = await makeUser({ password: null });
    await requestMagicLink(db(), { link: signLink("ticket", 77, u.id) }, "/tickets/77");
    await requestMagicLink(db(), { link: signLink("rate", 77, u.id).slice(0, -2) + "xx" }, null);
    expect((await mailsTo(u.email)).map((m) => m.template)).toEqual(["account.magic-link"]);
  });

  it("pre-hijack: a magic link used by the mailbox owner clears the unproven sign-up password", async () => {
    const email = `mvictim-${Date.now()}@x.example`;
    await signUp(db(), { name: "Attacker", email, password: "attacker-pass-1", locale: "en" });
    await requestMagicLink(db(), { email }, null);
    expect(await consumeMagicLink(db(), (await mailedToken(email, "account.magic-link"))!)).not.toBeNull();
    expect(await authenticate(email, "attacker-pass-1", "10.23.0.1")).toEqual({ ok: false, reason: "INVALID" });
  });
});

describe("rating link under require login (issue 12.4)", () => {
  it("a passwordless requester signs in by magic link and the rating link stores the rating", async () => {
    const customer = await makeUser({ password: null, verified: false });
    const actor = actorOf(customer);
    const t = await callerFor(actor).ticket.create({ title: "Rate me", body: "Body", categoryId: await firstCategoryId() });
    await db().ticket.update({ where: { id: t.id }, data: { statusId: (await statusByKey("closed")).id, closedAt: new Date() } });
    await setTicketSettings({ allowRating: true, requireLogin: true });
    const link = signLink("rate", t.id, customer.id);
    expect(await viewRateLink(link, "en")).toMatchObject({ ok: false, reason: "LOGIN_REQUIRED" });
    // the page's "mail me a sign-in link" names the account by the rating link itself
    await requestMagicLink(db(), { link }, `/rate?token=${link}`);
    const signedIn = await consumeMagicLink(db(), (await mailedToken(customer.email, "account.magic-link"))!);
    expect(signedIn?.userId).toBe(customer.id);
    expect(await viewRateLink(link, "en", actor)).toMatchObject({ ok: true });
    expect(await rateByLink({ token: link, rating: 5, comment: "great" }, "en", actor)).toMatchObject({ ok: true, rating: 5 });
    expect(await db().ticket.findUniqueOrThrow({ where: { id: t.id } })).toMatchObject({ rating: 5, ratingComment: "great" });
    // someone else signed in gains nothing from the link
    const other = await makeActor("CUSTOMER");
    expect(await rateByLink({ token: link, rating: 1 }, "en", other.actor)).toEqual({ ok: false, reason: "LOGIN_REQUIRED" });
  });
});
