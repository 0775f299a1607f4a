// The mailbox as a second front door (issue 12), against a real Dovecot and PostgreSQL: the
// forged-staff and pre-hijack attacks as the issue writes them, the ticket settings obeyed by
// mail, files refused by the settings, a mail with thousands of Cc, a reused Message-ID, and the
// "after processing" action of a run that failed between the commit and the flag.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import crypto from "node:crypto";
import type { DovecotInstance } from "@/server/testing/dovecot";
import { db } from "@/server/db/client";
import { plusAddress } from "@/server/domain/mail/markers";
import { markerKey } from "@/server/mail/outbound/compose";
import { makeUser, setTicketSettings } from "@/server/testing/factories";
import { openMailbox } from "./mailbox-source";
import { runIngest, type IngestSummary } from "./run-ingest";
import { buildMail, startKitDovecot, tickets, useMailbox } from "@/server/testing/ingest-test-kit";

let dc: DovecotInstance;
beforeAll(async () => {
  dc = await startKitDovecot();
});
afterAll(async () => {
  await dc?.stop();
});

const run = async () => (await runIngest()) as IngestSummary;
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

async function openTicket(mb: Awaited<ReturnType<typeof useMailbox>>, from = "Ann <ann@client.example>", over: Parameters<typeof buildMail>[0] = {}) {
  await mb.deliver(await buildMail({ from, to: mb.address, subject: "Printer on fire", text: "It smokes.", ...over }));
  expect(await run()).toMatchObject({ created: 1 });
  return (await tickets()).at(-1)!;
}

describe("mail door: staff identity", () => {
  it("forged staff reply: From: an agent + the unsigned [#id] token is quarantined as unverified staff mail; nothing reaches the customer", async () => {
    const mb = await useMailbox(dc);
    const agent = await makeUser({ role: "AGENT", email: "agent@firm.example", name: "Real Agent" });
    const t = await openTicket(mb);
    const outboxBefore = await db().outboxMail.count();
    await mb.deliver(await buildMail({ from: `Real Agent <${agent.email}>`, to: mb.address, subject: `Re: [#${t.id}] Printer on fire`, text: "Please confirm your card number at https://evil.example" }));
    expect(await run()).toMatchObject({ quarantined: 1, appended: 0, created: 0 });
    expect(await db().message.count({ where: { ticketId: t.id } })).toBe(0);
    const q = await db().quarantineEntry.findFirstOrThrow({ include: { inboundMail: true } });
    expect(q.reason).toBe("unverified-staff");
    expect(Buffer.from(q.inboundMail.raw).toString()).toContain("card number");
    // no mail went out at all: not to the customer, not back to the forged sender
    expect(await db().outboxMail.count()).toBe(outboxBefore);

    // the same agent with a signed marker (the plus-token of that ticket) is a staff reply
    await mb.deliver(await buildMail({ from: agent.email, to: plusAddress(mb.address, t.id, markerKey()), subject: `Re: [#${t.id}] Printer on fire`, text: "Replace the fuse." }));
    expect(await run()).toMatchObject({ appended: 1 });
    const m = await db().message.findFirstOrThrow({ where: { ticketId: t.id } });
    expect(m).toMatchObject({ authorId: agent.id, bodyText: "Replace the fuse." });
    expect(await db().outboxMail.count({ where: { ticketId: t.id, template: "reply.staff", toEmail: "ann@client.example" } })).toBe(1);
  });

  it("a signed marker of ANOTHER ticket does not make an agent's subject-token mail a staff reply to this one", async () => {
    const mb = await useMailbox(dc);
    const agent = await makeUser({ role: "AGENT", email: "agent2@firm.example" });
    const a = await openTicket(mb, "ann@client.example");
    const b = await openTicket(mb, "bob@client.example");
    // signed for ticket a: it threads to a (the signed rule wins), never to b named in the subject
    await mb.deliver(await buildMail({ from: agent.email, to: plusAddress(mb.address, a.id, markerKey()), subject: `Re: [#${b.id}]`, text: "for a" }));
    expect(await run()).toMatchObject({ appended: 1 });
    expect(await db().message.count({ where: { ticketId: b.id } })).toBe(0);
    expect(await db().message.count({ where: { ticketId: a.id, authorId: agent.id } })).toBe(1);
  });
});

describe("mail door: email ownership", () => {
  it("pre-hijack: an unverified sign-up of the victim's address never receives the victim's mail; the account is reclaimed for the mailbox", async () => {
    const mb = await useMailbox(dc);
    // the attacker signs up as the victim and never verifies (cannot: the link goes to the victim)
    const squat = await makeUser({ email: "victim@x.example", name: "Attacker", verified: false });
    await db().userSession.create({ data: { id: crypto.randomUUID(), userId: squat.id, version: 0, expiresAt: new Date(Date.now() + 86400_000) } });
    await db().apiToken.create({ data: { name: "attacker", prefix: "hd_x", tokenHash: crypto.randomBytes(32).toString("hex"), userId: squat.id } });

    const t = await openTicket(mb, "Victim <victim@x.example>", { text: "My contract number is 12345" });
    const after = await db().user.findUniqueOrThrow({ where: { id: squat.id }, omit: { passwordHash: false } });
    // the ticket is the mailbox owner's: the attacker's password, sessions and tokens are gone
    expect(t.requesterId).toBe(squat.id);
    expect(after.passwordHash).toBeNull();
    expect(after.emailVerifiedAt).toBeNull();
    expect(after.name).toBe("Victim");
    expect(await db().userSession.count({ where: { userId: squat.id } })).toBe(0);
    expect(await db().apiToken.count({ where: { userId: squat.id, revokedAt: null } })).toBe(0);
    // the acknowledgement carries a set-password link: whoever reads victim@x.example owns the account
    const ack = await db().outboxMail.findFirstOrThrow({ where: { ticketId: t.id, template: "ticket.created" } });
    expect(ack.toEmail).toBe("victim@x.example");
    expect(ack.text).toMatch(/\/set-password\?token=/);
    expect(await db().authToken.count({ where: { userId: squat.id, purpose: "set-password", usedAt: null } })).toBe(1);
    const ev = await db().auditEvent.findFirstOrThrow({ where: { ticketId: t.id, type: "ticket.created" } });
    expect(ev.data).toMatchObject({ reclaimedAccount: true });
  });

  it("a verified customer keeps the account: no reclaim, no set-password link", async () => {
    const mb = await useMailbox(dc);
    const owner = await makeUser({ email: "owner@x.example" });
    const t = await openTicket(mb, owner.email);
    expect(t.requesterId).toBe(owner.id);
    expect((await db().user.findUniqueOrThrow({ where: { id: owner.id }, omit: { passwordHash: false } })).passwordHash).not.toBeNull();
    expect((await db().outboxMail.findFirstOrThrow({ where: { ticketId: t.id, template: "ticket.created" } })).text).not.toContain("set-password");
  });
});

describe("mail door: the ticket settings", () => {
  it("guest tickets off: a stranger's mail opens nothing, is quarantined and answered with the sign-up link; a customer with an account still can", async () => {
    const mb = await useMailbox(dc);
    await setTicketSettings({ allowGuestTickets: false });
    const known = await makeUser({ email: "known@client.example" });
    await mb.deliver(await buildMail({ from: "stranger@client.example", to: mb.address, subject: "Hi", text: "no account" }));
    await mb.deliver(await buildMail({ from: known.email, to: mb.address, subject: "Hi", text: "with account" }));
    expect(await run()).toMatchObject({ created: 1, quarantined: 1 });
    expect(await db().user.count({ where: { email: "stranger@client.example" } })).toBe(0);
    expect(await db().quarantineEntry.count({ where: { reason: "guests-disabled" } })).toBe(1);
    const answer = await db().outboxMail.findFirstOrThrow({ where: { toEmail: "stranger@client.example" } });
    expect(answer.template).toBe("reply.refused");
    expect(answer.text).toContain("sign up");
    expect(answer.text).toMatch(/\/sign-up/);
  });

  it("require login: a password-less requester's reply is refused politely (sign-in link), never appended", async () => {
    const mb = await useMailbox(dc);
    const t = await openTicket(mb, "guest@client.example");
    await setTicketSettings({ requireLogin: true });
    await mb.deliver(await buildMail({ from: "guest@client.example", to: plusAddress(mb.address, t.id, markerKey()), subject: "more", text: "more info" }));
    expect(await run()).toMatchObject({ quarantined: 1, appended: 0 });
    expect(await db().message.count({ where: { ticketId: t.id } })).toBe(0);
    expect(await db().quarantineEntry.count({ where: { reason: "login-required" } })).toBe(1);
    const answer = await db().outboxMail.findFirstOrThrow({ where: { toEmail: "guest@client.example", template: "reply.refused" } });
    expect(answer.text).toMatch(/\/sign-in\?next=/);
  });

  it("uploads off: the customer's files are not kept, staff see '2 attachments not kept: uploads are off', the raw .eml keeps them", async () => {
    const mb = await useMailbox(dc);
    await setTicketSettings({ allowUploads: false });
    const attachments = [
      { filename: "shot.png", content: PNG, contentType: "image/png" },
      { filename: "report.pdf", content: PDF, contentType: "application/pdf" },
    ];
    const t = await openTicket(mb, "ann@client.example", { attachments });
    expect(t.attachments).toHaveLength(0);
    const note = await db().message.findFirstOrThrow({ where: { ticketId: t.id, isInternal: true } });
    expect(note.bodyText).toBe("2 attachments not kept: uploads are off. shot.png, report.pdf");
    const raw = await db().inboundMail.findFirstOrThrow({ where: { ticketId: t.id } });
    expect(Buffer.from(raw.raw).toString()).toContain('filename=report.pdf');
    // the customer never sees the note
    expect(await db().outboxMail.count({ where: { toEmail: "ann@client.example", text: { contains: "not kept" } } })).toBe(0);
    expect(await db().attachment.count()).toBe(0);

    // staff may attach with uploads off (the same rule as the web)
    const agent = await makeUser({ role: "AGENT", email: "agent3@firm.example" });
    await mb.deliver(await buildMail({ from: agent.email, to: plusAddress(mb.address, t.id, markerKey()), subject: "fix", text: "see file", attachments: [attachments[1]!] }));
    expect(await run()).toMatchObject({ appended: 1 });
    expect(await db().attachment.count({ where: { ticketId: t.id } })).toBe(1);
  });
});

describe("mail door: nothing dropped silently, nothing unbounded", () => {
  it("a mail with 3,000 Cc: at most maxParticipantsFromMail (20) become participants, the rest are noted; staff replies go to 20", async () => {
    const mb = await useMailbox(dc);
    const cc = Array.from({ length: 3000 }, (_, i) => `cc${i}@flood.example`);
    const t = await openTicket(mb, "ann@client.example", { cc: cc.join(", ") });
    expect(t.participants.map((p) => p.email).sort()).toEqual(cc.slice(0, 20).sort()); // the first 20 addresses, in no particular order
    const ev = await db().auditEvent.findFirstOrThrow({ where: { ticketId: t.id, type: "ticket.created" } });
    expect(ev.data).toMatchObject({ ccNotAdded: 2980 });
    const agent = await makeUser({ role: "AGENT", email: "agent4@firm.example" });
    await mb.deliver(await buildMail({ from: agent.email, to: plusAddress(mb.address, t.id, markerKey()), subject: "ok", text: "answer" }));
    expect(await run()).toMatchObject({ appended: 1 });
    const out = await db().outboxMail.findFirstOrThrow({ where: { ticketId: t.id, template: "reply.staff" } });
    expect(out.cc).toHaveLength(20);
  });

  it("two different mails sharing one Message-ID are two mails; a repeat (same sender and subject) is a duplicate", async () => {
    const mb = await useMailbox(dc);
    const messageId = "<same-id@broken-mailer.example>";
    const first = await buildMail({ from: "ann@client.example", to: mb.address, subject: "First", text: "first text", messageId });
    const second = await buildMail({ from: "ann@client.example", to: mb.address, subject: "Second", text: "second text", messageId });
    await mb.deliver(first);
    await mb.deliver(second);
    await mb.deliver(first);
    expect(await run()).toMatchObject({ fetched: 3, created: 2, duplicates: 1 });
    expect((await tickets()).map((t) => t.title)).toEqual(["First", "Second"]);
  });

  it("a run that failed between the commit and the flag: the next run applies the after-processing action", async () => {
    const mb = await useMailbox(dc, { afterProcessing: "mark-seen" });
    await mb.deliver(await buildMail({ from: "ann@client.example", to: mb.address, subject: "Flag me", text: "x" }));
    // the first run commits the mail but its mark never happens (a dead connection, a killed process)
    const r1 = await runIngest({
      openSource: async (cfg) => {
        const real = await openMailbox(cfg);
        real.markProcessed = async () => {
          throw new Error("connection lost");
        };
        return real;
      },
    });
    expect(r1).toMatchObject({ created: 1 });
    expect((await dc.listMessages("INBOX", mb.user))[0]!.flags).not.toContain("\\Seen");
    expect(await db().inboundMail.count({ where: { markedAt: null } })).toBe(1);
    // the next run finds nothing new, but flags the committed mail
    expect(await run()).toMatchObject({ fetched: 0 });
    expect((await dc.listMessages("INBOX", mb.user))[0]!.flags).toContain("\\Seen");
    expect(await db().inboundMail.count({ where: { markedAt: null } })).toBe(0);
    expect(await db().ticket.count()).toBe(1);
  });
});
