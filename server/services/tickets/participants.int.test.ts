// ticket.addCc / ticket.removeCc (issue 15.6): staff add and remove, the customer adds only when the
// ticket setting allows, refusals (requester, our own mailbox, other people's tickets), every
// change in the history, and the Cc's receive the next staff reply.
import { describe, it, expect } from "vitest";
import { callerFor } from "@/server/testing/caller";
import { makeActor, setTicketSettings } from "@/server/testing/factories";
import { openTicket, staffWorld } from "@/server/testing/staff-helpers";
import { updateSettings } from "@/server/platform/settings/settings-store";
import { db } from "@/server/db/client";

const ccOf = async (ticketId: number) => (await db().ticketParticipant.findMany({ where: { ticketId }, orderBy: { email: "asc" } })).map((p) => p.email);
const events = async (ticketId: number) => db().auditEvent.findMany({ where: { ticketId, type: { in: ["ticket.cc_added", "ticket.cc_removed"] } }, orderBy: { id: "asc" } });

describe("ticket.addCc / removeCc", () => {
  it("staff add and remove; both are in the history; the DTO lists them; the next staff reply is Cc'd", async () => {
    const w = await staffWorld();
    const id = await openTicket(w.customer);
    await callerFor(w.agent).ticket.addCc({ ticketId: id, email: "Boss@Client.example", name: "The Boss" });
    await callerFor(w.agent).ticket.addCc({ ticketId: id, email: "it@client.example" });
    // adding twice changes nothing and records nothing
    expect(await callerFor(w.agent).ticket.addCc({ ticketId: id, email: "it@client.example" })).toEqual({ added: false });
    expect(await ccOf(id)).toEqual(["boss@client.example", "it@client.example"]);
    expect((await callerFor(w.customer).ticket.byId({ id })).participants).toEqual([{ email: "boss@client.example", name: "The Boss" }, { email: "it@client.example", name: null }]);

    await callerFor(w.agent).ticket.reply({ ticketId: id, body: "We ordered a new drum." });
    const mail = await db().outboxMail.findFirstOrThrow({ where: { ticketId: id, template: "reply.staff" } });
    expect(mail.cc.sort()).toEqual(["boss@client.example", "it@client.example"]);

    await callerFor(w.admin).ticket.removeCc({ ticketId: id, email: "it@client.example" });
    expect(await ccOf(id)).toEqual(["boss@client.example"]);
    const ev = await events(id);
    expect(ev.map((e) => [e.type, (e.data as { emails: string[] }).emails])).toEqual([
      ["ticket.cc_added", ["boss@client.example"]], ["ticket.cc_added", ["it@client.example"]], ["ticket.cc_removed", ["it@client.example"]],
    ]);
    expect(ev[2]!.actorId).toBe(w.adminUser.id);
    const history = await callerFor(w.agent).ticket.history({ ticketId: id });
    expect(history.map((h) => h.type)).toContain("ticket.cc_removed");
  });

  it("the customer adds only when customersMayAddCc is on and the ticket is open; never removes", async () => {
    const w = await staffWorld();
    const id = await openTicket(w.customer);
    expect((await callerFor(w.customer).ticket.byId({ id })).actions.canAddCc).toBe(false);
    await expect(callerFor(w.customer).ticket.addCc({ ticketId: id, email: "wife@client.example" })).rejects.toMatchObject({ code: "FORBIDDEN", message: "CC_DISABLED" });
    await setTicketSettings({ customersMayAddCc: true });
    expect((await callerFor(w.customer).ticket.byId({ id })).actions).toMatchObject({ canAddCc: true, canRemoveCc: false });
    await callerFor(w.customer).ticket.addCc({ ticketId: id, email: "wife@client.example" });
    expect(await ccOf(id)).toEqual(["wife@client.example"]);
    expect((await events(id))[0]!.actorId).toBe(w.customerUser.id);
    await expect(callerFor(w.customer).ticket.removeCc({ ticketId: id, email: "wife@client.example" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    // another customer does not even see the ticket
    const { actor: stranger } = await makeActor("CUSTOMER");
    await expect(callerFor(stranger).ticket.addCc({ ticketId: id, email: "spy@evil.example" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await ccOf(id)).toEqual(["wife@client.example"]);
  });

  it("refuses the requester's own address and the helpdesk's mailbox", async () => {
    const w = await staffWorld();
    const id = await openTicket(w.customer);
    await updateSettings("mail", { username: "support@helpdesk.example" });
    await expect(callerFor(w.agent).ticket.addCc({ ticketId: id, email: w.customerUser.email })).rejects.toMatchObject({ code: "BAD_REQUEST", message: "CC_IS_REQUESTER" });
    await expect(callerFor(w.agent).ticket.addCc({ ticketId: id, email: "support+t1-abc@helpdesk.example" })).rejects.toMatchObject({ code: "BAD_REQUEST", message: "CC_IS_OURS" });
    await expect(callerFor(w.agent).ticket.addCc({ ticketId: id, email: "not an address" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await ccOf(id)).toEqual([]);
  });
});
