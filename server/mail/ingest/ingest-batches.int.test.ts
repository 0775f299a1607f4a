// Several mails per transaction: a savepoint per mail, the cursor once per batch. A mail that
// fails inside a batch is quarantined while its neighbours commit; a crash inside a batch rolls
// the whole batch back and the next run redoes it without duplicates; large mails are parsed
// in a worker thread with the same result as inline.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import type { DovecotInstance } from "@/server/testing/dovecot";
import { db } from "@/server/db/client";
import fs from "node:fs";
import { uploadDir } from "@/server/env";
import { runIngest, type IngestSummary } from "./run-ingest";
import { buildMail, startKitDovecot, useMailbox } from "@/server/testing/ingest-test-kit";
import { parseMail } from "./parse-mail";
import { parseMailInWorker, parseMailAuto, WORKER_PARSE_BYTES } from "./parse-worker";

let dc: DovecotInstance;
beforeAll(async () => {
  dc = await startKitDovecot();
});
afterAll(async () => {
  await dc?.stop();
});

const run = async (opts?: Parameters<typeof runIngest>[0]) => (await runIngest(opts)) as IngestSummary;
const titles = async () => (await db().ticket.findMany({ orderBy: { id: "asc" } })).map((t) => t.title);
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");
const storedFiles = () => (fs.existsSync(uploadDir()) ? fs.readdirSync(uploadDir(), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length : 0);
const lastUid = async () => Number((await db().mailboxState.findUniqueOrThrow({ where: { key: "default" } })).lastUid);

describe("mail ingest batches", () => {
  it("a mail failing in the middle of a batch is quarantined; its neighbours commit in the same transaction", async () => {
    const mb = await useMailbox(dc);
    // a database failure for exactly one mail's ticket insert
    await db().$executeRawUnsafe(`CREATE OR REPLACE FUNCTION boom_ticket() RETURNS trigger AS $$ BEGIN IF NEW.title = 'Boom' THEN RAISE EXCEPTION 'boom on purpose'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
    await db().$executeRawUnsafe(`CREATE TRIGGER boom_ticket BEFORE INSERT ON tickets FOR EACH ROW EXECUTE FUNCTION boom_ticket()`);
    const filesBefore = storedFiles();
    try {
      for (const s of ["One", "Two", "Boom", "Four", "Five"]) {
        await mb.deliver(await buildMail({ from: `${s.toLowerCase()}@client.example`, to: mb.address, subject: s, text: `body ${s}`, attachments: [{ filename: `${s}.png`, content: PNG, contentType: "image/png" }] }));
      }
      expect(await run()).toMatchObject({ fetched: 5, created: 4, quarantined: 1 });
      expect(await titles()).toEqual(["One", "Two", "Four", "Five"]);
      const q = await db().quarantineEntry.findFirstOrThrow({ include: { inboundMail: true } });
      expect(q).toMatchObject({ reason: "processing-failed" });
      expect(q.detail).toContain("boom on purpose");
      expect(Buffer.from(q.inboundMail.raw).toString()).toContain("body Boom");
      // one transaction for the five mails (created_at defaults to the transaction's start), the cursor at the last uid
      const starts = await db().$queryRawUnsafe<{ t: Date }[]>(`SELECT DISTINCT created_at AS t FROM inbound_mails`);
      expect(starts).toHaveLength(1);
      expect(await lastUid()).toBe(5);
      // the failed mail's attachment was staged, then discarded with its savepoint
      const atts = await db().attachment.findMany();
      expect(atts.map((a) => a.fileName).sort()).toEqual(["Five.png", "Four.png", "One.png", "Two.png"]);
      expect(storedFiles() - filesBefore).toBe(4);
    } finally {
      await db().$executeRawUnsafe(`DROP TRIGGER IF EXISTS boom_ticket ON tickets`);
    }
  });

  it("a crash in the middle of a batch loses nothing: the batch rolls back and the next run redoes it once", async () => {
    const mb = await useMailbox(dc);
    for (let i = 1; i <= 7; i++) await mb.deliver(await buildMail({ from: `c${i}@client.example`, to: mb.address, subject: `Mail ${i}`, text: `body ${i}` }));
    let seen = 0;
    // batches of 3: [1 2 3] commits, the crash hits the second mail of [4 5 6]
    await expect(run({ batchMails: 3, duringBatch: () => { if (++seen === 5) throw new Error("killed mid-batch"); } })).rejects.toThrow("killed mid-batch");
    expect(await titles()).toEqual(["Mail 1", "Mail 2", "Mail 3"]);
    expect(await db().inboundMail.count()).toBe(3);
    expect(await lastUid()).toBe(3);
    const r = await run({ batchMails: 3 });
    expect(r).toMatchObject({ fetched: 4, created: 4, duplicates: 0 });
    expect(await titles()).toEqual(["Mail 1", "Mail 2", "Mail 3", "Mail 4", "Mail 5", "Mail 6", "Mail 7"]);
    expect(await lastUid()).toBe(7);
  });

  it("a rescan of a committed batch (cursor lost) only finds duplicates", async () => {
    const mb = await useMailbox(dc);
    for (let i = 1; i <= 4; i++) await mb.deliver(await buildMail({ from: `c${i}@client.example`, to: mb.address, subject: `Mail ${i}`, text: `body ${i}` }));
    expect(await run()).toMatchObject({ fetched: 4, created: 4 });
    await db().mailboxState.update({ where: { key: "default" }, data: { lastUid: 0n } });
    expect(await run()).toMatchObject({ fetched: 4, duplicates: 4, created: 0 });
    expect(await db().ticket.count()).toBe(4);
  });
});

describe("senders read once per batch", () => {
  it("a new sender's second mail in the batch finds the account the first one created; a rolled-back account is created again", async () => {
    const mb = await useMailbox(dc);
    await db().$executeRawUnsafe(`CREATE OR REPLACE FUNCTION boom_ticket2() RETURNS trigger AS $$ BEGIN IF NEW.title = 'Boom' THEN RAISE EXCEPTION 'boom on purpose'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
    await db().$executeRawUnsafe(`CREATE TRIGGER boom_ticket2 BEFORE INSERT ON tickets FOR EACH ROW EXECUTE FUNCTION boom_ticket2()`);
    try {
      // new@: two mails; gone@: the first fails after its account was created, the second must still get one
      for (const [from, subject] of [["new@client.example", "First"], ["new@client.example", "Second"], ["gone@client.example", "Boom"], ["gone@client.example", "After boom"]]) {
        await mb.deliver(await buildMail({ from: from!, to: mb.address, subject: subject!, text: `body ${subject}` }));
      }
      expect(await run()).toMatchObject({ fetched: 4, created: 3, quarantined: 1 });
      const byTitle = new Map((await db().ticket.findMany({ include: { requester: true } })).map((t) => [t.title, t.requester.email]));
      expect(Object.fromEntries(byTitle)).toEqual({ First: "new@client.example", Second: "new@client.example", "After boom": "gone@client.example" });
      expect(await db().user.count({ where: { email: { in: ["new@client.example", "gone@client.example"] } } })).toBe(2);
      const starts = await db().$queryRawUnsafe<{ t: Date }[]>(`SELECT DISTINCT created_at AS t FROM inbound_mails`);
      expect(starts).toHaveLength(1); // one batch
    } finally {
      await db().$executeRawUnsafe(`DROP TRIGGER IF EXISTS boom_ticket2 ON tickets`);
    }
  });
});

describe("parsing large mails in a worker thread", () => {
  it("a >1 MB mail parsed in the worker equals the inline parse, and ingest stores it", async () => {
    const big = Buffer.alloc(1536 * 1024, 0x42);
    const raw = await buildMail({
      from: "Ann <ann@client.example>", to: "support@example.test", cc: "boss@client.example", subject: "Большой файл", inReplyTo: "<x@y>", references: ["<a@b>", "<x@y>"],
      text: "Привет, see attached", html: `<p>See <img src="cid:shot@client"></p>`,
      attachments: [
        { filename: "big.pdf", content: Buffer.concat([Buffer.from("%PDF-1.4\n"), big]), contentType: "application/pdf" },
        { filename: "shot.png", content: PNG, cid: "shot@client", contentType: "image/png" },
      ],
    });
    expect(raw.length).toBeGreaterThan(WORKER_PARSE_BYTES);
    const inline = await parseMail(raw);
    const worker = await parseMailInWorker(raw);
    expect(worker).toEqual(inline);
    expect(worker.attachments.map((a) => a.data.length).sort((a, b) => a - b)).toEqual([PNG.length, big.length + 9]);
    expect(await parseMailAuto(raw)).toEqual(inline);
    await expect(parseMailInWorker(Buffer.from("x"))).resolves.toMatchObject({ from: { address: "" } });

    const mb = await useMailbox(dc);
    await mb.deliver(raw);
    expect(await run()).toMatchObject({ created: 1 });
    const t = await db().ticket.findFirstOrThrow({ include: { attachments: true } });
    expect(t.title).toBe("Большой файл");
    expect(t.attachments.map((a) => a.fileName).sort()).toEqual(["big.pdf", "shot.png"]);
  });
});
