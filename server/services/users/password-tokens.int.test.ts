// Set-password / reset tokens against the real database (ASVS 5.0 V6.4.1, V6.3.x, V7.4.3):
// random, stored only as a hash, single-use (also under a race), expiring, and a use kills
// every session of the account.
import { describe, it, expect } from "vitest";
import crypto from "node:crypto";
import { db } from "@/server/db/client";
import { makeUser } from "@/server/testing/factories";
import { createSession, validateSession } from "@/server/auth/sessions";
import { authenticate } from "@/server/auth/authenticate";
import { issueToken, consumeTokenAndSetPassword, tokenIsValid } from "./password-tokens";

const sha = (t: string) => crypto.createHash("sha256").update(t).digest("hex");

describe("password tokens", () => {
  it("ASVS 5.0 V6.4.1: a token carries 256 random bits and only its sha256 is stored", async () => {
    const u = await makeUser();
    const tokens = await Promise.all(Array.from({ length: 5 }, () => issueToken(db(), u.id, "set-password")));
    expect(new Set(tokens).size).toBe(5);
    for (const t of tokens) expect(Buffer.from(t, "base64url").length).toBe(32);
    const rows = await db().authToken.findMany({ where: { userId: u.id } });
    const stored = JSON.stringify(rows);
    for (const t of tokens) expect(stored).not.toContain(t);
    expect(rows.map((r) => r.tokenHash)).toContain(sha(tokens[4]!));
  });

  it("ASVS 5.0 V6.4.1: a token works once; the second use fails and the password stays", async () => {
    const u = await makeUser({ password: "old-password-1" });
    const token = await issueToken(db(), u.id, "reset");
    expect(await tokenIsValid(db(), token)).toBe(true);
    expect(await consumeTokenAndSetPassword(db(), token, "new-password-1")).toBe(u.id);
    expect(await tokenIsValid(db(), token)).toBe(false);
    expect(await consumeTokenAndSetPassword(db(), token, "attacker-pass-1")).toBeNull();
    expect(await authenticate(u.email, "new-password-1", "10.9.0.1")).toMatchObject({ ok: true });
    expect(await authenticate(u.email, "attacker-pass-1", "10.9.0.2")).toEqual({ ok: false, reason: "INVALID" });
  });

  it("ASVS 5.0 V6.4.1: racing uses of one token: exactly one wins", async () => {
    const u = await makeUser();
    const token = await issueToken(db(), u.id, "reset");
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => consumeTokenAndSetPassword(db(), token, `race-password-${i}`)));
    expect(results.filter((r) => r === u.id)).toHaveLength(1);
    expect(results.filter((r) => r === null)).toHaveLength(5);
  });

  it.each([
    ["reset", 3600_000],
    ["set-password", 7 * 86400_000],
    ["invite", 7 * 86400_000],
  ] as const)("ASVS 5.0 V6.4.1: a %s token expires after its lifetime", async (purpose, ttl) => {
    const u = await makeUser({ password: "old-password-1" });
    const token = await issueToken(db(), u.id, purpose);
    const row = await db().authToken.findUniqueOrThrow({ where: { tokenHash: sha(token) } });
    expect(Math.abs(row.expiresAt.getTime() - row.createdAt.getTime() - ttl)).toBeLessThan(60_000);
    await db().authToken.update({ where: { id: row.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await tokenIsValid(db(), token)).toBe(false);
    expect(await consumeTokenAndSetPassword(db(), token, "new-password-1")).toBeNull();
    expect(await authenticate(u.email, "old-password-1", "10.9.1.1")).toMatchObject({ ok: true });
  });

  it("ASVS 5.0 V6.4.1: issuing a new token voids the older unused one", async () => {
    const u = await makeUser();
    const first = await issueToken(db(), u.id, "reset");
    const second = await issueToken(db(), u.id, "reset");
    expect(await tokenIsValid(db(), first)).toBe(false);
    expect(await consumeTokenAndSetPassword(db(), first, "new-password-1")).toBeNull();
    expect(await consumeTokenAndSetPassword(db(), second, "new-password-1")).toBe(u.id);
  });

  it.each(["", "x", "a".repeat(43), "../../etc/passwd", "' OR 1=1 --"])("ASVS 5.0 V6.4.1: a made-up token %j is refused", async (bad) => {
    expect(await tokenIsValid(db(), bad)).toBe(false);
    expect(await consumeTokenAndSetPassword(db(), bad, "new-password-1")).toBeNull();
  });

  it("ASVS 5.0 V7.4.3: setting a password through a token ends every session of the account", async () => {
    const u = await makeUser();
    const other = await makeUser();
    const version = (await db().user.findUniqueOrThrow({ where: { id: u.id } })).sessionVersion;
    const s1 = await createSession(db(), u.id, version);
    const s2 = await createSession(db(), u.id, version);
    const keep = await createSession(db(), other.id, 0);
    await consumeTokenAndSetPassword(db(), await issueToken(db(), u.id, "reset"), "new-password-1");
    expect(await validateSession(db(), s1)).toBeNull();
    expect(await validateSession(db(), s2)).toBeNull();
    expect(await validateSession(db(), keep)).not.toBeNull();
  });

  it("a token of one user never sets another user's password", async () => {
    const a = await makeUser({ password: "a-password-1" });
    const b = await makeUser({ password: "b-password-1" });
    const token = await issueToken(db(), a.id, "reset");
    expect(await consumeTokenAndSetPassword(db(), token, "new-password-1")).toBe(a.id);
    expect(await authenticate(b.email, "b-password-1", "10.9.2.1")).toMatchObject({ ok: true, userId: b.id });
  });
});
