// settings.get / settings.update on a real database: typed validation, admin only, secrets
// sealed at rest and never returned.
import { describe, it, expect } from "vitest";
import { db } from "@/server/db/client";
import { callerFor } from "@/server/testing/caller";
import { makeActor } from "@/server/testing/factories";
import { loadSettings, updateSettings } from "@/server/platform/settings/settings-store";

describe("settings procedures", () => {
  it("returns defaults, saves a valid change and refuses an invalid one without saving", async () => {
    const { actor: admin } = await makeActor("ADMIN");
    const api = callerFor(admin);
    expect((await api.settings.get({ group: "tickets" })).values).toMatchObject({ allowGuestTickets: true });
    await api.settings.update({ group: "tickets", values: { allowGuestTickets: false, maxUploadMb: 5 } });
    expect((await api.settings.get({ group: "tickets" })).values).toMatchObject({ allowGuestTickets: false, maxUploadMb: 5 });

    const err = await api.settings.update({ group: "tickets", values: { maxUploadMb: 0, allowRating: false } }).catch((e) => e);
    expect(err.code).toBe("BAD_REQUEST");
    expect(err.cause.reason).toBe("INVALID_SETTINGS");
    expect((await loadSettings("tickets")).allowRating).toBe(true); // nothing half-saved
    const unknown = await api.settings.update({ group: "tickets", values: { nope: 1 } }).catch((e) => e);
    expect(unknown.cause.reason).toBe("UNKNOWN_SETTING");
  });

  it("ASVS 5.0 V11.1/V13.3: the mailbox password is encrypted at rest and never sent back", async () => {
    const { actor: admin } = await makeActor("ADMIN");
    const api = callerFor(admin);
    const res = await api.settings.update({ group: "mail", values: { host: "imap.example.test", password: "hunter2-secret" } });
    expect(JSON.stringify(res)).not.toContain("hunter2-secret");
    expect(res.secretsSet.password).toBe(true);
    const row = await db().setting.findUniqueOrThrow({ where: { key: "mail.password" } });
    expect(JSON.stringify(row.value)).not.toContain("hunter2-secret");
    expect(String(row.value)).toMatch(/^enc:v1:/);
    expect((await loadSettings("mail", { withSecrets: true })).password).toBe("hunter2-secret");
    // an empty value keeps the stored secret
    await api.settings.update({ group: "mail", values: { password: "", defaultTitle: "Обращение" } });
    expect((await loadSettings("mail", { withSecrets: true })).password).toBe("hunter2-secret");
    expect(JSON.stringify(await api.settings.get({ group: "mail" }))).not.toContain("hunter2-secret");

    // the stored password never follows the connection to another server
    const moved = await api.settings.update({ group: "mail", values: { host: "evil.example.test" } }).catch((e) => e);
    expect(moved.cause?.reason).toBe("PASSWORD_REQUIRED");
    const probe = await api.mail.testConnection({ host: "evil.example.test", port: 993 }).catch((e) => e);
    expect(probe.cause?.reason).toBe("PASSWORD_REQUIRED");
    expect((await loadSettings("mail")).host).toBe("imap.example.test");
    await api.settings.update({ group: "mail", values: { host: "imap2.example.test", password: "new-secret" } });
    expect((await loadSettings("mail", { withSecrets: true })).password).toBe("new-secret");
  });

  it("refuses customers and agents", async () => {
    for (const role of ["CUSTOMER", "AGENT"] as const) {
      const { actor } = await makeActor(role);
      await expect(callerFor(actor).settings.get({ group: "tickets" })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(callerFor(actor).settings.update({ group: "tickets", values: { requireLogin: true } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(callerFor().settings.get({ group: "tickets" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("naming another mailbox forgets the ingest cursor of the old one (its UIDs mean nothing there); other changes keep it", async () => {
    await updateSettings("mail", { protocol: "imap", host: "mail.example.test", port: 993, username: "support@example.test", password: "pw-1" });
    await db().mailboxState.upsert({ where: { key: "default" }, create: { key: "default", uidValidity: 1700000000n, lastUid: 120n }, update: { uidValidity: 1700000000n, lastUid: 120n } });
    const cursor = async () => db().mailboxState.findUniqueOrThrow({ where: { key: "default" }, select: { uidValidity: true, lastUid: true } });
    await updateSettings("mail", { maxMailMb: 20 });
    expect(await cursor()).toEqual({ uidValidity: 1700000000n, lastUid: 120n });
    await updateSettings("mail", { username: "help@example.test", password: "pw-2" });
    expect(await cursor()).toEqual({ uidValidity: null, lastUid: 0n });
  });
});
