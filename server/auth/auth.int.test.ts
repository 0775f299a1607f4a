// Authentication against a real database: argon2id hashes, neutral failures, throttling keyed
// per (account, address) with a per-account ceiling for unknown addresses, revocable sessions,
// API tokens.
import { describe, it, expect } from "vitest";
import { db } from "@/server/db/client";
import { makeUser } from "@/server/testing/factories";
import { authenticate } from "./authenticate";
import { createSession, validateSession, revokeSession, revokeAllSessions } from "./sessions";
import { actorFromHeaders, hashToken } from "./actor";

describe("authentication", () => {
  it("ASVS 5.0 V11.4.2: passwords are stored as argon2id", async () => {
    const u = await makeUser({ password: "a-long-password" });
    const row = await db().user.findUniqueOrThrow({ where: { id: u.id }, omit: { passwordHash: false } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it("accepts the right password, refuses others with the same answer", async () => {
    const u = await makeUser({ password: "a-long-password" });
    expect(await authenticate(u.email.toUpperCase(), "a-long-password", "10.0.0.1")).toMatchObject({ ok: true, userId: u.id });
    expect(await authenticate(u.email, "wrong-password", "10.0.0.1")).toEqual({ ok: false, reason: "INVALID" });
    expect(await authenticate("nobody@example.test", "wrong-password", "10.0.0.1")).toEqual({ ok: false, reason: "INVALID" });
  });

  it("ASVS 5.0 V6.3.1: one address is throttled on an account after 10 failures, even with the right password", async () => {
    const u = await makeUser({ password: "a-long-password" });
    for (let i = 0; i < 10; i++) await authenticate(u.email, "nope-nope", "10.0.1.1");
    expect(await authenticate(u.email, "a-long-password", "10.0.1.1")).toEqual({ ok: false, reason: "RATE_LIMITED" });
  });
  it("issue 14.10: failures from elsewhere do not lock the owner out", async () => {
    const u = await makeUser({ password: "a-long-password" });
    expect(await authenticate(u.email, "a-long-password", "10.0.4.1")).toMatchObject({ ok: true }); // the owner's usual address
    for (let i = 0; i < 30; i++) await authenticate(u.email, "nope-nope", "10.0.5.1"); // an attacker at one address
    expect(await authenticate(u.email, "a-long-password", "10.0.5.1")).toEqual({ ok: false, reason: "RATE_LIMITED" });
    expect(await authenticate(u.email, "a-long-password", "10.0.4.1")).toMatchObject({ ok: true });
    expect(await authenticate(u.email, "a-long-password", "10.0.6.1")).toMatchObject({ ok: true }); // a new address too
  });
  it("issue 14.10: a distributed guess hits the per-account ceiling for new addresses only", async () => {
    const u = await makeUser({ password: "a-long-password" });
    expect(await authenticate(u.email, "a-long-password", "10.0.7.1")).toMatchObject({ ok: true });
    for (let i = 0; i < 100; i++) await authenticate(u.email, "nope-nope", `10.1.${Math.floor(i / 9)}.${i % 9}`);
    expect(await authenticate(u.email, "a-long-password", "10.0.8.1")).toEqual({ ok: false, reason: "RATE_LIMITED" });
    expect(await authenticate(u.email, "a-long-password", "10.0.7.1")).toMatchObject({ ok: true });
  }, 180_000); // 100 argon2id checks
  it("a deactivated user cannot sign in", async () => {
    const u = await makeUser({ password: "a-long-password" });
    await db().user.update({ where: { id: u.id }, data: { isActive: false } });
    expect(await authenticate(u.email, "a-long-password", "10.0.3.1")).toEqual({ ok: false, reason: "INVALID" });
  });

  it("ASVS 5.0 V7.4.1/V7.4.3: sessions die on sign-out and on password change", async () => {
    const u = await makeUser();
    const s1 = await createSession(db(), u.id, 0);
    const s2 = await createSession(db(), u.id, 0);
    expect(s1).not.toBe(s2);
    expect((await validateSession(db(), s1))?.id).toBe(u.id);
    await revokeSession(db(), s1);
    expect(await validateSession(db(), s1)).toBeNull();
    expect(await validateSession(db(), s2)).not.toBeNull();
    await revokeAllSessions(db(), u.id);
    expect(await validateSession(db(), s2)).toBeNull();
  });

  it("API tokens authenticate as their staff user until revoked", async () => {
    const u = await makeUser({ role: "AGENT" });
    const token = "hd_test_token_value_1234567890";
    const row = await db().apiToken.create({ data: { name: "t", prefix: "hd_test", tokenHash: hashToken(token), userId: u.id } });
    const actor = await actorFromHeaders(new Headers({ authorization: `Bearer ${token}` }));
    expect(actor).toMatchObject({ kind: "user", userId: u.id, role: "AGENT", via: "token" });
    await db().apiToken.update({ where: { id: row.id }, data: { revokedAt: new Date() } });
    expect(await actorFromHeaders(new Headers({ authorization: `Bearer ${token}` }))).toEqual({ kind: "anonymous" });
    expect(await actorFromHeaders(new Headers({ authorization: "Bearer wrong" }))).toEqual({ kind: "anonymous" });
  });
});
