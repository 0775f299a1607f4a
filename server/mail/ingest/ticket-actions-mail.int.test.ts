// Issue 15 through the mail door, against a real Dovecot and PostgreSQL: the Cc's of later mails of
// the requester or staff join the ticket's Cc list within the cap (a Cc's own Cc's do not), and
// mail answering a merged ticket's markers lands in the ticket it was merged into.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import type { DovecotInstance } from "@/server/testing/dovecot";
import { db } from "@/server/db/client";
import { plusAddress, ticketStringLine } from "@/server/domain/mail/markers";
import { markerKey } from "@/server/mail/outbound/compose";
import { makeUser, actorOf } from "@/server/testing/factories";
import { callerFor } from "@/server/testing/caller";
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
const ccOf = async (ticketId: number) => (await db().ticketParticipant.findMany({ where: { ticketId }, orderBy: { email: "asc" } })).map((p) => p.email);

async function openByMail(mb: Awaited<ReturnType<typeof useMailbox>>, from: string, subject = "Printer on fire") {
  await mb.deliver(await buildMail({ from, to: mb.address, subject, text: "It smokes." }));
  expect(await run()).toMatchObject({ created: 1 });
  return (await tickets()).at(-1)!;
}

describe("Cc's of later mails", () => {
  it("the requester's and staff's later Cc's join the list within the cap; a Cc's Cc's do not; each change is in the history", async () => {
    const mb = await useMailbox(dc, { maxParticipantsFromMail: 2 });
    const agent = await makeUser({ role: "AGENT", email: "agent@firm.example" });
    const t = await openByMail(mb, "Ann <ann@client.example>");
    const reply = (from: string, cc: string, to = plusAddress(mb.address, t.id, markerKey())) => buildMail({ from, to, cc, subject: `Re: [#${t.id}] Printer on fire`, text: "more" });

    await mb.deliver(await reply("ann@client.example", `boss@client.example, ${mb.address}`));
    expect(await run()).toMatchObject({ appended: 1 });
    expect(await ccOf(t.id)).toEqual(["boss@client.example"]);

    // the Cc writes with a Cc of their own: appended, but the list does not grow
    await mb.deliver(await reply("boss@client.example", "friend@elsewhere.example"));
    expect(await run()).toMatchObject({ appended: 1 });
    expect(await ccOf(t.id)).toEqual(["boss@client.example"]);

    // staff (signed marker) add two: one fits under the cap of 2, one is noted as not added
    await mb.deliver(await reply(agent.email, "it@client.example, accounting@client.example"));
    expect(await run()).toMatchObject({ appended: 1 });
    expect(await ccOf(t.id)).toEqual(["boss@client.example", "it@client.example"]);
    const ev = await db().auditEvent.findMany({ where: { ticketId: t.id, type: "ticket.cc_added" }, orderBy: { id: "asc" } });
    expect(ev.map((e) => e.data)).toEqual([
      { emails: ["boss@client.example"], via: "email" },
      { emails: ["it@client.example"], via: "email", notAdded: 1 },
    ]);
  });
});

describe("mail to a merged ticket", () => {
  it("a reply with the merged ticket's plus-token or ticket string lands in the target; a stranger still gets nothing", async () => {
    const mb = await useMailbox(dc);
    const agent = actorOf(await makeUser({ role: "AGENT" }));
    const source = await openByMail(mb, "Ann <ann@client.example>", "Printer on floor 3");
    const target = await openByMail(mb, "Ann <ann@client.example>", "All printers down");
    await callerFor(agent).ticket.merge({ sourceId: source.id, targetId: target.id });

    await mb.deliver(await buildMail({ from: "ann@client.example", to: plusAddress(mb.address, source.id, markerKey()), subject: `Re: [#${source.id}] Printer on floor 3`, text: "It works again" }));
    expect(await run()).toMatchObject({ appended: 1 });
    const quoted = `Thanks!\n\n> ${ticketStringLine("## Ticket ID:", source.id, markerKey())}\n> old text`;
    await mb.deliver(await buildMail({ from: "ann@client.example", to: mb.address, subject: "Re: something", text: quoted }));
    expect(await run()).toMatchObject({ appended: 1 });

    expect(await db().message.count({ where: { ticketId: source.id } })).toBe(0);
    const texts = (await db().message.findMany({ where: { ticketId: target.id, source: "EMAIL" }, orderBy: { id: "asc" } })).map((m) => m.bodyText);
    // the source's opening mail (moved by the merge, its raw mail still linked), then the two replies
    expect(texts).toEqual(["It smokes.", "It works again", "Thanks!"]);
    const opening = await db().message.findFirstOrThrow({ where: { ticketId: target.id, bodyText: "It smokes." }, include: { inboundMail: true } });
    expect(opening.inboundMail).toMatchObject({ ticketId: source.id, outcome: "created" });

    // a stranger with the merged ticket's subject token does not reach the target either
    await mb.deliver(await buildMail({ from: "mallory@evil.example", to: mb.address, subject: `Re: [#${source.id}]`, text: "let me in" }));
    expect(await run()).toMatchObject({ created: 1, appended: 0 });
    expect(await db().message.count({ where: { ticketId: target.id, source: "EMAIL" } })).toBe(3);
  });
});
