// notification.* procedures and the fan-out behind them (issue 16 point 3), against PostgreSQL:
// the bell fills per the decider (scoping, actor never told, preferences per channel), a user
// reads and marks only their own rows, @mentions reach only staff who may see the ticket, and
// the table stays bounded per user.
import { describe, it, expect } from "vitest";
import { db } from "@/server/db/client";
import { callerFor } from "@/server/testing/caller";
import { actorOf, makeActor, makeUser, firstCategoryId } from "@/server/testing/factories";
import { DEFAULT_PREFS } from "@/server/domain/notifications/prefs";
import { MAX_PER_USER, writeNotifications } from "@/server/platform/notifications";

async function named(name: string) {
  const user = await makeUser({ role: "AGENT", name });
  return { user, actor: actorOf(user) };
}

async function world() {
  const admin = await makeActor("ADMIN");
  const customer = await makeActor("CUSTOMER");
  const anna = await named("Anna Lee");
  const boris = await named("Boris Ivanov");
  const cat = await firstCategoryId();
  const other = (await db().category.create({ data: { nameRu: "Б", nameEn: "Billing", sortOrder: 50 } })).id;
  // Anna's team has the ticket's category, Boris's team only the other one
  await callerFor(admin.actor).team.save({ name: "Support", memberIds: [anna.user.id], categoryIds: [cat] });
  await callerFor(admin.actor).team.save({ name: "Billing", memberIds: [boris.user.id], categoryIds: [other] });
  const ticketId = (await callerFor(customer.actor).ticket.create({ title: "Printer", body: "It prints nothing at all", categoryId: cat })).id;
  return { admin, customer, anna, boris, ticketId, cat };
}

const version = async (id: number) => (await db().ticket.findUniqueOrThrow({ where: { id } })).version;

describe("notifications", () => {
  it("a new ticket fills the bell of staff who may see it, by mail too; never a foreign agent", async () => {
    const { admin, anna, boris, ticketId } = await world();
    const list = await callerFor(anna.actor).notification.list();
    expect(list.unread).toBe(1);
    expect(list.items).toMatchObject([{ ticketId, ticketTitle: "Printer", event: "newTicket", excerpt: "It prints nothing at all", read: false }]);
    expect((await callerFor(admin.actor).notification.unreadCount()).unread).toBe(1);
    expect(await callerFor(boris.actor).notification.list()).toEqual({ items: [], unread: 0 });
    const mailed = (await db().outboxMail.findMany({ where: { ticketId, template: "staff.new-ticket" }, select: { toEmail: true } })).map((m) => m.toEmail);
    expect(mailed.sort()).toEqual([admin.user.email, anna.user.email].sort());
  });

  it("preferences: defaults, saved per user, validated; mail and bell follow them", async () => {
    const { anna, customer, ticketId } = await world();
    const api = callerFor(anna.actor);
    expect(await api.notification.prefs()).toEqual(DEFAULT_PREFS);
    const prefs = { ...DEFAULT_PREFS, customerReply: { mail: false, app: true }, anyReply: { mail: false, app: false } };
    expect(await api.notification.setPrefs(prefs)).toEqual(prefs);
    expect(await api.notification.prefs()).toEqual(prefs);
    await expect(api.notification.setPrefs({ ...prefs, mention: { mail: "yes" } } as never)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(callerFor(customer.actor).notification.prefs()).rejects.toMatchObject({ code: "FORBIDDEN" });

    await callerFor(customer.actor).ticket.reply({ ticketId, body: "Any news?" });
    const mails = await db().outboxMail.count({ where: { ticketId, template: "staff.customer-reply", toEmail: anna.user.email } });
    expect(mails).toBe(0);
    expect((await api.notification.list()).items[0]).toMatchObject({ event: "customerReply", excerpt: "Any news?" });
  });

  it("@mention in a note: only staff who may see the ticket, never the author; mentionable lists them", async () => {
    const { admin, anna, boris, ticketId } = await world();
    await callerFor(anna.actor).notification.markAllRead();
    expect(await callerFor(admin.actor).notification.mentionable({ ticketId })).toEqual([{ id: anna.user.id, name: "Anna Lee", email: anna.user.email }]);
    await expect(callerFor(boris.actor).notification.mentionable({ ticketId })).rejects.toMatchObject({ code: "NOT_FOUND" });

    await callerFor(admin.actor).ticket.addNote({ ticketId, body: `@Anna Lee and @Boris Ivanov and @${admin.user.name}: look` });
    const annas = await callerFor(anna.actor).notification.list();
    expect(annas.unread).toBe(1);
    expect(annas.items[0]).toMatchObject({ event: "mention", actorName: admin.user.name, ticketId });
    expect((await callerFor(boris.actor).notification.list()).unread).toBe(0);
    expect(await db().notification.count({ where: { userId: admin.user.id, event: "mention" } })).toBe(0);
    const mail = await db().outboxMail.findFirstOrThrow({ where: { ticketId, template: "staff.notice", toEmail: anna.user.email } });
    expect(mail.subject).toContain("You were mentioned");
    expect(await db().outboxMail.count({ where: { template: "staff.notice", toEmail: boris.user.email } })).toBe(0);
  });

  it("assigned: the new assignee hears of it; nobody hears of their own assignment", async () => {
    const { admin, anna, ticketId } = await world();
    await callerFor(anna.actor).notification.markAllRead();
    await callerFor(anna.actor).ticket.assign({ ticketId, version: await version(ticketId), assigneeId: anna.user.id });
    expect((await callerFor(anna.actor).notification.unreadCount()).unread).toBe(0);
    await callerFor(anna.actor).ticket.assign({ ticketId, version: await version(ticketId), assigneeId: null });
    await callerFor(admin.actor).ticket.assign({ ticketId, version: await version(ticketId), assigneeId: anna.user.id });
    expect((await callerFor(anna.actor).notification.list()).items[0]).toMatchObject({ event: "assigned", actorName: admin.user.name, read: false });
  });

  it("mark one / all read: only one's own rows; a hidden scope hides the rows", async () => {
    const { admin, anna, boris, ticketId, cat } = await world();
    const [annaRow] = (await callerFor(anna.actor).notification.list()).items;
    await expect(callerFor(boris.actor).notification.markRead({ id: annaRow!.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(admin.actor).notification.markRead({ id: annaRow!.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await callerFor(anna.actor).notification.unreadCount()).unread).toBe(1);
    expect(await callerFor(anna.actor).notification.markRead({ id: annaRow!.id })).toEqual({ unread: 0 });
    expect(await callerFor(anna.actor).notification.markRead({ id: annaRow!.id })).toEqual({ unread: 0 }); // again: no error
    await callerFor(admin.actor).ticket.addNote({ ticketId, body: "@Anna Lee one" });
    await callerFor(admin.actor).ticket.addNote({ ticketId, body: "@Anna Lee two" });
    expect(await callerFor(anna.actor).notification.markAllRead()).toEqual({ unread: 0 });
    expect(await db().notification.count({ where: { userId: anna.user.id, readAt: null } })).toBe(0);
    expect(await db().notification.count({ where: { userId: admin.user.id, readAt: null } })).toBe(1); // admin's own untouched

    // Anna leaves the team that has the category: the ticket and its rows are out of her sight
    const teams = await callerFor(admin.actor).team.list();
    const support = teams.find((t) => t.name === "Support")!;
    await callerFor(admin.actor).team.save({ id: support.id, name: "Support", memberIds: [], categoryIds: [cat] });
    expect((await callerFor(anna.actor).notification.list()).items).toEqual([]);
  });

  it("bounded: at most MAX_PER_USER rows per user; read ones older than 30 days pruned", async () => {
    const { anna, ticketId } = await world();
    const old = await db().notification.create({ data: { userId: anna.user.id, ticketId, event: "anyReply", excerpt: "old", readAt: new Date(), createdAt: new Date(Date.now() - 31 * 86_400_000) } });
    const rows = Array.from({ length: MAX_PER_USER + 5 }, () => ({ userId: anna.user.id, event: "anyReply" as const }));
    await db().$transaction((tx) => writeNotifications(tx, { ticketId, actorId: null, text: "x".repeat(5000), rows }));
    expect(await db().notification.count({ where: { userId: anna.user.id } })).toBe(MAX_PER_USER);
    expect(await db().notification.findUnique({ where: { id: old.id } })).toBeNull();
    const longest = await db().notification.findFirstOrThrow({ where: { userId: anna.user.id }, orderBy: { id: "desc" } });
    expect(longest.excerpt.length).toBeLessThanOrEqual(200);
    expect((await callerFor(anna.actor).notification.list()).items).toHaveLength(30);
  });
});
