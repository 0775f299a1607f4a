// Mail → tickets against a real Dovecot: new tickets, each threading rule, the sender check,
// closed tickets, automatic mail, dedupe, charsets, attachments and broken mail.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import type { DovecotInstance } from "@/server/testing/dovecot";
import { db } from "@/server/db/client";
import { plusAddress, signTicketRef } from "@/server/domain/mail/markers";
import { markerKey } from "@/server/mail/outbound/compose";
import { storage } from "@/server/platform/storage/storage";
import { makeUser, setTicketSettings, statusByKey } from "@/server/testing/factories";
import { updateSettings } from "@/server/platform/settings/settings-store";
import { runIngest, type IngestSummary } from "./run-ingest";
import { buildMail, legacyCharsetMail, startKitDovecot, tickets, useMailbox } from "@/server/testing/ingest-test-kit";

let dc: DovecotInstance;
beforeAll(async () => {
  dc = await startKitDovecot();
});
afterAll(async () => {
  await dc?.stop();
});

const run = async () => (await runIngest()) as IngestSummary;
const REPLY_EN = "##- Please type your reply above this line -##";
// a 1×1 PNG
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");

async function ticketFromMail(mb: Awaited<ReturnType<typeof useMailbox>>, from = "Ann Customer <ann@client.example>") {
  await mb.deliver(await buildMail({ from, to: mb.address, subject: "Printer on fire", text: "It smokes." }));
  const r = await run();
  expect(r.created).toBe(1);
  const t = (await tickets()).at(-1)!;
  const ack = await db().outboxMail.findFirstOrThrow({ where: { ticketId: t.id, template: "ticket.created" } });
  return { t, ack };
}

describe("mail ingest: new tickets and threading", () => {
  it("creates a ticket from an unknown sender: password-less customer, CCs, ack mail, cursor and \\Seen", async () => {
    const mb = await useMailbox(dc);
    await mb.deliver(await buildMail({ from: "Ann Customer <Ann@Client.example>", to: mb.address, cc: "boss@client.example, " + mb.address, subject: "Printer on fire", text: "It smokes.\nPlease help." }));
    const r = await run();
    expect(r).toMatchObject({ configured: true, fetched: 1, created: 1, appended: 0, duplicates: 0, autoReplies: 0, quarantined: 0, skipped: 0, busy: false });
    const [t] = await tickets();
    expect(t).toMatchObject({ title: "Printer on fire", source: "EMAIL", body: "It smokes.\nPlease help." });
    expect(t!.requester).toMatchObject({ email: "ann@client.example", name: "Ann Customer", role: "CUSTOMER" });
    expect(await db().user.findUniqueOrThrow({ where: { id: t!.requesterId }, select: { passwordHash: true } })).toEqual({ passwordHash: null });
    expect(t!.participants.map((p) => p.email)).toEqual(["boss@client.example"]);
    expect(await db().outboxMail.count({ where: { ticketId: t!.id, template: "ticket.created", toEmail: "ann@client.example" } })).toBe(1);
    expect(await db().inboundMail.findFirstOrThrow()).toMatchObject({ outcome: "created", ticketId: t!.id, fromEmail: "ann@client.example" });
    const state = await db().mailboxState.findUniqueOrThrow({ where: { key: "default" } });
    expect(Number(state.lastUid)).toBe(1);
    expect(state.leaseOwner).toBeNull();
    expect((await dc.listMessages("INBOX", mb.user))[0]!.flags).toContain("\\Seen");
    // a second run finds nothing new
    expect(await run()).toMatchObject({ fetched: 0 });
  });

  it("threads replies by each rule, cuts the quote, applies statusOnClientReply and records the rule", async () => {
    const mb = await useMailbox(dc);
    const { t, ack } = await ticketFromMail(mb);
    const inProgress = await statusByKey("in_progress");
    await setTicketSettings({ statusOnClientReply: inProgress.id });
    const from = "ann@client.example";
    const quote = `On Mon, 1 Jan 2024, Support <${mb.address}> wrote:\n> ${REPLY_EN}\n> Old text`;
    await mb.deliver(await buildMail({ from, to: mb.address, subject: "Re: something", inReplyTo: ack.messageIdHeader, text: `By message id\n\n${quote}` }));
    await mb.deliver(await buildMail({ from, to: plusAddress(mb.address, t.id, markerKey()), subject: "no token", text: "By plus token" }));
    await mb.deliver(await buildMail({ from, to: mb.address, subject: "no token", text: `By ticket string\n\n> ## Ticket ID: ${signTicketRef(t.id, markerKey())}\n> ${REPLY_EN}` }));
    await mb.deliver(await buildMail({ from, to: mb.address, subject: `Re: [#${t.id}] Printer on fire`, text: "By subject" }));
    const r = await run();
    expect(r).toMatchObject({ fetched: 4, appended: 4, created: 0 });
    const [after] = await tickets();
    expect(after!.messages.map((m) => m.bodyText)).toEqual(["By message id", "By plus token", "By ticket string", "By subject"]);
    expect(after!.messages.every((m) => m.source === "EMAIL" && !m.isAutomatic && m.fromEmail === from)).toBe(true);
    expect(after!.statusId).toBe(inProgress.id);
    const rules = (await db().inboundMail.findMany({ where: { outcome: "appended" }, orderBy: { id: "asc" } })).map((m) => m.matchedRule);
    expect(rules).toEqual(["message-id", "plus-token", "ticket-string", "subject"]);
    expect(await db().outboxMail.count({ where: { template: "staff.customer-reply" } })).toBe(0); // no staff yet
  });

  it("a CC and a staff member may reply (staff only with a signed marker); a staff reply mails the customer", async () => {
    const mb = await useMailbox(dc);
    const agent = await makeUser({ role: "AGENT", email: "agent@firm.example" });
    await mb.deliver(await buildMail({ from: "ann@client.example", cc: "boss@client.example", to: mb.address, subject: "Hello", text: "Hi" }));
    await run();
    const [t] = await tickets();
    const note = await db().outboxMail.findFirstOrThrow({ where: { ticketId: t!.id, toEmail: agent.email } });
    await mb.deliver(await buildMail({ from: "boss@client.example", to: mb.address, subject: `Re: [#${t!.id}] Hello`, text: "From the CC" }));
    await mb.deliver(await buildMail({ from: agent.email, to: mb.address, subject: `Re: [#${t!.id}] Hello`, inReplyTo: note.messageIdHeader, text: "From staff" }));
    expect(await run()).toMatchObject({ appended: 2 });
    const [after] = await tickets();
    expect(after!.messages.map((m) => [m.bodyText, m.authorId])).toEqual([["From the CC", null], ["From staff", agent.id]]);
    expect(await db().outboxMail.count({ where: { ticketId: t!.id, template: "reply.staff", toEmail: "ann@client.example" } })).toBe(1);
  });

  it("a stranger (or a forged marker) never reaches the original ticket: new ticket, or quarantine + answer", async () => {
    const mb = await useMailbox(dc);
    const { t } = await ticketFromMail(mb);
    await mb.deliver(await buildMail({ from: "eve@evil.example", to: mb.address, subject: `Re: [#${t.id}]`, text: `> ## Ticket ID: ${t.id}-deadbe\nlet me in` }));
    await mb.deliver(await buildMail({ from: "eve@evil.example", to: mb.address, subject: `Re: [#${t.id}] subject only`, text: "me too" }));
    expect(await run()).toMatchObject({ created: 2, appended: 0 });
    const all = await tickets();
    expect(all[0]!.messages).toHaveLength(0);
    expect(all.slice(1).map((x) => x.requester.email)).toEqual(["eve@evil.example", "eve@evil.example"]);

    await updateSettings("mail", { unknownSenderReply: "quarantine" });
    await mb.deliver(await buildMail({ from: "eve@evil.example", to: mb.address, subject: `Re: [#${t.id}] again`, text: "knock knock" }));
    expect(await run()).toMatchObject({ quarantined: 1, created: 0 });
    const q = await db().quarantineEntry.findFirstOrThrow({ include: { inboundMail: true } });
    expect(q.reason).toBe("unknown-sender");
    expect(Buffer.from(q.inboundMail.raw).toString()).toContain("knock knock");
    expect(await db().outboxMail.count({ where: { template: "reply.refused", toEmail: "eve@evil.example" } })).toBe(1);
    expect((await db().ticket.findUniqueOrThrow({ where: { id: t.id }, include: { messages: true } })).messages).toHaveLength(0);
  });

  it("a reply to a closed ticket is not appended: polite answer, history event, quarantine for staff", async () => {
    const mb = await useMailbox(dc);
    const { t } = await ticketFromMail(mb);
    await db().ticket.update({ where: { id: t.id }, data: { statusId: (await statusByKey("closed")).id, closedAt: new Date() } });
    await mb.deliver(await buildMail({ from: "ann@client.example", to: mb.address, subject: `Re: [#${t.id}] Printer on fire`, text: "Still smoking" }));
    expect(await run()).toMatchObject({ fetched: 1, quarantined: 1, appended: 0 });
    expect(await db().message.count()).toBe(0);
    expect(await db().outboxMail.count({ where: { template: "reply.refused", toEmail: "ann@client.example", ticketId: t.id } })).toBe(1);
    expect(await db().auditEvent.count({ where: { ticketId: t.id, type: "mail.refused" } })).toBe(1);
    expect(await db().inboundMail.count({ where: { outcome: "refused" } })).toBe(1);
  });

  it("auto-replies are stored staff-only without notifying or changing status; bounces are never answered", async () => {
    const mb = await useMailbox(dc);
    const { t, ack } = await ticketFromMail(mb);
    await setTicketSettings({ statusOnClientReply: (await statusByKey("in_progress")).id });
    const outboxBefore = await db().outboxMail.count();
    await mb.deliver(await buildMail({ from: "ann@client.example", to: mb.address, subject: "Out of office", inReplyTo: ack.messageIdHeader, headers: { "Auto-Submitted": "auto-replied" }, text: "I am away" }));
    await mb.deliver(
      await buildMail({
        from: "MAILER-DAEMON@mx.client.example", to: mb.address, subject: "Undelivered Mail Returned to Sender",
        headers: { "X-Failed-Recipients": "nobody@client.example" }, text: "Delivery failed",
      }),
    );
    expect(await run()).toMatchObject({ fetched: 2, autoReplies: 2, created: 0, appended: 0, quarantined: 0 });
    const after = await db().ticket.findUniqueOrThrow({ where: { id: t.id }, include: { messages: true } });
    expect(after.messages).toMatchObject([{ isAutomatic: true, bodyText: "I am away" }]);
    expect(after.statusId).toBe(t.statusId);
    expect(await db().outboxMail.count()).toBe(outboxBefore);
    expect(await db().quarantineEntry.count({ where: { reason: "automatic" } })).toBe(1);
  });

  it("requireLogin: an unknown sender is quarantined and sent the sign-up link; a known customer still opens tickets", async () => {
    const mb = await useMailbox(dc);
    await setTicketSettings({ requireLogin: true });
    const known = await makeUser({ email: "known@client.example" });
    await mb.deliver(await buildMail({ from: "new@client.example", to: mb.address, subject: "Hi", text: "I have no account" }));
    await mb.deliver(await buildMail({ from: known.email, to: mb.address, subject: "Hi", text: "I have one" }));
    await mb.deliver(await buildMail({ from: "robot@client.example", to: mb.address, subject: "Auto", headers: { "Auto-Submitted": "auto-generated" }, text: "beep" }));
    expect(await run()).toMatchObject({ fetched: 3, quarantined: 1, created: 1, autoReplies: 1 });
    expect(await db().quarantineEntry.count({ where: { reason: "login-required" } })).toBe(1);
    expect(await db().user.count({ where: { email: "new@client.example" } })).toBe(0);
    expect((await db().outboxMail.findMany({ where: { template: "reply.refused" } })).map((m) => m.toEmail)).toEqual(["new@client.example"]);
    expect(await db().outboxMail.count({ where: { toEmail: "robot@client.example" } })).toBe(0);
  });

  it("an HTML reply is cut at the quote holding the reply string and sanitized; the text part is kept", async () => {
    const mb = await useMailbox(dc);
    const { t } = await ticketFromMail(mb);
    await mb.deliver(
      await buildMail({
        from: "ann@client.example", to: mb.address, subject: `Re: [#${t.id}] Printer on fire`,
        text: `Fixed, thanks!\n\n> ${REPLY_EN}\n> old`,
        html: `<div dir="ltr">Fixed, <b>thanks</b>!<img src="https://tracker.example/o.gif"></div><div class="gmail_quote"><div class="gmail_attr">On Mon, Support wrote:</div><blockquote class="gmail_quote"><p>${REPLY_EN}</p><p>old text</p></blockquote></div>`,
      }),
    );
    expect(await run()).toMatchObject({ appended: 1 });
    const m = await db().message.findFirstOrThrow();
    expect(m.bodyText).toBe("Fixed, thanks!");
    expect(m.bodyHtml).toContain("<b>thanks</b>");
    expect(m.bodyHtml).not.toContain("old text");
    expect(m.bodyHtml).not.toContain("tracker.example");
  });

  it("dedupes a second delivery by Message-ID, and by sha256 when Message-ID is missing (never on an empty id)", async () => {
    const mb = await useMailbox(dc);
    const once = await buildMail({ from: "ann@client.example", to: mb.address, subject: "Twice", text: "same" });
    await mb.deliver(once);
    await mb.deliver(once);
    const a = await buildMail({ from: "bob@client.example", to: mb.address, subject: "No id A", text: "a", noMessageId: true });
    const b = await buildMail({ from: "bob@client.example", to: mb.address, subject: "No id B", text: "b", noMessageId: true });
    expect(a.toString()).not.toMatch(/^Message-ID:/im);
    await mb.deliver(a);
    await mb.deliver(b);
    await mb.deliver(a);
    expect(await run()).toMatchObject({ fetched: 5, created: 3, duplicates: 2 });
    const keys = (await db().inboundMail.findMany({ orderBy: { id: "asc" } })).map((m) => m.messageKey);
    expect(keys.filter((k) => k.startsWith("sha256:"))).toHaveLength(2);
    expect(keys).not.toContain("");
  });

  it("decodes windows-1251 and koi8-r mail", async () => {
    const mb = await useMailbox(dc);
    const text = "Здравствуйте! Не печатает принтер, ошибка «Бумага».";
    await mb.deliver(legacyCharsetMail({ from: "ivan@client.example", to: mb.address, subject: "Принтер не работает", text, charset: "windows-1251" }));
    await mb.deliver(legacyCharsetMail({ from: "olga@client.example", to: mb.address, subject: "Сканер сломался", text: "Ёлки-палки, сканер!", charset: "koi8-r" }));
    expect(await run()).toMatchObject({ created: 2 });
    const [a, b] = await tickets();
    expect([a!.title, a!.body.trim(), a!.locale]).toEqual(["Принтер не работает", text, "ru"]);
    expect([b!.title, b!.body.trim()]).toEqual(["Сканер сломался", "Ёлки-палки, сканер!"]);
  });

  it("stores attachments and inline cid images, rewrites cid: to our URL, drops disallowed types", async () => {
    const mb = await useMailbox(dc);
    await mb.deliver(
      await buildMail({
        from: "ann@client.example", to: mb.address, subject: "Screenshot",
        text: "See the picture", html: `<p>See <img src="cid:shot@client"> and <img src="https://tracker.example/p.gif"></p><script>alert(1)</script>`,
        attachments: [
          { filename: "shot.png", content: PNG, cid: "shot@client", contentType: "image/png" },
          { filename: "report.pdf", content: Buffer.from("%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"), contentType: "application/pdf" },
          { filename: "virus.exe", content: Buffer.from("MZ\x90\x00\x03\x00\x00\x00binary", "binary"), contentType: "application/octet-stream" },
        ],
      }),
    );
    expect(await run()).toMatchObject({ created: 1 });
    const [t] = await tickets();
    const byName = Object.fromEntries(t!.attachments.map((a) => [a.fileName, a]));
    expect(Object.keys(byName).sort()).toEqual(["report.pdf", "shot.png"]);
    expect(byName["shot.png"]).toMatchObject({ isInline: true, contentId: "shot@client", contentType: "image/png" });
    expect(byName["report.pdf"]).toMatchObject({ isInline: false, contentType: "application/pdf" });
    expect(t!.bodyHtml).toContain(`src="/api/attachments/${byName["shot.png"]!.id}"`);
    expect(t!.bodyHtml).not.toContain("tracker.example");
    expect(t!.bodyHtml).not.toContain("script");
    expect(await storage().get(byName["shot.png"]!.storageKey)).toEqual(PNG);
    const ev = await db().auditEvent.findFirstOrThrow({ where: { ticketId: t!.id, type: "ticket.created" } });
    expect(ev.data).toMatchObject({ dropped: [{ fileName: "virus.exe", reason: "type-not-allowed" }] });
  });

  it("a malformed mail is quarantined and the mail after it is still processed", async () => {
    const mb = await useMailbox(dc);
    await mb.deliver(Buffer.from("this is not\x00 a mail at all\r\n\r\n\x01\x02", "binary"));
    await mb.deliver(await buildMail({ from: "ann@client.example", to: mb.address, subject: "After the broken one", text: "ok" }));
    expect(await run()).toMatchObject({ fetched: 2, quarantined: 1, created: 1 });
    const q = await db().quarantineEntry.findFirstOrThrow({ include: { inboundMail: true } });
    expect(q.reason).toBe("no-sender");
    expect(q.inboundMail.raw.length).toBeGreaterThan(0);
    expect(Number((await db().mailboxState.findUniqueOrThrow({ where: { key: "default" } })).lastUid)).toBe(2);
  });
});
