// Large mails (above SPOOL_ABOVE_BYTES) never pass through memory whole: the source is streamed
// from IMAP to a spool file, parsed from it in the worker with every part written to its own file,
// and kept as a file in the storage (inbound_mails.raw_key). What a user sees does not change:
// the ticket, the attachment with the right bytes and sha256, the staff .eml download, the
// quarantine's source, and the crash and duplicate guarantees of a small mail.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { DovecotInstance } from "@/server/testing/dovecot";
import { db } from "@/server/db/client";
import { dataDir, uploadDir } from "@/server/env";
import { storage } from "@/server/platform/storage/storage";
import { makeUser } from "@/server/testing/factories";
import { hashToken } from "@/server/auth/token-hash";
import { GET } from "@/app/api/raw-mail/[id]/route";
import { rawSource } from "@/server/services/quarantine/quarantine";
import { runIngest, type IngestSummary } from "./run-ingest";
import { buildMail, startKitDovecot, useMailbox } from "@/server/testing/ingest-test-kit";
import { SPOOL_ABOVE_BYTES } from "./mailbox-types";
import { parseMail } from "./parse-mail";
import { parseMailFileInWorker } from "./parse-worker";
import os from "node:os";

let dc: DovecotInstance;
beforeAll(async () => {
  dc = await startKitDovecot();
});
afterAll(async () => {
  await dc?.stop();
});

const run = async (opts?: Parameters<typeof runIngest>[0]) => (await runIngest(opts)) as IngestSummary;
const sha = (b: Buffer) => crypto.createHash("sha256").update(b).digest("hex");
const storedFiles = () => (fs.existsSync(uploadDir()) ? fs.readdirSync(uploadDir(), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length : 0);
const spoolFiles = () => {
  const root = path.join(dataDir(), "spool");
  return fs.existsSync(root) ? fs.readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length : 0;
};

/** A PDF (by its magic bytes) of `bytes` random bytes: an allowed type, incompressible. */
function bigPdf(bytes: number): Buffer {
  const head = Buffer.from("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "latin1");
  return Buffer.concat([head, crypto.randomBytes(bytes - head.length)]);
}

async function bigMail(o: { to: string; subject: string; from?: string }) {
  const pdf = bigPdf(3 * 1024 * 1024);
  const raw = await buildMail({
    from: o.from ?? "big@client.example", to: o.to, subject: o.subject, text: "Please see the attached scan.",
    attachments: [{ filename: "scan.pdf", content: pdf, contentType: "application/pdf" }],
  });
  expect(raw.length).toBeGreaterThan(SPOOL_ABOVE_BYTES);
  return { raw, pdf };
}

async function staffToken() {
  const u = await makeUser({ role: "AGENT" });
  const token = `hd_${crypto.randomBytes(16).toString("hex")}`;
  await db().apiToken.create({ data: { name: "t", prefix: token.slice(0, 8), tokenHash: hashToken(token), userId: u.id } });
  return token;
}

describe("large mails", () => {
  it("parsed from a file in the worker: the same mail as parsed inline, the parts in files", async () => {
    const { raw, pdf } = await bigMail({ to: "support@example.test", subject: "Заказ: скан" });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "spool-test-"));
    try {
      fs.writeFileSync(path.join(dir, "mail.eml"), raw);
      const fromFile = await parseMailFileInWorker(path.join(dir, "mail.eml"), dir);
      const inline = await parseMail(raw);
      const { attachments: fa, ...f } = fromFile;
      const { attachments: ia, ...i } = inline;
      expect(f).toEqual(i);
      expect(fa.map(({ data: _d, spooled: _s, ...a }) => a)).toEqual(ia.map(({ data: _d, ...a }) => a));
      const part = fa[0]!.spooled!;
      expect(part).toMatchObject({ size: pdf.length, sha256: sha(pdf) });
      expect(fs.readFileSync(part.path).equals(pdf)).toBe(true);
      expect(part.head.equals(pdf.subarray(0, part.head.length))).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("are stored as files: the ticket, the attachment's bytes and sha256, and the staff .eml download are intact", async () => {
    const mb = await useMailbox(dc);
    const { raw, pdf } = await bigMail({ to: mb.address, subject: "Scan attached" });
    await mb.deliver(raw);
    expect(await run()).toMatchObject({ fetched: 1, created: 1 });

    const t = await db().ticket.findFirstOrThrow({ where: { title: "Scan attached" }, include: { attachments: true } });
    expect(t.body).toContain("Please see the attached scan.");
    expect(t.attachments).toHaveLength(1);
    const a = t.attachments[0]!;
    expect(a).toMatchObject({ fileName: "scan.pdf", contentType: "application/pdf", size: pdf.length, sha256: sha(pdf) });
    expect((await storage().get(a.storageKey))!.equals(pdf)).toBe(true);

    // the source is a file in the storage, not bytes in the row
    const row = await db().inboundMail.findFirstOrThrow({ where: { ticketId: t.id } });
    expect(row.raw.length).toBe(0);
    expect(row.rawKey).toMatch(/^[a-z0-9]{2}\/raw-[a-f0-9]{32}$/);
    expect(row.sha256).toBe(sha(raw));
    expect(row.size).toBe(raw.length);

    const res = await GET(new Request(`http://localhost/api/raw-mail/${row.id}`, { headers: { authorization: `Bearer ${await staffToken()}` } }), { params: Promise.resolve({ id: String(row.id) }) });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("message/rfc822");
    expect(res.headers.get("content-length")).toBe(String(raw.length));
    expect(Buffer.from(await res.arrayBuffer()).equals(raw)).toBe(true);
    // and nobody else gets it
    expect((await GET(new Request(`http://localhost/api/raw-mail/${row.id}`, { headers: { authorization: "Bearer wrong" } }), { params: Promise.resolve({ id: String(row.id) }) })).status).toBe(404);

    expect(spoolFiles()).toBe(0);
    // the ticket went in by a raw statement: the queue counters (statement triggers) still add up
    const [c] = await db().$queryRaw<{ counted: number; real: number }[]>`
      SELECT (SELECT coalesce(sum(n), 0)::int FROM ticket_counters WHERE status_id = ${t.statusId}) AS counted,
             (SELECT count(*)::int FROM tickets WHERE status_id = ${t.statusId}) AS real`;
    expect(c!.counted).toBe(c!.real);
    // the acknowledgement answers the customer's own mail (the inbound row is linked before notify runs)
    const ack = await db().outboxMail.findFirstOrThrow({ where: { ticketId: t.id, template: "ticket.created" } });
    expect((ack.headers as Record<string, string>)["In-Reply-To"]).toBe(row.messageKey);
    // and its history says how it came
    expect(await db().auditEvent.findFirstOrThrow({ where: { ticketId: t.id, type: "ticket.created" } })).toMatchObject({ data: { source: "EMAIL", claimedTicketId: null } });
  });

  it("a duplicate keeps no second copy; a crash mid-batch leaves no file behind and the next run stores it once", async () => {
    const mb = await useMailbox(dc);
    const first = await bigMail({ to: mb.address, subject: "Crash then redo" });
    await mb.deliver(first.raw);
    await mb.deliver(first.raw); // the same Message-ID again
    const files = storedFiles();
    await expect(run({ batchMails: 5, duringBatch: () => { throw new Error("crash"); } })).rejects.toThrow("crash");
    expect(storedFiles()).toBe(files);
    expect(await db().ticket.count({ where: { title: "Crash then redo" } })).toBe(0);
    expect(spoolFiles()).toBe(0);

    expect(await run()).toMatchObject({ fetched: 2, created: 1, duplicates: 1 });
    // one source file and one attachment file: nothing of the duplicate
    expect(storedFiles()).toBe(files + 2);
    expect(await db().inboundMail.count({ where: { subject: "Crash then redo" } })).toBe(1);
    expect(spoolFiles()).toBe(0);
  });

  it("a large mail that fails to process is quarantined with its source file, readable from the quarantine", async () => {
    const mb = await useMailbox(dc);
    await db().$executeRawUnsafe(`CREATE OR REPLACE FUNCTION boom_big() RETURNS trigger AS $$ BEGIN IF NEW.title = 'Boom big' THEN RAISE EXCEPTION 'boom on purpose'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
    await db().$executeRawUnsafe(`CREATE TRIGGER boom_big BEFORE INSERT ON tickets FOR EACH ROW EXECUTE FUNCTION boom_big()`);
    try {
      const { raw } = await bigMail({ to: mb.address, subject: "Boom big" });
      await mb.deliver(raw);
      expect(await run()).toMatchObject({ fetched: 1, quarantined: 1 });
      const q = await db().quarantineEntry.findFirstOrThrow({ where: { inboundMail: { subject: "Boom big" } }, include: { inboundMail: true } });
      expect(q.reason).toBe("processing-failed");
      expect(q.inboundMail.rawKey).not.toBeNull();
      expect((await rawSource(q.id)).data.equals(raw)).toBe(true);
    } finally {
      await db().$executeRawUnsafe(`DROP TRIGGER IF EXISTS boom_big ON tickets`);
    }
  });
});
