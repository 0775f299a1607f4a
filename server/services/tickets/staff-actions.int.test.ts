// ticket.setStatus / assign / setCategory / addNote / setRequester / history / bulkUpdate:
// the observable outcome of each (rows, history, outbox), stale versions and the refusals.
import { describe, it, expect } from "vitest";
import { callerFor } from "@/server/testing/caller";
import { statusByKey, setTicketSettings, makeActor } from "@/server/testing/factories";
import { openTicket, staffWorld, versionOf } from "@/server/testing/staff-helpers";
import { db } from "@/server/db/client";

describe("ticket.setStatus", () => {
  it("closes with a close note: internal message, history, closing mail; stale version → CONFLICT", async () => {
    const w = await staffWorld();
    const id = await openTicket(w.customer);
    const closed = await statusByKey("closed");
    const v = await versionOf(id);
    const r = await callerFor(w.agent).ticket.setStatus({ ticketId: id, version: v, statusId: closed.id, closeNote: "Replaced the cartridge" });
    expect(r.version).toBe(v + 1);
    const t = await db().ticket.findUniqueOrThrow({ where: { id }, include: { messages: true } });
    expect(t.statusId).toBe(closed.id);
    expect(t.closedAt).not.toBeNull();
    expect(t.messages).toMatchObject([{ isInternal: true, bodyText: "Replaced the cartridge" }]);
    const ev = await db().auditEvent.findFirstOrThrow({ where: { ticketId: id, type: "ticket.status" } });
    expect(ev.data).toMatchObject({ to: closed.id, closeNote: "Replaced the cartridge" });
    const mails = await db().outboxMail.findMany({ where: { ticketId: id }, select: { template: true, text: true } });
    expect(mails.map((m) => m.template)).toContain("ticket.closed");
    expect(mails.every((m) => !m.text.includes("Replaced the cartridge"))).toBe(true);
    // the customer never sees the note
    const seen = await callerFor(w.customer).ticket.byId({ id });
    expect(seen.messages).toEqual([]);

    await expect(callerFor(w.agent).ticket.setStatus({ ticketId: id, version: v, statusId: (await statusByKey("new")).id })).rejects.toMatchObject({ code: "CONFLICT", message: "STALE_UPDATE" });
  });

  it("refuses customers", async () => {
    const w = await staffWorld();
    const id = await openTicket(w.customer);
    await expect(callerFor(w.customer).ticket.setStatus({ ticketId: id, version: 0, statusId: (await statusByKey("closed")).id })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("ticket.assign", () => {
  it("assigns to an agent and back to nobody, with history; refuses a customer as assignee", async () => {
    const w = await staffWorld();
    const id = await openTicket(w.customer);
    const r = await callerFor(w.agent).ticket.assign({ ticketId: id, version: await versionOf(id), assigneeId: w.agentUser.id });
    expect((await db().ticket.findUniqueOrThrow({ where: { id } })).assigneeId).toBe(w.agentUser.id);
    await callerFor(w.agent).ticket.assign({ ticketId: id, version: r.version, assigneeId: null });
    expect((await db().ticket.findUniqueOrThrow({ where: { id } })).assigneeId).toBeNull();
    expect(await db().auditEvent.count({ where: { ticketId: id, type: "ticket.assigned" } })).toBe(2);
    await expect(callerFor(w.agent).ticket.assign({ ticketId: id, version: await versionOf(id), assigneeId: w.customerUser.id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(callerFor(w.customer).ticket.assign({ ticketId: id, version: 0, assigneeId: null })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("ticket.setCategory", () => {
  it("moves the ticket; archived category refused; stale version refused", async () => {
    const w = await staffWorld();
    const id = await openTicket(w.customer);
    const other = await db().category.create({ data: { nameRu: "Другое", nameEn: "Other" } });
    const v = await versionOf(id);
    await callerFor(w.agent).ticket.setCategory({ ticketId: id, version: v, categoryId: other.id });
    expect((await db().ticket.findUniqueOrThrow({ where: { id } })).categoryId).toBe(other.id);
    await expect(callerFor(w.agent).ticket.setCategory({ ticketId: id, version: v, categoryId: other.id })).rejects.toMatchObject({ code: "CONFLICT" });
    const old = await db().category.create({ data: { nameRu: "Старое", nameEn: "Old", archivedAt: new Date() } });
    await expect(callerFor(w.agent).ticket.setCategory({ ticketId: id, version: await versionOf(id), categoryId: old.id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(callerFor(w.customer).ticket.setCategory({ ticketId: id, version: 0, categoryId: other.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("ticket.addNote", () => {
  it("stores an internal note nobody outside staff sees, sends no mail", async () => {
    const w = await staffWorld();
    const id = await openTicket(w.customer);
    const before = await db().outboxMail.count({ where: { ticketId: id } });
    await callerFor(w.agent).ticket.addNote({ ticketId: id, body: "Customer is a VIP" });
    expect((await callerFor(w.agent).ticket.byId({ id })).messages).toMatchObject([{ isInternal: true, bodyText: "Customer is a VIP" }]);
    expect((await callerFor(w.customer).ticket.byId({ id })).messages).toEqual([]);
    expect(await db().outboxMail.count({ where: { ticketId: id } })).toBe(before);
    await expect(callerFor(w.customer).ticket.addNote({ ticketId: id, body: "x" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("ticket.setRequester", () => {
  it("admin edits the requester; agents are refused", async () => {
    const w = await staffWorld();
    const id = await openTicket(w.customer);
    await callerFor(w.admin).ticket.setRequester({ ticketId: id, version: await versionOf(id), name: "Jane Roe", email: "Jane.Roe@Example.test" });
    expect(await db().user.findUniqueOrThrow({ where: { id: w.customerUser.id } })).toMatchObject({ name: "Jane Roe", email: "jane.roe@example.test" });
    await expect(callerFor(w.agent).ticket.setRequester({ ticketId: id, version: await versionOf(id), name: "X", email: "x@example.test" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("ticket.history", () => {
  it("lists events with who and resolved names", async () => {
    const w = await staffWorld();
    const id = await openTicket(w.customer);
    const closed = await statusByKey("closed");
    await callerFor(w.agent).ticket.setStatus({ ticketId: id, version: await versionOf(id), statusId: closed.id });
    const h = await callerFor(w.agent).ticket.history({ ticketId: id });
    expect(h.map((e) => e.type)).toEqual(["ticket.created", "ticket.status"]);
    expect(h[1]).toMatchObject({ actor: { id: w.agentUser.id }, to: { en: closed.nameEn } });
    await expect(callerFor(w.customer).ticket.history({ ticketId: id })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("ticket.bulkUpdate", () => {
  it("assigns, recategorises and closes several tickets in one go", async () => {
    const w = await staffWorld();
    await setTicketSettings({ closeNotesOnClose: true });
    const ids = [await openTicket(w.customer), await openTicket(w.customer)];
    const closed = await statusByKey("closed");
    const r = await callerFor(w.agent).ticket.bulkUpdate({ ticketIds: ids, assigneeId: w.agentUser.id, statusId: closed.id });
    expect(r.updated).toBe(2);
    const rows = await db().ticket.findMany({ where: { id: { in: ids } } });
    expect(rows.every((t) => t.assigneeId === w.agentUser.id && t.statusId === closed.id)).toBe(true);
    expect(await db().outboxMail.count({ where: { ticketId: { in: ids }, template: "ticket.closed" } })).toBe(2);
    const { actor: other } = await makeActor("CUSTOMER");
    await expect(callerFor(other).ticket.bulkUpdate({ ticketIds: ids, statusId: closed.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
