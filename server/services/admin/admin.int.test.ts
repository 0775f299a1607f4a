// status.* / category.* / user.* / cannedReply.* / apiToken.*: the admin procedures against the
// real database, each with its refusal for non-admins (and customers).
import { describe, it, expect } from "vitest";
import { callerFor } from "@/server/testing/caller";
import { statusByKey, makeUser } from "@/server/testing/factories";
import { openTicket, staffWorld } from "@/server/testing/staff-helpers";
import { db } from "@/server/db/client";
import { createSession, validateSession } from "@/server/auth/sessions";
import { actorFromHeaders } from "@/server/auth/actor";

describe("status.*", () => {
  it("creates, renames, sets default; a status in use is merged, not deleted", async () => {
    const w = await staffWorld();
    const api = callerFor(w.admin);
    const s = await api.status.create({ nameRu: "На проверке", nameEn: "In review", color: "#0ea5e9", isClosed: false });
    await api.status.update({ id: s.id, nameRu: "Проверка", nameEn: "Review", color: "#0284c7", isClosed: false });
    expect((await api.status.list()).find((x) => x.id === s.id)).toMatchObject({ name: { en: "Review", ru: "Проверка" }, color: "#0284c7", ticketCount: 0 });
    await api.status.setDefault({ id: s.id });
    expect((await db().status.findMany({ where: { isDefault: true } })).map((x) => x.id)).toEqual([s.id]);
    await expect(api.status.setDefault({ id: (await statusByKey("closed")).id })).rejects.toMatchObject({ code: "BAD_REQUEST" });

    const id = await openTicket(w.customer); // gets the new default
    expect((await db().ticket.findUniqueOrThrow({ where: { id } })).statusId).toBe(s.id);
    await expect(api.status.delete({ id: (await statusByKey("waiting")).id })).resolves.toBeTruthy(); // unused: deletable
    await expect(api.status.delete({ id: s.id })).rejects.toMatchObject({ code: "CONFLICT" });
    const neu = await statusByKey("new");
    expect(await api.status.merge({ fromId: s.id, intoId: neu.id })).toEqual({ moved: 1 });
    expect((await db().ticket.findUniqueOrThrow({ where: { id } })).statusId).toBe(neu.id);
    expect(await db().status.findUnique({ where: { id: s.id } })).toBeNull();
    expect((await db().status.findUniqueOrThrow({ where: { id: neu.id } })).isDefault).toBe(true);
    expect(await db().auditEvent.count({ where: { ticketId: id, type: "ticket.status" } })).toBe(1);

    await api.status.reorder({ ids: [neu.id, (await statusByKey("closed")).id, (await statusByKey("in_progress")).id] });
    expect((await api.status.list())[0]!.id).toBe(neu.id);
  });

  it("lists for agents, refuses changes by agents and anything by customers", async () => {
    const w = await staffWorld();
    expect((await callerFor(w.agent).status.list()).length).toBeGreaterThan(0);
    await expect(callerFor(w.agent).status.create({ nameRu: "x", nameEn: "x", color: "#000000", isClosed: false })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(w.customer).status.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("category.*", () => {
  it("creates with a default assignee, renames, archives; new tickets get the assignee", async () => {
    const w = await staffWorld();
    const api = callerFor(w.admin);
    const c = await api.category.create({ nameRu: "Оплата", nameEn: "Billing", defaultAssigneeId: w.agentUser.id });
    const id = await openTicket(w.customer, { categoryId: c.id });
    expect((await db().ticket.findUniqueOrThrow({ where: { id } })).assigneeId).toBe(w.agentUser.id);
    await api.category.update({ id: c.id, nameRu: "Счета", nameEn: "Invoices", defaultAssigneeId: null });
    await api.category.archive({ id: c.id, archived: true });
    expect((await api.category.list()).map((x) => x.id)).not.toContain(c.id);
    expect((await api.category.list({ includeArchived: true })).find((x) => x.id === c.id)).toMatchObject({ archived: true, name: { en: "Invoices" }, defaultAssignee: null });
    await expect(api.category.create({ nameRu: "x", nameEn: "x", defaultAssigneeId: w.customerUser.id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(callerFor(w.agent).category.create({ nameRu: "x", nameEn: "x" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(w.customer).category.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("user.*", () => {
  it("invites an agent: no password, invite token, mail in the outbox", async () => {
    const w = await staffWorld();
    const u = await callerFor(w.admin).user.invite({ email: "New.Agent@Example.test", name: "New Agent", locale: "en" });
    const row = await db().user.findUniqueOrThrow({ where: { id: u.id }, omit: { passwordHash: false } });
    expect(row).toMatchObject({ email: "new.agent@example.test", role: "AGENT", passwordHash: null });
    expect(await db().authToken.count({ where: { userId: u.id, purpose: "invite" } })).toBe(1);
    expect(await db().outboxMail.count({ where: { toEmail: "new.agent@example.test" } })).toBe(1);
    await expect(callerFor(w.admin).user.invite({ email: "new.agent@example.test", name: "Again", locale: "en" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await callerFor(w.agent).user.assignable()).map((x) => x.id)).toContain(u.id);
  });

  it("deactivation kills sessions and API tokens; role change applies; agents refused", async () => {
    const w = await staffWorld();
    const victim = await makeUser({ role: "AGENT" });
    const fresh = await db().user.findUniqueOrThrow({ where: { id: victim.id } });
    const sid = await createSession(db(), victim.id, fresh.sessionVersion);
    expect(await validateSession(db(), sid)).not.toBeNull();
    const { token } = await callerFor(w.admin).apiToken.create({ name: "ci", userId: victim.id });
    await callerFor(w.admin).user.setActive({ id: victim.id, active: false });
    expect(await validateSession(db(), sid)).toBeNull();
    expect((await actorFromHeaders(new Headers({ authorization: `Bearer ${token}` }))).kind).toBe("anonymous");
    expect((await callerFor(w.agent).user.assignable()).map((x) => x.id)).not.toContain(victim.id);
    await callerFor(w.admin).user.setRole({ id: victim.id, role: "ADMIN" });
    expect((await db().user.findUniqueOrThrow({ where: { id: victim.id } })).role).toBe("ADMIN");
    await expect(callerFor(w.admin).user.setActive({ id: w.adminUser.id, active: false })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(callerFor(w.agent).user.setRole({ id: victim.id, role: "AGENT" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(w.customer).user.assignable()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("cannedReply.*", () => {
  it("CRUD by staff; customers refused", async () => {
    const w = await staffWorld();
    const api = callerFor(w.agent);
    const r = await api.cannedReply.create({ title: "Greeting", body: "Hello {{customer.name}}" });
    await api.cannedReply.update({ id: r.id, title: "Hi", body: "Hi {{customer.name}}" });
    expect(await api.cannedReply.list()).toMatchObject([{ id: r.id, title: "Hi", createdBy: { id: w.agentUser.id } }]);
    await api.cannedReply.delete({ id: r.id });
    expect(await api.cannedReply.list()).toEqual([]);
    await expect(api.cannedReply.delete({ id: r.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(w.customer).cannedReply.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("apiToken.*", () => {
  it("creates (shown once, stored hashed), authenticates, lists, revokes", async () => {
    const w = await staffWorld();
    const api = callerFor(w.admin);
    const t = await api.apiToken.create({ name: "Zapier" });
    expect(t.token).toMatch(/^hd_[A-Za-z0-9_-]{40,}$/);
    const row = await db().apiToken.findUniqueOrThrow({ where: { id: t.id } });
    expect(row.tokenHash).not.toContain(t.token);
    const actor = await actorFromHeaders(new Headers({ authorization: `Bearer ${t.token}` }));
    expect(actor).toMatchObject({ kind: "user", userId: w.adminUser.id, via: "token" });
    const list = await api.apiToken.list();
    expect(list[0]).toMatchObject({ id: t.id, name: "Zapier", prefix: t.token.slice(0, 10), revokedAt: null });
    expect(JSON.stringify(list)).not.toContain(t.token);
    await api.apiToken.revoke({ id: t.id });
    expect((await actorFromHeaders(new Headers({ authorization: `Bearer ${t.token}` }))).kind).toBe("anonymous");
    await expect(callerFor(w.agent).apiToken.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(w.customer).apiToken.create({ name: "x" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
