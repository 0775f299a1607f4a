// Ingest runs against a real Dovecot: UIDVALIDITY reset, overlapping runs, a run dying in the
// middle, POP3, the size limit on both sides, TLS with a custom CA, and both cron URLs.
import { spawn } from "node:child_process";
import path from "node:path";
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import type { DovecotInstance } from "@/server/testing/dovecot";
import { db } from "@/server/db/client";
import { secrets } from "@/server/secrets";
import { updateSettings } from "@/server/platform/settings/settings-store";
import { runIngest, type IngestSummary } from "./run-ingest";
import { buildMail, startKitDovecot, useMailbox } from "@/server/testing/ingest-test-kit";
import { GET as createGET, POST as createPOST } from "@/app/cron/ticket_create/route";
import { GET as repliesGET } from "@/app/cron/ticket_replies/route";

let dc: DovecotInstance;
beforeAll(async () => {
  dc = await startKitDovecot({ tls: true });
});
afterAll(async () => {
  await dc?.stop();
});

const run = async (opts?: Parameters<typeof runIngest>[0]) => (await runIngest(opts)) as IngestSummary;
const mailN = (mb: { address: string }, i: number) => buildMail({ from: `c${i}@client.example`, to: mb.address, subject: `Mail ${i}`, text: `body ${i}` });
const ticketTitles = async () => (await db().ticket.findMany({ orderBy: { id: "asc" } })).map((t) => t.title);

describe("mail ingest runs", () => {
  it("UIDVALIDITY change resets the cursor; the re-scan only adds the new mail", async () => {
    const mb = await useMailbox(dc);
    await mb.deliver(await mailN(mb, 1));
    await mb.deliver(await mailN(mb, 2));
    expect(await run()).toMatchObject({ created: 2 });
    const before = await db().mailboxState.findUniqueOrThrow({ where: { key: "default" } });
    await dc.resetUidValidity("INBOX", mb.user);
    await mb.deliver(await mailN(mb, 3));
    expect(await run()).toMatchObject({ fetched: 3, duplicates: 2, created: 1 });
    const after = await db().mailboxState.findUniqueOrThrow({ where: { key: "default" } });
    expect(after.uidValidity).not.toBe(before.uidValidity);
    expect(await ticketTitles()).toEqual(["Mail 1", "Mail 2", "Mail 3"]);
  });

  it("an overlapping run answers busy at once and touches nothing", async () => {
    const mb = await useMailbox(dc);
    await mb.deliver(await mailN(mb, 1));
    await mb.deliver(await mailN(mb, 2));
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let inside!: () => void;
    const entered = new Promise<void>((r) => (inside = r));
    const first = run({ afterMail: async (n) => { if (n === 1) { inside(); await gate; } } });
    await entered;
    const t0 = Date.now();
    const second = await run();
    expect(second).toMatchObject({ busy: true, fetched: 0 });
    expect(Date.now() - t0).toBeLessThan(2000);
    release();
    expect(await first).toMatchObject({ busy: false, created: 2 });
    expect(await ticketTitles()).toEqual(["Mail 1", "Mail 2"]);
  });

  it("a run that dies after N mails: the next run continues exactly after the last commit", async () => {
    const mb = await useMailbox(dc);
    for (let i = 1; i <= 5; i++) await mb.deliver(await mailN(mb, i));
    await expect(run({ afterMail: (n) => { if (n === 2) throw new Error("killed"); } })).rejects.toThrow("killed");
    expect(await ticketTitles()).toEqual(["Mail 1", "Mail 2"]);
    expect(await run()).toMatchObject({ fetched: 3, created: 3, duplicates: 0 });
    expect(await ticketTitles()).toEqual(["Mail 1", "Mail 2", "Mail 3", "Mail 4", "Mail 5"]);
  });

  it("SIGKILL of a real run process: nothing lost, nothing doubled once the lease expires", async () => {
    const mb = await useMailbox(dc);
    const N = 25;
    for (let i = 1; i <= N; i++) await mb.deliver(await mailN(mb, i));
    // node itself (not the tsx wrapper script), so SIGKILL hits the process that ingests
    const child = spawn(process.execPath, ["--import", "tsx", path.resolve("server/testing/ingest-child-once.ts")], { env: { ...process.env }, stdio: "ignore" });
    const exited = new Promise((r) => child.on("exit", r));
    for (let i = 0; i < 400 && (await db().inboundMail.count()) < 5; i++) await new Promise((r) => setTimeout(r, 25));
    child.kill("SIGKILL");
    await exited;
    const done = await db().inboundMail.count();
    expect(done).toBeGreaterThanOrEqual(5);
    expect(done).toBeLessThan(N);
    expect(await run()).toMatchObject({ busy: true }); // the dead run's lease still holds
    await db().mailboxState.update({ where: { key: "default" }, data: { leaseUntil: new Date(Date.now() - 1000) } });
    const r = await run();
    expect(r.created + r.duplicates).toBe(r.fetched);
    expect(await db().inboundMail.count()).toBe(N);
    const titles = await ticketTitles();
    expect(titles).toHaveLength(N);
    expect(new Set(titles).size).toBe(N);
  });

  it("a lease left by a killed process blocks only until it expires", async () => {
    const mb = await useMailbox(dc);
    await mb.deliver(await mailN(mb, 1));
    await db().mailboxState.create({ data: { key: "default", leaseOwner: "dead:1", leaseUntil: new Date(Date.now() + 60_000) } });
    expect(await run()).toMatchObject({ busy: true });
    await db().mailboxState.update({ where: { key: "default" }, data: { leaseUntil: new Date(Date.now() - 1000) } });
    expect(await run()).toMatchObject({ busy: false, created: 1 });
  });

  it("POP3: UIDLs already stored are skipped, new ones fetched", async () => {
    const mb = await useMailbox(dc, { protocol: "pop3", port: dc.pop3Port, afterProcessing: "leave" });
    await mb.deliver(await mailN(mb, 1));
    const dup = await mailN(mb, 2);
    await mb.deliver(dup);
    await mb.deliver(dup);
    expect(await run()).toMatchObject({ fetched: 3, created: 2, duplicates: 1 });
    expect(await run()).toMatchObject({ fetched: 0 });
    await mb.deliver(await mailN(mb, 3));
    expect(await run()).toMatchObject({ fetched: 1, created: 1 });
    expect(await ticketTitles()).toEqual(["Mail 1", "Mail 2", "Mail 3"]);
  });

  it("IMAPS with the server's CA accepted; without it the certificate is refused", async () => {
    const mb = await useMailbox(dc, { port: dc.imapsPort!, secure: true, caPem: dc.caPem! });
    await mb.deliver(await mailN(mb, 1));
    expect(await run()).toMatchObject({ created: 1 });
    // a changed CA needs the password typed again (the stored one never follows a changed connection field)
    await updateSettings("mail", { caPem: "", password: mb.user.password });
    await expect(runIngest()).rejects.toMatchObject({ code: "CERTIFICATE" });
    expect(await db().mailboxState.findUniqueOrThrow({ where: { key: "default" } })).toMatchObject({ leaseOwner: null });
  });

  it("a ~24 MB mail is stored under the default 25 MB limit and quarantined as too big over a lower one", async () => {
    const mb = await useMailbox(dc);
    const pdf = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(17 * 1024 * 1024, 0x41), Buffer.from("\n%%EOF\n")]);
    const first = await buildMail({ from: "ann@client.example", to: mb.address, subject: "Big", messageId: "<big-1@client.example>", text: "see attached", attachments: [{ filename: "scan.pdf", content: pdf, contentType: "application/pdf" }] });
    // the same bytes under another Message-ID (building 24 MB twice costs seconds)
    const second = Buffer.from(first.toString("latin1").replace("<big-1@client.example>", "<big-2@client.example>"), "latin1");
    expect(first.length).toBeGreaterThan(23 * 1024 * 1024);
    expect(first.length).toBeLessThan(25 * 1024 * 1024);
    await mb.deliver(first);
    expect(await run()).toMatchObject({ created: 1 });
    expect(await db().attachment.count()).toBe(1);
    await updateSettings("mail", { maxMailMb: 20 });
    await mb.deliver(second);
    expect(await run()).toMatchObject({ fetched: 1, quarantined: 1 });
    expect(await db().quarantineEntry.findFirstOrThrow()).toMatchObject({ reason: "too-big" });
  });
});

describe("mail cron URLs", () => {
  const url = (job: string, token?: string) => `http://localhost:3000/cron/${job}${token === undefined ? "" : `?token=${encodeURIComponent(token)}`}`;

  it("401 without or with a wrong secret, and nothing runs", async () => {
    const mb = await useMailbox(dc);
    await mb.deliver(await mailN(mb, 1));
    expect((await createGET(new Request(url("ticket_create")))).status).toBe(401);
    expect((await repliesGET(new Request(url("ticket_replies", "wrong")))).status).toBe(401);
    expect((await createPOST(new Request(url("ticket_create"), { method: "POST", headers: { authorization: "Bearer nope" } }))).status).toBe(401);
    expect(await db().inboundMail.count()).toBe(0);
    expect(await db().mailboxState.count()).toBe(0);
  });

  it("no mailbox configured → 200 { configured: false }", async () => {
    const res = await createGET(new Request(url("ticket_create", secrets().CRON_SECRET)));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, result: { configured: false } });
  });

  it("Bearer (Vercel) and ?token (wget) both run the single pass; each mail counted once", async () => {
    const mb = await useMailbox(dc);
    await mb.deliver(await mailN(mb, 1));
    const a = await createPOST(new Request(url("ticket_create"), { method: "POST", headers: { authorization: `Bearer ${secrets().CRON_SECRET}` } }));
    expect(a.status).toBe(200);
    expect(await a.json()).toMatchObject({ ok: true, job: "ticket_create", result: { configured: true, fetched: 1, created: 1, appended: 0, duplicates: 0, autoReplies: 0, quarantined: 0, skipped: 0, busy: false } });
    const [t] = await db().ticket.findMany();
    await mb.deliver(await buildMail({ from: "c1@client.example", to: mb.address, subject: `Re: [#${t!.id}] Mail 1`, text: "thanks" }));
    const b = await repliesGET(new Request(url("ticket_replies", secrets().CRON_SECRET)));
    expect(await b.json()).toMatchObject({ ok: true, job: "ticket_replies", result: { fetched: 1, appended: 1, created: 0 } });
    const c = await repliesGET(new Request(url("ticket_replies", secrets().CRON_SECRET)));
    expect(await c.json()).toMatchObject({ ok: true, result: { fetched: 0 } });
  });
});
