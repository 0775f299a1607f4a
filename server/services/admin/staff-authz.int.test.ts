// Every staff-only procedure of the dashboard refuses customers (FORBIDDEN) and anonymous
// callers (UNAUTHORIZED); admin-only ones refuse agents too. Nothing is written on refusal.
import { describe, it, expect } from "vitest";
import { callerFor } from "@/server/testing/caller";
import { makeActor } from "@/server/testing/factories";
import { db } from "@/server/db/client";
import type { Actor } from "@/server/domain/actor";
import { anonymous } from "@/server/domain/actor";

type Call = (c: ReturnType<typeof callerFor>) => Promise<unknown>;
const range = { from: new Date("2026-01-01T00:00:00Z"), to: new Date("2026-01-02T00:00:00Z") };

const STAFF: Record<string, Call> = {
  "ticket.counts": (c) => c.ticket.counts(),
  "ticket.staffSettings": (c) => c.ticket.staffSettings(),
  "ticket.setStatus": (c) => c.ticket.setStatus({ ticketId: 1, version: 0, statusId: 1 }),
  "ticket.assign": (c) => c.ticket.assign({ ticketId: 1, version: 0, assigneeId: null }),
  "ticket.setCategory": (c) => c.ticket.setCategory({ ticketId: 1, version: 0, categoryId: 1 }),
  "ticket.addNote": (c) => c.ticket.addNote({ ticketId: 1, body: "x" }),
  "ticket.history": (c) => c.ticket.history({ ticketId: 1 }),
  "ticket.bulkUpdate": (c) => c.ticket.bulkUpdate({ ticketIds: [1], statusId: 1 }),
  "status.list": (c) => c.status.list(),
  "category.list": (c) => c.category.list(),
  "user.assignable": (c) => c.user.assignable(),
  "cannedReply.list": (c) => c.cannedReply.list(),
  "cannedReply.create": (c) => c.cannedReply.create({ title: "x", body: "y" }),
  "cannedReply.update": (c) => c.cannedReply.update({ id: 1, title: "x", body: "y" }),
  "cannedReply.delete": (c) => c.cannedReply.delete({ id: 1 }),
  "report.summary": (c) => c.report.summary(range),
  "report.csv": (c) => c.report.csv(range),
};

const ADMIN: Record<string, Call> = {
  "ticket.setRequester": (c) => c.ticket.setRequester({ ticketId: 1, version: 0, name: "x", email: "x@example.test" }),
  "status.create": (c) => c.status.create({ nameRu: "x", nameEn: "x", color: "#000000", isClosed: false }),
  "status.update": (c) => c.status.update({ id: 1, nameRu: "x", nameEn: "x", color: "#000000", isClosed: false }),
  "status.reorder": (c) => c.status.reorder({ ids: [1] }),
  "status.setDefault": (c) => c.status.setDefault({ id: 1 }),
  "status.delete": (c) => c.status.delete({ id: 1 }),
  "status.merge": (c) => c.status.merge({ fromId: 1, intoId: 2 }),
  "category.create": (c) => c.category.create({ nameRu: "x", nameEn: "x" }),
  "category.update": (c) => c.category.update({ id: 1, nameRu: "x", nameEn: "x" }),
  "category.archive": (c) => c.category.archive({ id: 1, archived: true }),
  "category.reorder": (c) => c.category.reorder({ ids: [1] }),
  "user.list": (c) => c.user.list(),
  "user.invite": (c) => c.user.invite({ email: "x@example.test", name: "x", locale: "en" }),
  "user.setRole": (c) => c.user.setRole({ id: 1, role: "ADMIN" }),
  "user.setActive": (c) => c.user.setActive({ id: 1, active: false }),
  "apiToken.list": (c) => c.apiToken.list(),
  "apiToken.create": (c) => c.apiToken.create({ name: "x" }),
  "apiToken.revoke": (c) => c.apiToken.revoke({ id: 1 }),
};

async function snapshot() {
  return Promise.all([db().status.count(), db().category.count(), db().user.count(), db().cannedReply.count(), db().apiToken.count(), db().auditEvent.count(), db().message.count()]);
}

async function expectRefused(actor: Actor, calls: Record<string, Call>, code: string) {
  const before = await snapshot();
  for (const [name, call] of Object.entries(calls)) {
    await expect(call(callerFor(actor)), name).rejects.toMatchObject({ code });
  }
  expect(await snapshot()).toEqual(before);
}

describe("staff dashboard authorization", () => {
  it("customers get FORBIDDEN from every staff and admin procedure", async () => {
    const { actor } = await makeActor("CUSTOMER");
    await expectRefused(actor, { ...STAFF, ...ADMIN }, "FORBIDDEN");
  });
  it("anonymous callers get UNAUTHORIZED", async () => {
    await expectRefused(anonymous, { ...STAFF, ...ADMIN }, "UNAUTHORIZED");
  });
  it("agents get FORBIDDEN from admin procedures", async () => {
    const { actor } = await makeActor("AGENT");
    await expectRefused(actor, ADMIN, "FORBIDDEN");
  });
});
