// settings.update writes the change and its audit row in one transaction: after an update both
// rows exist; when the audit write fails, the settings are as they were.
import { describe, it, expect } from "vitest";
import { db } from "@/server/db/client";
import { callerFor } from "@/server/testing/caller";
import { makeActor, actorOf, makeUser } from "@/server/testing/factories";
import { loadSettings } from "@/server/platform/settings/settings-store";

describe("settings update and audit in one transaction", () => {
  it("an update leaves the new value and its settings.updated audit row", async () => {
    const { actor: admin, user } = await makeActor("ADMIN");
    await callerFor(admin).settings.update({ group: "tickets", values: { maxUploadMb: 7 } });
    expect((await loadSettings("tickets")).maxUploadMb).toBe(7);
    const events = await db().auditEvent.findMany({ where: { type: "settings.updated" } });
    expect(events.map((e) => ({ actorId: e.actorId, data: e.data }))).toEqual([{ actorId: user.id, data: { group: "tickets", keys: ["maxUploadMb"] } }]);
  });

  it("a failing audit write (its actor row is gone) leaves the settings unchanged", async () => {
    const gone = await makeUser({ role: "ADMIN" });
    const admin = actorOf(gone);
    await db().user.delete({ where: { id: gone.id } });
    const before = await loadSettings("tickets");
    const err = await callerFor(admin).settings.update({ group: "tickets", values: { maxUploadMb: before.maxUploadMb + 3, allowRating: !before.allowRating } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(await loadSettings("tickets")).toEqual(before);
    expect(await db().auditEvent.count({ where: { type: "settings.updated" } })).toBe(0);
  });
});
