// API tokens (issue 14.7) on the real database, through the real tRPC context: optional expiry,
// last-used time, read / read-write scope, revocation on password reset, role change and
// deactivation, and one minting step for the web UI and the CLI.
import { describe, it, expect } from "vitest";
import { db } from "@/server/db/client";
import { createCaller } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import { makeUser, actorOf } from "@/server/testing/factories";
import { callerFor } from "@/server/testing/caller";
import { issueToken, consumeTokenAndSetPassword } from "@/server/services/users/password-tokens";
import { setRole, setActive } from "./users";
import { mintApiToken } from "./api-tokens";
import { tokenCreate } from "@/bin/cli-commands";

const bearer = async (token: string) => createCaller(await createContext({ headers: new Headers({ authorization: `Bearer ${token}` }) }));

describe("API tokens", () => {
  it("ASVS 5.0 V8.2.1: a read token may call queries but no mutation; a read-write token may", async () => {
    const admin = await makeUser({ role: "ADMIN" });
    const read = await mintApiToken(admin.id, { name: "reader", scope: "read" });
    const rw = await mintApiToken(admin.id, { name: "writer", scope: "read-write" });
    await expect((await bearer(read.token)).user.assignable()).resolves.toBeInstanceOf(Array);
    await expect((await bearer(read.token)).apiToken.create({ name: "x" })).rejects.toMatchObject({ code: "FORBIDDEN", message: "READ_ONLY_TOKEN" });
    expect(await db().apiToken.count({ where: { userId: admin.id } })).toBe(2);
    await expect((await bearer(rw.token)).apiToken.create({ name: "y" })).resolves.toMatchObject({ name: "y", scope: "read-write" });
  });

  it("issue 14.7: an expired token authenticates nobody; last use is recorded", async () => {
    const agent = await makeUser({ role: "AGENT" });
    const t = await mintApiToken(agent.id, { name: "short", expiresInDays: 1 });
    expect(t.expiresAt!.getTime() - Date.now()).toBeGreaterThan(86400_000 - 60_000);
    await (await bearer(t.token)).user.assignable();
    expect((await db().apiToken.findUniqueOrThrow({ where: { id: t.id } })).lastUsedAt).toBeInstanceOf(Date);
    await db().apiToken.update({ where: { id: t.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect((await bearer(t.token)).user.assignable()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it.each([
    ["password reset", async (id: number) => { await consumeTokenAndSetPassword(db(), await issueToken(db(), id, "reset"), "brand-new-pass-1"); }],
    ["role change", async (id: number) => { await setRole(actorOf(await makeUser({ role: "ADMIN" })), id, "ADMIN"); }],
    ["deactivation", async (id: number) => { await setActive(actorOf(await makeUser({ role: "ADMIN" })), id, false); }],
  ])("ASVS 5.0 V7.4.3: %s revokes every token of the account", async (_, act) => {
    const agent = await makeUser({ role: "AGENT" });
    const t = await mintApiToken(agent.id, { name: "t" });
    await act(agent.id);
    expect((await db().apiToken.findUniqueOrThrow({ where: { id: t.id } })).revokedAt).toBeInstanceOf(Date);
    if (_ === "deactivation") await setActive(actorOf(await makeUser({ role: "ADMIN" })), agent.id, true);
    await expect((await bearer(t.token)).user.assignable()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("the web procedure and the CLI share one minting step: inactive or customer owners are refused", async () => {
    const admin = await makeUser({ role: "ADMIN" });
    const gone = await makeUser({ role: "AGENT" });
    await db().user.update({ where: { id: gone.id }, data: { isActive: false } });
    const customer = await makeUser();
    await expect(callerFor(actorOf(admin)).apiToken.create({ name: "x", userId: gone.id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(tokenCreate({ _: [], flags: { email: gone.email } })).rejects.toThrow(/not an active staff account/);
    await expect(tokenCreate({ _: [], flags: { email: customer.email } })).rejects.toThrow(/not an active staff account/);
    await expect(tokenCreate({ _: [], flags: { email: admin.email, scope: "write-all" } })).rejects.toThrow(/--scope/);
    const created = await callerFor(actorOf(admin)).apiToken.create({ name: "ci", scope: "read", expiresInDays: 30 });
    expect(await db().apiToken.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({ scope: "read", userId: admin.id });
    const listed = (await callerFor(actorOf(admin)).apiToken.list()).find((r) => r.id === created.id)!;
    expect(listed).toMatchObject({ scope: "read" });
    expect(listed.expiresAt).toBeInstanceOf(Date);
  });
});
