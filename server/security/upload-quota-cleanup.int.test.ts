// ASVS 5.0 V5.2.4 / V2.4.1: uploads never attached cannot fill the disk. Each user has a rate
// limit and a quota (files waiting to be attached, files and bytes per 24 h), and /cron/cleanup
// (behind the cron secret) removes unclaimed uploads and stale spool entries 24 h on — rows and
// bytes, through the storage interface — while attached files and fresh uploads stay.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { dataDir } from "@/server/env";
import { secrets } from "@/server/secrets";
import { makeActor } from "@/server/testing/factories";
import { callerFor } from "@/server/testing/caller";
import { customerWithTicket, PNG_1x1 } from "@/server/testing/portal-helpers";
import { uploadFile } from "@/server/services/uploads/upload-file";
import { storage } from "@/server/platform/storage/storage";
import { MAX_DAILY_FULL_FILES, MAX_PENDING_FILES } from "@/server/services/uploads/upload-quota";
import { ABUSE_LIMITS } from "@/server/auth/abuse-limits";
import { GET as cleanupCron } from "@/app/cron/cleanup/route";

const DAY = 24 * 60 * 60 * 1000;
const age = (id: string, ms: number) => db().attachment.update({ where: { id }, data: { createdAt: new Date(Date.now() - ms) } });
const keyOf = async (id: string) => (await db().attachment.findUniqueOrThrow({ where: { id } })).storageKey;

describe("ASVS 5.0 V5.2.4: per-user upload quota and rate limit", () => {
  it(`refuses a new upload while ${MAX_PENDING_FILES} files wait to be attached; another user is not affected`, async () => {
    const { actor } = await makeActor("CUSTOMER");
    for (let i = 0; i < MAX_PENDING_FILES; i++) await uploadFile(actor, { fileName: `s${i}.png`, data: PNG_1x1 });
    await expect(uploadFile(actor, { fileName: "one-more.png", data: PNG_1x1 })).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS", reason: "UPLOAD_QUOTA" });
    await expect(callerFor(actor).attachment.upload({ fileName: "b64.png", contentBase64: PNG_1x1.toString("base64") })).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
    expect(await db().attachment.count({ where: { uploaderId: (actor as { userId: number }).userId } })).toBe(MAX_PENDING_FILES);
    const { actor: other } = await makeActor("CUSTOMER");
    await expect(uploadFile(other, { fileName: "fine.png", data: PNG_1x1 })).resolves.toMatchObject({ contentType: "image/png" });
  });

  it("refuses past the 24-hour byte quota, even when the files were attached", async () => {
    const { actor, ticketId } = await customerWithTicket();
    const up = await uploadFile(actor, { fileName: "big.png", data: PNG_1x1 });
    const maxBytes = 20 * 1024 * 1024; // the default maxUploadMb
    await db().attachment.update({ where: { id: up.id }, data: { ticketId, size: MAX_DAILY_FULL_FILES * maxBytes } });
    await expect(uploadFile(actor, { fileName: "next.png", data: PNG_1x1 })).rejects.toMatchObject({ reason: "UPLOAD_QUOTA" });
    // a day later the quota is free again
    await age(up.id, DAY + 60_000);
    await expect(uploadFile(actor, { fileName: "next.png", data: PNG_1x1 })).resolves.toMatchObject({ size: PNG_1x1.length });
  });

  it("refuses past the per-user rate limit, before storing anything", async () => {
    const { actor } = await makeActor("CUSTOMER");
    const userId = (actor as { userId: number }).userId;
    const limiter = ABUSE_LIMITS.uploads();
    await limiter.consume(String(userId), limiter.points);
    await expect(uploadFile(actor, { fileName: "x.png", data: PNG_1x1 })).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS", reason: "RATE_LIMITED" });
    expect(await db().attachment.count({ where: { uploaderId: userId } })).toBe(0);
  });
});

describe("ASVS 5.0 V5.2.4: /cron/cleanup removes what was never attached, after 24 h", () => {
  it("old unclaimed uploads (rows and bytes) and stale spool entries go; attached and fresh ones stay", async () => {
    const { actor, ticketId } = await customerWithTicket();
    const stale = await uploadFile(actor, { fileName: "stale.png", data: PNG_1x1 });
    const fresh = await uploadFile(actor, { fileName: "fresh.png", data: PNG_1x1 });
    const attached = await uploadFile(actor, { fileName: "attached.png", data: PNG_1x1 });
    await callerFor(actor).ticket.reply({ ticketId, body: "with a file", attachmentIds: [attached.id] });
    for (const id of [stale.id, attached.id]) await age(id, DAY + 60_000);
    await age(fresh.id, DAY - 60 * 60_000);
    const staleKey = await keyOf(stale.id);

    const spool = path.join(dataDir(), "spool");
    const oldRun = path.join(spool, "crashed-run");
    const liveRun = path.join(spool, "live-run");
    for (const d of [oldRun, liveRun]) {
      fs.mkdirSync(d, { recursive: true });
      fs.writeFileSync(path.join(d, "part-1"), "x");
    }
    const old = new Date(Date.now() - DAY - 60_000);
    fs.utimesSync(oldRun, old, old);

    // refused without the secret (fails closed), nothing removed
    expect((await cleanupCron(new Request("http://localhost/cron/cleanup"))).status).toBe(401);
    expect(await db().attachment.count({ where: { id: stale.id } })).toBe(1);

    const res = await cleanupCron(new Request("http://localhost/cron/cleanup", { headers: { authorization: `Bearer ${secrets().CRON_SECRET}` } }));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, result: { uploads: 1, spool: 1 } });
    expect(await db().attachment.findUnique({ where: { id: stale.id } })).toBeNull();
    expect(await storage().get(staleKey)).toBeNull();
    expect(await db().attachment.count({ where: { id: { in: [fresh.id, attached.id] } } })).toBe(2);
    expect(await storage().get(await keyOf(attached.id))).not.toBeNull();
    expect(fs.existsSync(oldRun)).toBe(false);
    expect(fs.existsSync(liveRun)).toBe(true);

    // a claim of the removed upload is refused, never half-attached
    await expect(callerFor(actor).ticket.reply({ ticketId, body: "late", attachmentIds: [stale.id] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
