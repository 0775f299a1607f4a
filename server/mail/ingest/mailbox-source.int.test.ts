// Integration: MailboxSource against a real Dovecot, over IMAP and POP3, plain and TLS.
// Cursor handling, the `*` quirk, batching, size cap, mark/move and UIDVALIDITY changes.
// Connection checks (certificates, auth, timeouts) are in mailbox-connection.int.test.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDovecot, type DovecotInstance, type DovecotUser } from "@/server/testing/dovecot";
import { openMailbox } from "./mailbox-source";
import { MailboxError, type MailboxConfig, type MailboxSource } from "./mailbox-types";

let plain: DovecotInstance;
let tls: DovecotInstance;
const users: DovecotUser[] = Array.from({ length: 40 }, (_, i) => ({ user: `u${i}@example.test`, password: `pw-${i}` }));
let nextUser = 0;

beforeAll(async () => {
  // One after the other: if the second start fails, afterAll still stops the first.
  plain = await startDovecot({ users });
  tls = await startDovecot({ tls: true, users });
});
afterAll(async () => {
  await Promise.all([plain?.stop(), tls?.stop()]);
});

function testMail(i: number, body = `Body of message ${i}\r\n`): string {
  return [
    `From: Customer ${i} <c${i}@example.test>`,
    `To: support@example.test`,
    `Subject: Test ${i}`,
    `Message-ID: <m${i}.${Math.random().toString(36).slice(2)}@example.test>`,
    `Date: Tue, 25 Nov 2025 10:00:00 +0000`,
    ``,
    body,
  ].join("\r\n");
}

type Variant = { name: string; protocol: "imap" | "pop3"; secure: boolean };
const variants: Variant[] = [
  { name: "IMAP plain", protocol: "imap", secure: false },
  { name: "IMAP TLS", protocol: "imap", secure: true },
  { name: "POP3 plain", protocol: "pop3", secure: false },
  { name: "POP3 TLS", protocol: "pop3", secure: true },
];

describe.each(variants)("$name", ({ protocol, secure }) => {
  // Each test gets its own mailbox user, so tests never see each other's mail.
  const setup = () => {
    const d = secure ? tls : plain;
    const u = users[nextUser++];
    const port = protocol === "imap" ? (secure ? d.imapsPort! : d.imapPort) : secure ? d.pop3sPort! : d.pop3Port;
    const cfg: MailboxConfig = {
      protocol, host: d.host, port, secure, allowInvalidCertificate: false,
      caPem: secure ? d.caPem : null, username: u.user, password: u.password,
    };
    const put = (raw: string | Buffer, folder = "INBOX", flags: string[] = []) => d.append(raw, folder, flags, u);
    return { d, u, cfg, put };
  };
  /** Runs fetchBatch until empty, like the ingest job: cursor for IMAP, stored UIDLs for POP3. */
  const drain = async (src: MailboxSource, limit: number, maxBytes = 1e6) => {
    const stored = new Set<string>();
    let cursor = 0;
    const batches: number[] = [];
    const all = [];
    for (;;) {
      const batch = await src.fetchBatch({
        afterUid: cursor, limit, maxBytes,
        skipUidls: async (uidls) => new Set(uidls.filter((x) => stored.has(x))),
      });
      if (!batch.length) break;
      batches.push(batch.length);
      for (const m of batch) {
        if (m.uid !== null) cursor = Math.max(cursor, m.uid);
        if (m.uidl !== null) stored.add(m.uidl);
        all.push(m);
      }
    }
    return { batches, all, cursor, stored };
  };

  it("returns new mail oldest first, byte-exact, and nothing once the cursor is at the end", async () => {
    const { cfg, put } = setup();
    const empty = await openMailbox(cfg);
    expect(await empty.fetchBatch({ afterUid: 0, limit: 10, maxBytes: 1e6 })).toEqual([]);
    await empty.close();
    const raws = [
      Buffer.from(testMail(1)),
      Buffer.from(testMail(2, "line\r\n.starts with a dot\r\n..two dots\r\n.\r\nafter lone dot\r\n")),
      Buffer.concat([Buffer.from(testMail(3, "8bit: ")), Buffer.from([0xc3, 0xa9, 0xff, 0x80, 0x0d, 0x0a])]),
    ];
    for (const r of raws) await put(r);
    const src = await openMailbox(cfg);
    try {
      const first = await src.fetchBatch({ afterUid: 0, limit: 10, maxBytes: 1e6 });
      expect(first.map((m) => m.raw.toString("hex"))).toEqual(raws.map((r) => r.toString("hex")));
      expect(first.every((m) => m.size === m.raw.length && !m.tooBig)).toBe(true);
      if (protocol === "imap") {
        expect(src.uidValidity).toBeGreaterThan(0);
        expect(first.map((m) => m.uid)).toEqual([1, 2, 3]);
        const rest = await src.fetchBatch({ afterUid: 1, limit: 10, maxBytes: 1e6 });
        expect(rest.map((m) => m.uid)).toEqual([2, 3]);
        // The `*` quirk: "4:*" matches UID 3 on the server; it must not come back.
        expect(await src.fetchBatch({ afterUid: 3, limit: 10, maxBytes: 1e6 })).toEqual([]);
      } else {
        expect(src.uidValidity).toBeNull();
        expect(first.every((m) => m.uid === null && typeof m.uidl === "string")).toBe(true);
        const known = new Set([first[0].uidl!]);
        // A new session with one UIDL already stored gets the other two only.
        const src2 = await openMailbox(cfg);
        const rest = await src2.fetchBatch({ afterUid: 0, limit: 10, maxBytes: 1e6, skipUidls: async (u) => new Set(u.filter((x) => known.has(x))) });
        expect(rest.map((m) => m.raw.toString("hex"))).toEqual(raws.slice(1).map((r) => r.toString("hex")));
        const none = await src2.fetchBatch({ afterUid: 0, limit: 10, maxBytes: 1e6, skipUidls: async (u) => new Set(u) });
        expect(none).toEqual([]);
        await src2.close();
      }
    } finally {
      await src.close();
    }
  });

  it("drains 120 messages in batches of 50", async () => {
    const { cfg, put } = setup();
    for (let i = 0; i < 120; i++) await put(testMail(i));
    const src = await openMailbox(cfg);
    try {
      const { batches, all } = await drain(src, 50);
      expect(batches).toEqual([50, 50, 20]);
      expect(all.map((m) => m.raw.toString().match(/Subject: Test (\d+)/)![1])).toEqual(
        Array.from({ length: 120 }, (_, i) => String(i)),
      );
      if (protocol === "imap") expect(all.map((m) => m.uid)).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
      else expect(new Set(all.map((m) => m.uidl)).size).toBe(120);
    } finally {
      await src.close();
    }
  });

  it("reports a message over maxBytes as tooBig without downloading it, and moves on", async () => {
    const { cfg, put } = setup();
    await put(testMail(1));
    await put(testMail(2, "x".repeat(76) + "\r\n".repeat(1) + ("y".repeat(76) + "\r\n").repeat(3000)));
    await put(testMail(3));
    const src = await openMailbox(cfg);
    try {
      const { all } = await drain(src, 10, 100_000);
      expect(all.map((m) => !!m.tooBig)).toEqual([false, true, false]);
      expect(all[1].raw.length).toBe(0);
      expect(all[1].size).toBeGreaterThan(100_000);
      expect(all[2].raw.toString()).toContain("Subject: Test 3");
    } finally {
      await src.close();
    }
  });

  it("markProcessed: fetching does not mark read; seen / move / leave", async () => {
    const { d, u, cfg, put } = setup();
    for (let i = 1; i <= 3; i++) await put(testMail(i));
    const src = await openMailbox(cfg);
    try {
      const [a, b, c] = await src.fetchBatch({ afterUid: 0, limit: 10, maxBytes: 1e6 });
      if (protocol === "pop3") {
        await src.markProcessed(a, "mark-seen");
        await src.markProcessed(b, "leave");
        await expect(src.markProcessed(c, { move: "Processed" })).rejects.toBeInstanceOf(MailboxError);
        await src.close();
        expect(await d.listUids("INBOX", u)).toEqual([1, 2, 3]); // nothing deleted
        return;
      }
      // BODY.PEEK: downloading must not set \Seen (the mailbox is not our "done" marker).
      expect((await d.listMessages("INBOX", u)).every((m) => !m.flags.includes("\\Seen"))).toBe(true);
      await src.markProcessed(a, "mark-seen");
      await src.markProcessed(b, { move: "Processed" }); // folder does not exist yet
      await src.markProcessed(c, "leave");
      const inbox = await d.listMessages("INBOX", u);
      expect(inbox.map((m) => [m.uid, m.flags.includes("\\Seen")])).toEqual([[1, true], [3, false]]);
      expect(await d.listUids("Processed", u)).toHaveLength(1);
    } finally {
      await src.close();
    }
  });

  it("UIDVALIDITY: a recreated mailbox shows a new value and renumbered UIDs", async () => {
    const { d, u, cfg, put } = setup();
    for (let i = 1; i <= 4; i++) await put(testMail(i));
    const src1 = await openMailbox(cfg);
    const before = src1.uidValidity;
    const { cursor } = await drain(src1, 10);
    await src1.close();
    await d.resetUidValidity("INBOX", u);
    await put(testMail(5)); // arrives after the renumbering
    const src2 = await openMailbox(cfg);
    try {
      if (protocol === "pop3") {
        expect(before).toBeNull();
        expect(src2.uidValidity).toBeNull();
        return;
      }
      expect(cursor).toBe(4);
      expect(src2.uidValidity).not.toBe(before);
      // Old cursor is meaningless now: the ingest job must see the change and re-scan from 0.
      const rescan = await src2.fetchBatch({ afterUid: 0, limit: 10, maxBytes: 1e6 });
      expect(rescan.map((m) => m.uid)).toEqual([1, 2, 3, 4, 5]);
    } finally {
      await src2.close();
    }
  });
});
