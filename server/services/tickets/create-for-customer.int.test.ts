// ticket.createForCustomer / ticket.findCustomers (issue 15.5): staff open a ticket for an existing
// customer or a new address; the acknowledgement (with a set-password link for a new address) or,
// with "do not notify", no mail at all and a history entry that says so.
import { describe, it, expect } from "vitest";
import { callerFor } from "@/server/testing/caller";
import { firstCategoryId, makeActor, makeUser } from "@/server/testing/factories";
import { db } from "@/server/db/client";
import { verifyLink } from "@/server/auth/signed-links";

const base = async () => ({ title: "Phone: printer jams", body: "Called at 10:00, paper jam on floor 3.", categoryId: await firstCategoryId() });

describe("ticket.createForCustomer", () => {
  it("an existing customer: the ticket is theirs, the acknowledgement goes to them, history says who opened it", async () => {
    const { actor: agent, user: agentUser } = await makeActor("AGENT");
    const customer = await makeUser({ name: "Ivan Petrov" });
    const r = await callerFor(agent).ticket.createForCustomer({ ...(await base()), customer: { userId: customer.id }, notifyCustomer: true });
    const t = await db().ticket.findUniqueOrThrow({ where: { id: r.id } });
    expect(t.requesterId).toBe(customer.id);
    const mails = await db().outboxMail.findMany({ where: { ticketId: t.id, toEmail: customer.email } });
    expect(mails.map((m) => m.template)).toEqual(["ticket.created"]);
    expect(mails[0]!.text).toContain(`/tickets/${t.id}`);
    expect(mails[0]!.text).not.toMatch(/set-password/);
    const ev = await db().auditEvent.findFirstOrThrow({ where: { ticketId: t.id, type: "ticket.created" } });
    expect(ev.actorId).toBe(agentUser.id);
    expect(ev.data).toMatchObject({ forCustomer: true, newAccount: false, notified: true });
    // the customer sees it in their portal
    expect((await callerFor({ kind: "user", userId: customer.id, role: "CUSTOMER", email: customer.email, name: customer.name, locale: "en", via: "session" }).ticket.byId({ id: t.id })).title).toBe("Phone: printer jams");
  });

  it("a new address: a password-less account and ONE mail with the ticket link and a set-password link", async () => {
    const { actor: agent } = await makeActor("AGENT");
    const r = await callerFor(agent).ticket.createForCustomer({ ...(await base()), customer: { email: "Walk.In@Example.test", name: "Walk In", locale: "ru" }, notifyCustomer: true });
    const u = await db().user.findUniqueOrThrow({ where: { email: "walk.in@example.test" }, omit: { passwordHash: false } });
    expect(u).toMatchObject({ name: "Walk In", role: "CUSTOMER", locale: "ru", passwordHash: null });
    const mails = await db().outboxMail.findMany({ where: { toEmail: u.email } });
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ template: "ticket.created", locale: "ru", ticketId: r.id });
    expect(mails[0]!.text).toMatch(/\/set-password\?token=/);
    const link = /\/t\/([^\s]+)/.exec(mails[0]!.text)![1]!;
    expect(verifyLink("ticket", decodeURIComponent(link))).toEqual({ ticketId: r.id, userId: u.id });
  });

  it("do not notify: no mail to the customer, recorded in the history; staff are still told", async () => {
    const { actor: agent } = await makeActor("AGENT");
    const other = await makeUser({ role: "AGENT" });
    const r = await callerFor(agent).ticket.createForCustomer({ ...(await base()), customer: { email: "quiet@example.test" }, notifyCustomer: false });
    expect(await db().outboxMail.count({ where: { toEmail: "quiet@example.test" } })).toBe(0);
    expect(await db().outboxMail.count({ where: { ticketId: r.id, toEmail: other.email, template: "staff.new-ticket" } })).toBe(1);
    const ev = await db().auditEvent.findFirstOrThrow({ where: { ticketId: r.id, type: "ticket.created" } });
    expect(ev.data).toMatchObject({ forCustomer: true, newAccount: true, notified: false });
  });

  it("an unproven sign-up of the address is reclaimed: its password cleared, the mailbox owner gets the set-password link", async () => {
    const { actor: agent } = await makeActor("AGENT");
    const squatter = await makeUser({ email: "victim@example.test", password: "squatter-pass-1", verified: false });
    const r = await callerFor(agent).ticket.createForCustomer({ ...(await base()), customer: { email: "victim@example.test" }, notifyCustomer: true });
    const u = await db().user.findUniqueOrThrow({ where: { id: squatter.id }, omit: { passwordHash: false } });
    expect(u.passwordHash).toBeNull();
    expect((await db().ticket.findUniqueOrThrow({ where: { id: r.id } })).requesterId).toBe(squatter.id);
    expect((await db().outboxMail.findFirstOrThrow({ where: { toEmail: "victim@example.test" } })).text).toMatch(/\/set-password\?token=/);
  });

  it("refuses a staff address, an inactive customer, an unknown id, and non-staff callers; nothing is written", async () => {
    const { actor: agent } = await makeActor("AGENT");
    const staff = await makeUser({ role: "ADMIN" });
    const gone = await makeUser();
    await db().user.update({ where: { id: gone.id }, data: { isActive: false } });
    const before = await db().ticket.count();
    await expect(callerFor(agent).ticket.createForCustomer({ ...(await base()), customer: { email: staff.email }, notifyCustomer: true })).rejects.toMatchObject({ code: "BAD_REQUEST", message: "REQUESTER_IS_STAFF" });
    await expect(callerFor(agent).ticket.createForCustomer({ ...(await base()), customer: { userId: gone.id }, notifyCustomer: true })).rejects.toMatchObject({ code: "BAD_REQUEST", message: "ACCOUNT_INACTIVE" });
    await expect(callerFor(agent).ticket.createForCustomer({ ...(await base()), customer: { userId: 999_999 }, notifyCustomer: true })).rejects.toMatchObject({ code: "BAD_REQUEST", message: "UNKNOWN_CUSTOMER" });
    const { actor: customer } = await makeActor("CUSTOMER");
    await expect(callerFor(customer).ticket.createForCustomer({ ...(await base()), customer: { email: "x@example.test" }, notifyCustomer: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db().ticket.count()).toBe(before);
  });
});

describe("ticket.findCustomers", () => {
  it("finds active customers by e-mail or name, never staff; customers may not search", async () => {
    const { actor: agent } = await makeActor("AGENT");
    const c = await makeUser({ name: "Svetlana Orlova", email: "s.orlova@example.test" });
    await makeUser({ role: "AGENT", name: "Orlov Agent" });
    expect(await callerFor(agent).ticket.findCustomers({ query: "orlov" })).toEqual([{ id: c.id, name: "Svetlana Orlova", email: "s.orlova@example.test" }]);
    expect(await callerFor(agent).ticket.findCustomers({ query: "o" })).toEqual([]);
    const { actor: customer } = await makeActor("CUSTOMER");
    await expect(callerFor(customer).ticket.findCustomers({ query: "orlov" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
