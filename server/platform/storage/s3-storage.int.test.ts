// The S3 driver against a real S3-compatible server (s3rver in its own process, reached over
// HTTP through the AWS SDK): signing, a 30 MB multipart upload, range reads, missing keys, the
// read-through switch-over and `storage:migrate`, and the app's upload → download path on S3.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buffer } from "node:stream/consumers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRoundRobinProxy } from "@/server/testing/round-robin-proxy";
import { startS3rver, S3RVER_KEY, type S3rver } from "@/server/testing/s3rver-process";
import { makeActor } from "@/server/testing/factories";
import { PNG_1x1 } from "@/server/testing/portal-helpers";
import { resetEnvCache } from "@/server/env";
import { db } from "@/server/db/client";
import { S3Storage, type S3Config } from "@/server/platform/storage/s3-storage";
import { LocalDiskStorage } from "@/server/platform/storage/local-disk";
import { ReadThroughStorage } from "@/server/platform/storage/read-through";
import { migrateStorage } from "@/server/services/uploads/migrate-storage";
import { resetStorage, storage } from "@/server/platform/storage/storage";
import { uploadFile } from "@/server/services/uploads/upload-file";
import { readAttachment } from "@/server/services/uploads/read-attachment";
import { readRawMail } from "@/server/services/mail-raw/read-raw-mail";
import { newRawKey } from "@/server/mail/ingest/raw-source";

let s3: S3rver;
let cfg: S3Config;
const key = () => {
  const r = crypto.randomBytes(16).toString("hex");
  return `${r.slice(0, 2)}/${r}`;
};
const sha = (b: Buffer) => crypto.createHash("sha256").update(b).digest("hex");

beforeAll(async () => {
  s3 = await startS3rver();
  cfg = { bucket: s3.bucket, region: "us-east-1", endpoint: s3.endpoint, forcePathStyle: true, credentials: S3RVER_KEY };
});
afterAll(async () => {
  await s3?.stop();
});

describe("S3 driver on a real S3-compatible server", () => {
  it("stores and reads back an object; a missing key is null, not an error", async () => {
    const store = new S3Storage(cfg);
    const k = key();
    await store.put(k, Buffer.from("hello bucket"));
    expect((await store.get(k))!.toString()).toBe("hello bucket");
    expect(await store.stat(k)).toEqual({ size: 12 });

    const gone = key();
    expect(await store.get(gone)).toBeNull();
    expect(await store.open(gone)).toBeNull();
    expect(await store.stat(gone)).toBeNull();
    await store.delete(k);
    expect(await store.get(k)).toBeNull();
    await expect(store.put("../etc/passwd", Buffer.from("x"))).rejects.toThrow("Invalid storage key");
  });

  it("signs every request: a wrong secret is refused (and never taken for a missing object)", async () => {
    const good = new S3Storage(cfg);
    const k = key();
    await good.put(k, Buffer.from("secret stuff"));
    const bad = new S3Storage({ ...cfg, credentials: { accessKeyId: S3RVER_KEY.accessKeyId, secretAccessKey: "not-the-secret" } });
    await expect(bad.get(k)).rejects.toMatchObject({ name: "SignatureDoesNotMatch" });
    await expect(bad.put(key(), Buffer.from("x"))).rejects.toMatchObject({ name: "SignatureDoesNotMatch" });
    await expect(bad.check()).rejects.toBeTruthy();
    await expect(good.check()).resolves.toBeUndefined();
  });

  it("uploads a 30 MB file in parts and serves byte ranges of it", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "s3-big-"));
    const file = path.join(dir, "big.bin");
    const data = crypto.randomBytes(30 * 1024 * 1024);
    fs.writeFileSync(file, data);
    // through a recording proxy, to see the parts go over the wire
    const wire = await startRoundRobinProxy([s3.endpoint]);
    const k = key();
    await new S3Storage({ ...cfg, endpoint: wire.url }).putFile(k, file);
    fs.rmSync(dir, { recursive: true });
    await wire.close();
    // 30 MB in 8 MB parts: create, 4 part PUTs, complete — no single 30 MB PUT
    const parts = wire.seen.filter((r) => r.method === "PUT" && /[?&]partNumber=\d+/.test(r.url));
    expect(parts.map((r) => new URL(r.url, "http://x").searchParams.get("partNumber")).sort()).toEqual(["1", "2", "3", "4"]);
    expect(wire.seen.filter((r) => r.method === "POST" && /[?&]uploads/.test(r.url))).toHaveLength(1);
    expect(wire.seen.filter((r) => r.method === "POST" && /[?&]uploadId=/.test(r.url))).toHaveLength(1);
    const store = new S3Storage(cfg);
    expect(await store.stat(k)).toEqual({ size: data.length });

    const whole = await store.open(k);
    expect(whole!.size).toBe(data.length);
    expect(sha(await buffer(whole!.stream))).toBe(sha(data));

    const mid = await store.open(k, { start: 10_000_000, end: 10_000_099 });
    expect(mid!.size).toBe(data.length);
    expect((await buffer(mid!.stream)).equals(data.subarray(10_000_000, 10_000_100))).toBe(true);
    const tail = await store.open(k, { start: data.length - 5 });
    expect((await buffer(tail!.stream)).equals(data.subarray(data.length - 5))).toBe(true);
  });

  it("switch-over: keys not yet copied are read from the local folder; storage:migrate copies them once", async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "s3-migrate-"));
    const local = new LocalDiskStorage(root);
    const bucket = new S3Storage(cfg);
    const both = new ReadThroughStorage(bucket, local);
    const old = [key(), key(), key()];
    for (const [i, k] of old.entries()) await local.put(k, Buffer.from(`old file ${i}`));
    fs.writeFileSync(path.join(root, old[0]!.slice(0, 2), "x.123.tmp"), "half-written"); // never copied

    expect((await both.get(old[1]!))!.toString()).toBe("old file 1");
    const fresh = key();
    await both.put(fresh, Buffer.from("new file"));
    expect(await local.get(fresh)).toBeNull(); // new writes go to the bucket only

    const first = await migrateStorage(local, bucket);
    expect(first).toMatchObject({ copied: 3, skipped: 0, failed: [] });
    for (const [i, k] of old.entries()) expect((await bucket.get(k))!.toString()).toBe(`old file ${i}`);
    const again = await migrateStorage(local, bucket, { removeLocal: true });
    expect(again).toMatchObject({ copied: 0, skipped: 3, removedLocal: 3 });
    expect(await local.get(old[2]!)).toBeNull();
    expect((await both.get(old[2]!))!.toString()).toBe("old file 2");
    fs.rmSync(root, { recursive: true });
  });
});

describe("the app on STORAGE=s3", () => {
  const saved = { ...process.env };
  beforeAll(() => {
    Object.assign(process.env, s3.env);
    resetEnvCache();
    resetStorage();
  });
  afterAll(() => {
    for (const k of Object.keys(s3.env)) if (saved[k] === undefined) delete process.env[k];
    resetEnvCache();
    resetStorage();
  });

  it("an upload lands in the bucket and downloads only for its owner", async () => {
    const { actor } = await makeActor("CUSTOMER");
    const up = await uploadFile(actor, { fileName: "shot.png", data: PNG_1x1 });
    const row = await db().attachment.findUniqueOrThrow({ where: { id: up.id } });
    expect(fs.existsSync(path.join(process.env.DATA_DIR!, "uploads", row.storageKey))).toBe(false);
    expect((await new S3Storage(cfg).get(row.storageKey))!.equals(PNG_1x1)).toBe(true);
    expect((await readAttachment(actor, up.id)).data.equals(PNG_1x1)).toBe(true);
    const { actor: other } = await makeActor("CUSTOMER");
    await expect(readAttachment(other, up.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("a large mail's raw source in the bucket streams to staff; a lost object is NOT_FOUND", async () => {
    const raw = Buffer.concat([Buffer.from("Subject: big\r\n\r\n"), crypto.randomBytes(2 * 1024 * 1024)]);
    const rawKey = newRawKey();
    await storage().put(rawKey, raw);
    const mk = (k: string) => db().inboundMail.create({ data: { mailboxKey: "default", messageKey: `<${k}@x>`, size: raw.length, sha256: sha(raw), outcome: "quarantined", raw: new Uint8Array(0), rawKey: k } });
    const row = await mk(rawKey);
    const { actor: agent } = await makeActor("AGENT");
    const got = await readRawMail(agent, row.id);
    expect(got.size).toBe(raw.length);
    expect(sha(await buffer(got.stream!))).toBe(sha(raw));
    const lost = await mk(newRawKey());
    await expect(readRawMail(agent, lost.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
