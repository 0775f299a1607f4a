// Changing your own password (ASVS 5.0 V6.2.2, V6.2.3, V6.3.1, V7.4.3).
import { describe, it, expect } from "vitest";
import { db } from "@/server/db/client";
import { makeUser } from "@/server/testing/factories";
import { authenticate } from "@/server/auth/authenticate";
import { createSession, validateSession } from "@/server/auth/sessions";
import { changeOwnPassword } from "./change-password";

async function versionOf(id: number) {
  return (await db().user.findUniqueOrThrow({ where: { id } })).sessionVersion;
}

describe("change own password", () => {
  it("ASVS 5.0 V6.2.3/V7.4.3: needs the current password; success ends every session and bumps the version", async () => {
    const u = await makeUser({ password: "current-pass-1" });
    const v0 = await versionOf(u.id);
    const s1 = await createSession(db(), u.id, v0);
    const s2 = await createSession(db(), u.id, v0);
    expect(await changeOwnPassword(db(), u.id, "wrong-current", "next-pass-123")).toEqual({ ok: false, reason: "WRONG_CURRENT" });
    expect(await validateSession(db(), s1)).not.toBeNull();
    expect(await changeOwnPassword(db(), u.id, "current-pass-1", "next-pass-123")).toEqual({ ok: true });
    expect(await versionOf(u.id)).toBe(v0 + 1);
    expect(await validateSession(db(), s1)).toBeNull();
    expect(await validateSession(db(), s2)).toBeNull();
    expect(await authenticate(u.email, "current-pass-1", "10.8.0.1")).toEqual({ ok: false, reason: "INVALID" });
    expect(await authenticate(u.email, "next-pass-123", "10.8.0.2")).toMatchObject({ ok: true, version: v0 + 1 });
  });

  it.each([
    { next: "short", reason: "PASSWORD_TOO_SHORT" },
    { next: "x".repeat(129), reason: "TOO_LONG" },
    { next: "current-pass-1", reason: "SAME_AS_CURRENT" },
  ])("ASVS 5.0 V6.2.1: refuses a new password: $reason", async ({ next, reason }) => {
    const u = await makeUser({ password: "current-pass-1" });
    expect(await changeOwnPassword(db(), u.id, "current-pass-1", next)).toEqual({ ok: false, reason });
    expect(await authenticate(u.email, "current-pass-1", "10.8.1.1")).toMatchObject({ ok: true });
  });

  it("ASVS 5.0 V6.3.1: guessing the current password is throttled; sign-in from elsewhere stays open (issue 14.10)", async () => {
    const u = await makeUser({ password: "current-pass-1" });
    for (let i = 0; i < 10; i++) expect((await changeOwnPassword(db(), u.id, `guess-${i}`, "next-pass-123")).ok).toBe(false);
    expect(await changeOwnPassword(db(), u.id, "current-pass-1", "next-pass-123")).toEqual({ ok: false, reason: "RATE_LIMITED" });
    expect(await authenticate(u.email, "current-pass-1", "10.8.2.1")).toMatchObject({ ok: true });
  });

  it("a deactivated user cannot change the password", async () => {
    const u = await makeUser({ password: "current-pass-1" });
    await db().user.update({ where: { id: u.id }, data: { isActive: false } });
    expect(await changeOwnPassword(db(), u.id, "current-pass-1", "next-pass-123")).toEqual({ ok: false, reason: "INACTIVE" });
  });
});
