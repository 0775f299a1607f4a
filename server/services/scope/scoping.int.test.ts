// Category scoping through every read path (issue 16): an agent whose teams do not cover a
// category does not see its tickets in the queue, the counts, search, the ticket view, its
// attachments and raw mail, history, reports and their CSV, or staff notification mails; the
// same agent sees their own team's tickets; managers and admins see everything. Writes on a
// foreign ticket answer NOT_FOUND.
import { describe, it, expect } from "vitest";
import crypto from "node:crypto";
import { db } from "@/server/db/client";
import { callerFor } from "@/server/testing/caller";
import { makeActor, firstCategoryId, statusByKey } from "@/server/testing/factories";
import { PNG_1x1 } from "@/server/testing/portal-helpers";
import { readAttachment } from "@/server/services/uploads/read-attachment";
import { readRawMail } from "@/server/services/mail-raw/read-raw-mail";
import { hashToken } from "@/server/auth/token-hash";
import { handleRestRequest } from "@/server/api/openapi-rest";
import { REST_PREFIX } from "@/server/api/openapi";

const MARK = "scoped-marker-7f3a";

async function world() {
  const customer = await makeActor("CUSTOMER");
  const [mine, foreign, manager, admin] = [await makeActor("AGENT"), await makeActor("AGENT"), await makeActor("MANAGER"), await makeActor("ADMIN")];
  const catA = await firstCategoryId();
  const catB = (await db().category.create({ data: { nameRu: "Б", nameEn: "B", sortOrder: 50 } })).id;
  await db().team.create({ data: { name: "Team A", members: { create: [{ userId: mine.user.id }] }, categories: { create: [{ categoryId: catA }] } } });
  await db().team.create({ data: { name: "Team B", members: { create: [{ userId: foreign.user.id }] }, categories: { create: [{ categoryId: catB }] } } });
  const up = await callerFor(customer.actor).attachment.upload({ fileName: "shot.png", contentBase64: PNG_1x1.toString("base64") });
  const ticketA = (await callerFor(customer.actor).ticket.create({ title: `${MARK} printer`, body: "blank pages", categoryId: catA, attachmentIds: [up.id] })).id;
  const ticketB = (await callerFor(customer.actor).ticket.create({ title: "B side ticket", body: "other", categoryId: catB })).id;
  return { customer, mine, foreign, manager, admin, catA, catB, ticketA, ticketB, attachmentId: up.id };
}

const range = () => ({ from: new Date(Date.now() - 2 * 86_400_000), to: new Date(Date.now() + 86_400_000) });

describe("category scoping", () => {
  it("queue, search, counts: a foreign agent sees only their categories; manager and admin see all", async () => {
    const w = await world();
    const ids = async (a: typeof w.mine) => (await callerFor(a.actor).ticket.list({ limit: 50 })).items.map((t) => t.id).sort();
    expect(await ids(w.mine)).toEqual([w.ticketA]);
    expect(await ids(w.foreign)).toEqual([w.ticketB]);
    expect(await ids(w.manager)).toEqual([w.ticketA, w.ticketB].sort());
    expect(await ids(w.admin)).toEqual([w.ticketA, w.ticketB].sort());
    // search by word and by number
    expect((await callerFor(w.foreign.actor).ticket.list({ limit: 50, search: "printer" })).items).toEqual([]);
    expect((await callerFor(w.foreign.actor).ticket.list({ limit: 50, search: String(w.ticketA) })).items).toEqual([]);
    expect((await callerFor(w.mine.actor).ticket.list({ limit: 50, search: "printer" })).items.map((t) => t.id)).toEqual([w.ticketA]);
    // counts come from the per-category counters
    const nw = (await statusByKey("new")).id;
    for (const a of [w.mine, w.foreign]) expect(await callerFor(a.actor).ticket.counts()).toMatchObject({ all: 1, open: 1, unassigned: 1, mine: 0, byStatus: { [nw]: 1 } });
    expect(await callerFor(w.manager.actor).ticket.counts()).toMatchObject({ all: 2, open: 2 });
    // assignment moves "mine" and "unassigned" within the scope
    await callerFor(w.admin.actor).ticket.assign({ ticketId: w.ticketA, version: (await db().ticket.findUniqueOrThrow({ where: { id: w.ticketA } })).version, assigneeId: w.mine.user.id });
    expect(await callerFor(w.mine.actor).ticket.counts()).toMatchObject({ all: 1, mine: 1, unassigned: 0 });
    expect(await callerFor(w.foreign.actor).ticket.counts()).toMatchObject({ all: 1, mine: 0, unassigned: 1 });
    // the urgent badge counts only the agent's categories (an urgent ticket elsewhere is not theirs to see)
    const urgent = await db().priority.findUniqueOrThrow({ where: { key: "urgent" } });
    await db().ticket.update({ where: { id: w.ticketB }, data: { priorityId: urgent.id } });
    expect((await callerFor(w.foreign.actor).ticket.counts()).urgent).toBe(1);
    expect((await callerFor(w.mine.actor).ticket.counts()).urgent).toBe(0);
    expect((await callerFor(w.manager.actor).ticket.counts()).urgent).toBeGreaterThanOrEqual(1);
  });

  it("ticket view, history, attachments, raw mail: NOT_FOUND outside the scope", async () => {
    const w = await world();
    const f = callerFor(w.foreign.actor);
    await expect(f.ticket.byId({ id: w.ticketA })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(f.ticket.history({ ticketId: w.ticketA })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(readAttachment(w.foreign.actor, w.attachmentId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await callerFor(w.mine.actor).ticket.byId({ id: w.ticketA })).title).toContain(MARK);
    expect((await readAttachment(w.mine.actor, w.attachmentId)).fileName).toBe("shot.png");
    expect((await readAttachment(w.manager.actor, w.attachmentId)).fileName).toBe("shot.png");

    const raw = Buffer.from("From: a@client.example\r\nSubject: Hi\r\n\r\nbody\r\n");
    const mail = await db().inboundMail.create({ data: { mailboxKey: "default", messageKey: "<s@client.example>", size: raw.length, sha256: crypto.createHash("sha256").update(raw).digest("hex"), outcome: "created", ticketId: w.ticketA, raw } });
    await expect(readRawMail(w.foreign.actor, mail.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await readRawMail(w.mine.actor, mail.id)).data?.toString()).toContain("Subject: Hi");
  });

  it("writes on a foreign ticket answer NOT_FOUND and change nothing; bulk updates stop at the first", async () => {
    const w = await world();
    const f = callerFor(w.foreign.actor);
    const v = (await db().ticket.findUniqueOrThrow({ where: { id: w.ticketA } })).version;
    const closed = (await statusByKey("closed")).id;
    await expect(f.ticket.reply({ ticketId: w.ticketA, body: "hi" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(f.ticket.addNote({ ticketId: w.ticketA, body: "note" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(f.ticket.setStatus({ ticketId: w.ticketA, version: v, statusId: closed })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(f.ticket.bulkUpdate({ ticketIds: [w.ticketA, w.ticketB], statusId: closed })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const [a, b] = [await db().ticket.findUniqueOrThrow({ where: { id: w.ticketA } }), await db().ticket.findUniqueOrThrow({ where: { id: w.ticketB } })];
    expect([a.version, a.statusId === closed, b.statusId === closed]).toEqual([v, false, false]);
    // handing a ticket over to another team's category is allowed; then it is theirs
    await callerFor(w.mine.actor).ticket.setCategory({ ticketId: w.ticketA, version: v, categoryId: w.catB });
    expect((await f.ticket.byId({ id: w.ticketA })).id).toBe(w.ticketA);
    await expect(callerFor(w.mine.actor).ticket.byId({ id: w.ticketA })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("reports and CSV count the scope's tickets only", async () => {
    const w = await world();
    const created = async (a: typeof w.mine) => (await callerFor(a.actor).report.summary(range())).perDay.reduce((n, d) => n + d.created, 0);
    expect(await created(w.mine)).toBe(1);
    expect(await created(w.foreign)).toBe(1);
    expect(await created(w.manager)).toBe(2);
    const csv = (await callerFor(w.foreign.actor).report.csv(range())).csv;
    const perDay = csv.split("\r\n").filter((l) => l.startsWith("per_day")).map((l) => Number(l.split(",")[2]));
    expect(perDay.reduce((n, x) => n + x, 0)).toBe(1);
  });

  it("staff notification mails go only to staff who may see the ticket", async () => {
    const w = await world();
    const mails = async (ticketId: number) => (await db().outboxMail.findMany({ where: { ticketId, template: "staff.new-ticket" }, select: { toEmail: true } })).map((m) => m.toEmail).sort();
    expect(await mails(w.ticketA)).toEqual([w.mine.user.email, w.manager.user.email, w.admin.user.email].sort());
    expect(await mails(w.ticketB)).toEqual([w.foreign.user.email, w.manager.user.email, w.admin.user.email].sort());
    // a category linked to no team: every agent
    const open = (await db().category.create({ data: { nameRu: "Общая", nameEn: "Shared", sortOrder: 60 } })).id;
    const t = (await callerFor(w.customer.actor).ticket.create({ title: "Shared", body: "x", categoryId: open })).id;
    expect(await mails(t)).toHaveLength(4);
  });

  it("the REST API and API tokens act with their owner's scope", async () => {
    const w = await world();
    const token = `hd_${crypto.randomBytes(16).toString("hex")}`;
    await db().apiToken.create({ data: { name: "t", prefix: token.slice(0, 8), tokenHash: hashToken(token), userId: w.foreign.user.id } });
    const get = (path: string) => handleRestRequest(new Request(`http://helpdesk.test${REST_PREFIX}${path}`, { headers: { authorization: `Bearer ${token}` } }));
    const list = await get("/tickets");
    expect(list.status).toBe(200);
    const body = await list.text();
    expect(body).toContain("B side ticket");
    expect(body).not.toContain(MARK);
    expect((await get(`/tickets/${w.ticketA}`)).status).toBe(404);
    expect((await get(`/tickets/${w.ticketB}`)).status).toBe(200);
  });
});
