// quarantine.* and mail.testConnection through the real procedures, a real Dovecot and PostgreSQL.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import type { DovecotInstance } from "@/server/testing/dovecot";
import { db } from "@/server/db/client";
import { callerFor } from "@/server/testing/caller";
import { makeActor, statusByKey } from "@/server/testing/factories";
import { updateSettings } from "@/server/platform/settings/settings-store";
import { runIngest } from "@/server/mail/ingest/run-ingest";
import { buildMail, startKitDovecot, useMailbox } from "@/server/testing/ingest-test-kit";

let dc: DovecotInstance;
beforeAll(async () => {
  dc = await startKitDovecot();
});
afterAll(async () => {
  await dc?.stop();
});

describe("quarantine procedures", () => {
  it("staff list, view, retry (after the setting changed), create a ticket, discard; customers are refused", async () => {
    const mb = await useMailbox(dc, { unknownSenderReply: "quarantine" });
    await mb.deliver(await buildMail({ from: "ann@client.example", to: mb.address, subject: "First", text: "hello" }));
    await runIngest();
    const [t] = await db().ticket.findMany();
    for (const i of [1, 2, 3]) await mb.deliver(await buildMail({ from: `eve${i}@x.example`, to: mb.address, subject: `Re: [#${t!.id}] n${i}`, text: `stranger ${i}` }));
    await runIngest();
    const { actor: agent } = await makeActor("AGENT");
    const { actor: customer } = await makeActor("CUSTOMER");
    const staff = callerFor(agent);
    await expect(callerFor(customer).quarantine.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });

    const list = await staff.quarantine.list({});
    expect(list.items.map((e) => e.reason)).toEqual(["unknown-sender", "unknown-sender", "unknown-sender"]);
    const [c, b, a] = list.items;
    const view = await staff.quarantine.byId({ id: a!.id });
    expect(view.preview).toMatchObject({ from: "eve1@x.example", subject: `Re: [#${t!.id}] n1` });
    expect(view.rawText).toContain("stranger 1");

    // still a stranger: stays held, and the sender is not answered twice
    const refusedBefore = await db().outboxMail.count({ where: { template: "reply.refused" } });
    expect(await staff.quarantine.retry({ id: a!.id })).toMatchObject({ resolved: false, outcome: "quarantined" });
    expect(await db().outboxMail.count({ where: { template: "reply.refused" } })).toBe(refusedBefore);
    await updateSettings("mail", { unknownSenderReply: "new-ticket" });
    const retried = await staff.quarantine.retry({ id: a!.id });
    expect(retried).toMatchObject({ resolved: true, outcome: "created" });

    const made = await staff.quarantine.createTicket({ id: b!.id });
    expect((await db().ticket.findUniqueOrThrow({ where: { id: made.ticketId }, include: { requester: true } })).requester.email).toBe("eve2@x.example");
    await staff.quarantine.discard({ id: c!.id });
    expect((await staff.quarantine.list({})).items).toHaveLength(0);
    expect((await staff.quarantine.list({ resolved: true })).items.map((e) => e.resolution).sort()).toEqual(["discarded", "retried:created", "ticket-created"]);
    expect(await db().message.count({ where: { ticketId: t!.id } })).toBe(0);
  });

  it("inspect an uploaded .eml touches nothing", async () => {
    await useMailbox(dc);
    const { actor } = await makeActor("AGENT");
    const raw = await buildMail({ from: "ann@client.example", to: "s@x", subject: "Re: [#77] hi", text: "New text\n\n> ##- Please type your reply above this line -##\n> old" });
    const r = await callerFor(actor).quarantine.inspect({ emlBase64: raw.toString("base64") });
    expect(r).toMatchObject({ from: "ann@client.example", match: { ticketId: 77, rule: "subject", ticketExists: false }, plan: { action: "create" }, reply: { text: "New text", cutBy: "marker" } });
    expect(await db().ticket.count()).toBe(0);
    expect(await db().user.count({ where: { email: "ann@client.example" } })).toBe(0);
  });

  it("closed-ticket refusals can be turned into a ticket by staff", async () => {
    const mb = await useMailbox(dc);
    await mb.deliver(await buildMail({ from: "ann@client.example", to: mb.address, subject: "First", text: "hello" }));
    await runIngest();
    const [t] = await db().ticket.findMany();
    await db().ticket.update({ where: { id: t!.id }, data: { statusId: (await statusByKey("closed")).id } });
    await mb.deliver(await buildMail({ from: "ann@client.example", to: mb.address, subject: `Re: [#${t!.id}]`, text: "again" }));
    await runIngest();
    const { actor } = await makeActor("ADMIN");
    const [e] = (await callerFor(actor).quarantine.list({})).items;
    expect(e!.reason).toBe("ticket-closed");
    const { ticketId } = await callerFor(actor).quarantine.createTicket({ id: e!.id });
    expect(ticketId).not.toBe(t!.id);
  });
});

describe("mail.testConnection", () => {
  it("reports success, a wrong password, and is admin-only", async () => {
    const mb = await useMailbox(dc);
    const { actor: admin } = await makeActor("ADMIN");
    const { actor: agent } = await makeActor("AGENT");
    expect(await callerFor(admin).mail.testConnection({})).toMatchObject({ ok: true, folder: "INBOX" });
    expect(await callerFor(admin).mail.testConnection({ password: "wrong" })).toMatchObject({ ok: false, code: "AUTH" });
    // another protocol/port is another connection: the stored password must be typed again
    expect(await callerFor(admin).mail.testConnection({ protocol: "pop3", port: dc.pop3Port }).catch((e) => e.cause?.reason)).toBe("PASSWORD_REQUIRED");
    expect(await callerFor(admin).mail.testConnection({ protocol: "pop3", port: dc.pop3Port, password: mb.user.password })).toMatchObject({ ok: true });
    await expect(callerFor(agent).mail.testConnection({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    void mb;
  });
});
