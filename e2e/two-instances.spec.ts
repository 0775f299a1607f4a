// Two production servers (bin/serve.ts) on one PostgreSQL with S3 storage (a real s3rver
// process) behind a round-robin proxy: sessions and login throttling are shared, cron calls
// hitting both at once ingest each mail once and deliver each outbox mail once, a file uploaded
// through one downloads through the other, neither writes to its data folder, and an instance
// with DATABASE_URL but no secrets in its environment refuses to start.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test, expect } from "@playwright/test";
import { createTestDatabase } from "../server/testing/test-db";
import { startS3rver, type S3rver } from "../server/testing/s3rver-process";
import { startRoundRobinProxy, type Proxy } from "../server/testing/round-robin-proxy";
import { startDovecot, type DovecotInstance } from "../server/testing/dovecot";
import { startSmtpSink, type SmtpSink } from "../server/testing/smtp-sink";
import { freePorts } from "../server/testing/free-port";
import { createDb, type Db } from "../server/db/client";
import { seedDefaults } from "../server/services/setup/seed-defaults";
import { updateSettings } from "@/server/platform/settings/settings-store";
import { hashPassword } from "../server/auth/passwords";
import { resetEnvCache } from "../server/env";
import { resetSecretsCache } from "../server/secrets";
import { cron } from "./support/mail";
import { filesUnder, sessionUser, sharedSecrets, signInFetch, spawnServe, startInstance, stopInstance, type Instance } from "./support/instances";

test.describe.configure({ mode: "serial" });

const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");
const PASSWORD = "two-instances-password-1";
let s3: S3rver, dovecot: DovecotInstance, sink: SmtpSink, proxy: Proxy, db: Db;
let a: Instance, b: Instance;
let dbUrl = "";
const secrets = sharedSecrets();

/** Runs `fn` in this process as if it were one of the instances (same database and keys). */
async function asInstance<T>(fn: () => Promise<T>): Promise<T> {
  const saved = { ...process.env };
  Object.assign(process.env, secrets, { DATABASE_URL: dbUrl, DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "two-inst-")) });
  resetEnvCache();
  resetSecretsCache();
  try {
    return await fn();
  } finally {
    process.env = saved;
    resetEnvCache();
    resetSecretsCache();
  }
}

async function makeUser(tag: string) {
  const email = `${tag}-${crypto.randomBytes(4).toString("hex")}@example.test`;
  // a proven address: an unconfirmed sign-up cannot sign in (issue 12.3)
  await db.user.create({ data: { email, name: tag, role: "CUSTOMER", locale: "en", passwordHash: await hashPassword(PASSWORD), emailVerifiedAt: new Date() } });
  return email;
}

test.beforeAll(async () => {
  test.setTimeout(300_000);
  const admin = new URL(process.env.E2E_DATABASE_URL!);
  admin.pathname = "/postgres";
  dbUrl = await createTestDatabase(admin.toString(), "helpdesk_two");
  db = createDb(dbUrl);
  await seedDefaults(db);
  [s3, dovecot, sink] = await Promise.all([startS3rver(), startDovecot(), startSmtpSink()]);
  // settings first: each instance reads them from the shared database
  await asInstance(async () => {
    await updateSettings("mail", { protocol: "imap", host: dovecot.host, port: dovecot.imapPort, secure: false, username: dovecot.user, password: dovecot.password, afterProcessing: "leave" }, db);
    await updateSettings("outbound", { transport: "smtp", smtpHost: "127.0.0.1", smtpPort: sink.port, smtpSecure: false, fromName: "Support" }, db);
  });
  const [pa, pb] = await freePorts(2);
  proxy = await startRoundRobinProxy([`http://127.0.0.1:${pa}`, `http://127.0.0.1:${pb}`]);
  const env = { DATABASE_URL: dbUrl, APP_URL: proxy.url, TRUSTED_PROXY_HOPS: "0", HELPDESK_NO_KICK: "1", ...s3.env, ...secrets };
  [a, b] = await Promise.all([startInstance(pa!, env), startInstance(pb!, env)]);
});

test.afterAll(async () => {
  await Promise.all([stopInstance(a), stopInstance(b)]);
  await Promise.all([proxy?.close(), s3?.stop(), dovecot?.stop(), sink?.stop(), db?.$disconnect()]);
});

test("an instance with DATABASE_URL but no secrets in its environment does not start, and writes none", async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "two-inst-nosecrets-"));
  const [port] = await freePorts(1);
  const proc = spawnServe({ DATABASE_URL: dbUrl, DATA_DIR: dataDir, PORT: String(port), ...s3.env });
  let out = "";
  proc.stderr!.on("data", (c: Buffer) => (out += c.toString()));
  const code = await new Promise<number | null>((r) => proc.once("exit", r));
  expect(code).not.toBe(0);
  expect(out).toContain("AUTH_SECRET, CRON_SECRET, SETTINGS_KEY, SIGNING_KEY must be set in the environment when DATABASE_URL is set");
  expect(filesUnder(dataDir)).toEqual([]);
});

test("a session made on one instance is valid on the other; login throttling counts across both", async () => {
  const email = await makeUser("session");
  const cookie = await signInFetch(a.url, email, PASSWORD);
  expect(cookie).not.toBeNull();
  expect((await sessionUser(b.url, cookie!))?.email).toBe(email);
  for (let i = 0; i < 2; i++) expect((await sessionUser(proxy.url, cookie!))?.email).toBe(email);

  // ten wrong passwords through the proxy: five land on each instance (a sign-in is two requests,
  // the token from one instance and the POST to the other; an extra request shifts every other one)
  const victim = await makeUser("throttled");
  const before = proxy.seen.length;
  for (let i = 0; i < 10; i++) {
    if (i % 2) await fetch(`${proxy.url}/api/health`).then((r) => r.arrayBuffer());
    expect(await signInFetch(proxy.url, victim, "wrong-password-123")).toBeNull();
  }
  const targets = new Set(proxy.seen.slice(before).filter((r) => r.url.startsWith("/api/auth/callback/credentials")).map((r) => r.target));
  expect(targets).toEqual(new Set([a.url, b.url]));
  // now the right password is refused by both, while another account still signs in
  expect(await signInFetch(a.url, victim, PASSWORD)).toBeNull();
  expect(await signInFetch(b.url, victim, PASSWORD)).toBeNull();
  expect(await signInFetch(b.url, await makeUser("control"), PASSWORD)).not.toBeNull();
});

test("a file uploaded through one instance downloads through the other; nothing lands on their disks", async () => {
  const owner = await makeUser("uploader");
  const cookie = (await signInFetch(a.url, owner, PASSWORD))!;
  const up = await fetch(`${a.url}/api/uploads`, { method: "POST", headers: { cookie, "x-file-name": "shot.png", "content-type": "application/octet-stream" }, body: PNG });
  expect(up.status, await up.clone().text()).toBe(201);
  const { id } = (await up.json()) as { id: string };
  for (const base of [b.url, proxy.url, proxy.url]) {
    const res = await fetch(`${base}/api/attachments/${id}`, { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("image/png");
    expect(Buffer.from(await res.arrayBuffer()).equals(PNG)).toBe(true);
  }
  const stranger = (await signInFetch(b.url, await makeUser("stranger"), PASSWORD))!;
  expect((await fetch(`${b.url}/api/attachments/${id}`, { headers: { cookie: stranger } })).status).toBe(404);
  expect([...filesUnder(a.dataDir), ...filesUnder(b.dataDir)]).toEqual([]);
});

test("cron calls hitting both instances at once ingest each mail once and deliver each outbox mail once", async () => {
  test.setTimeout(240_000);
  const tag = crypto.randomBytes(4).toString("hex");
  const subjects = Array.from({ length: 8 }, (_, i) => `Printer ${i} is jammed (${tag})`);
  for (const [i, subject] of subjects.entries()) {
    await dovecot.append(`From: Sender ${i} <sender${i}-${tag}@example.test>\r\nTo: ${dovecot.user}\r\nSubject: ${subject}\r\nMessage-ID: <${tag}-${i}@example.test>\r\nDate: ${new Date().toUTCString()}\r\n\r\nPaper everywhere, case ${i}.\r\n`);
  }
  const both = (job: "ticket_create" | "ticket_replies" | "deliver_mail") => Promise.all([cron(a.url, job, secrets.CRON_SECRET!), cron(b.url, job, secrets.CRON_SECRET!)]);
  for (let round = 0; round < 20; round++) {
    await Promise.all([both("ticket_create"), both("ticket_replies")]);
    if ((await db.inboundMail.count({ where: { messageKey: { contains: tag } } })) === subjects.length) break;
  }
  expect(await db.inboundMail.count({ where: { messageKey: { contains: tag } } })).toBe(subjects.length);
  const tickets = await db.ticket.findMany({ where: { title: { contains: tag } }, select: { title: true } });
  expect(tickets.map((t) => t.title).sort()).toEqual([...subjects].sort());

  for (let round = 0; round < 20; round++) {
    await both("deliver_mail");
    if ((await db.outboxMail.count({ where: { status: { in: ["PENDING", "SENDING"] } } })) === 0) break;
  }
  const outbox = await db.outboxMail.findMany({ select: { status: true, messageIdHeader: true } });
  expect(outbox.length).toBeGreaterThanOrEqual(subjects.length); // at least one acknowledgement per new ticket
  expect(outbox.every((o) => o.status === "SENT")).toBe(true);
  const received = sink.messages.map((m) => m.parsed.messageId);
  expect(received.length).toBe(outbox.length);
  expect(new Set(received).size).toBe(received.length);
  expect(new Set(received)).toEqual(new Set(outbox.map((o) => o.messageIdHeader)));
});
