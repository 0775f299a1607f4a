// ticket.create for visitors: guest tickets on/off, require login, honeypot, rate limit, and
// the rule that an existing account is never touched by a guest form.
import { describe, it, expect } from "vitest";
import { createCaller } from "@/server/api/root";
import { callerFor } from "@/server/testing/caller";
import { firstCategoryId, makeUser, setTicketSettings } from "@/server/testing/factories";
import { db } from "@/server/db/client";
import { anonymous } from "@/server/domain/actor";
import { verifyLink } from "@/server/auth/signed-links";

const guestInput = async (over: Record<string, unknown> = {}) => ({
  title: "Cannot log in", body: "Help **please**", categoryId: await firstCategoryId(), name: "Guest Person", email: "guest@example.test", locale: "en" as const, ...over,
});
const fromIp = (ip: string) => createCaller({ actor: anonymous, requestId: "t", headers: new Headers({ "x-forwarded-for": ip }) });

describe("ticket.create as a guest", () => {
  it("creates a password-less account, the ticket, a set-password mail and a signed ticket link", async () => {
    const r = await callerFor().ticket.create(await guestInput());
    expect(r).toMatchObject({ number: r.id, guest: true });
    const user = await db().user.findUniqueOrThrow({ where: { email: "guest@example.test" }, omit: { passwordHash: false } });
    expect(user.passwordHash).toBeNull();
    expect(user.role).toBe("CUSTOMER");
    const t = await db().ticket.findUniqueOrThrow({ where: { id: r.id } });
    expect(t.requesterId).toBe(user.id);
    expect(await db().authToken.count({ where: { userId: user.id, purpose: "set-password", usedAt: null } })).toBe(1);
    const mails = await db().outboxMail.findMany({ where: { toEmail: "guest@example.test" }, orderBy: { id: "asc" } });
    expect(mails.map((m) => m.template).sort()).toEqual(["account.set-password", "guest.ticket-link", "ticket.created"]);
    expect(mails.find((m) => m.template === "account.set-password")!.text).toMatch(/\/set-password\?token=/);
    const link = /\/t\/([^\s]+)/.exec(mails.find((m) => m.template === "guest.ticket-link")!.text)![1]!;
    expect(verifyLink("ticket", decodeURIComponent(link))).toEqual({ ticketId: r.id, userId: user.id });
  });

  it("the ticket-link mail comes from the template catalog: markers, subject token, thread and anti-loop headers", async () => {
    const r = await callerFor().ticket.create(await guestInput());
    const mails = await db().outboxMail.findMany({ where: { ticketId: r.id }, orderBy: { id: "asc" } });
    const ack = mails.find((m) => m.template === "ticket.created")!;
    const m = mails.find((x) => x.template === "guest.ticket-link")!;
    expect(m).toMatchObject({ locale: "en", toEmail: "guest@example.test", subject: `[#${r.id}] The link to your ticket: Cannot log in` });
    expect(m.text.split("\n")[0]).toBe("##- Please type your reply above this line -##");
    expect(m.text).toContain("Hello Guest Person,");
    expect(m.text).toMatch(new RegExp(`## Ticket ID: ${r.id}-`));
    expect(m.html).toContain("<!doctype html>");
    expect(m.html).toMatch(/<a href="[^"]*\/t\/[^"]+">/);
    expect(m.headers).toMatchObject({ "Auto-Submitted": "auto-generated", "X-Auto-Response-Suppress": "OOF, AutoReply", "In-Reply-To": ack.messageIdHeader });
    expect(m.messageIdHeader).toMatch(new RegExp(`^<ticket-${r.id}\\.`));

    // Russian guests get the Russian text; an admin's template override is used
    await db().mailTemplate.create({ data: { key: "guest.ticket-link", locale: "ru", subject: "Ваша ссылка: {{ticket.title}}", text: "{{customer.name}}, заявка {{ticket.number}}: {{link}}", html: "" } });
    const ru = await callerFor().ticket.create(await guestInput({ email: "gost@example.test", name: "Гость", locale: "ru" }));
    const mr = await db().outboxMail.findFirstOrThrow({ where: { ticketId: ru.id, template: "guest.ticket-link" } });
    expect(mr.subject).toBe(`[#${ru.id}] Ваша ссылка: Cannot log in`);
    expect(mr.text.split("\n")[0]).toBe("##- Введите свой ответ над этой строкой -##");
    expect(mr.text).toMatch(new RegExp(`Гость, заявка ${ru.id}: http\\S+/t/\\S+`));
    expect(mr.text).toMatch(new RegExp(`## Номер заявки: ${ru.id}-`));
  });

  it("the guest link shows the ticket; the guest can reply but not see other tickets", async () => {
    const r = await callerFor().ticket.create(await guestInput());
    const user = await db().user.findUniqueOrThrow({ where: { email: "guest@example.test" } });
    const guest = { kind: "guest" as const, userId: user.id, ticketId: r.id, locale: "en" };
    const seen = await callerFor(guest).ticket.byId({ id: r.id });
    expect(seen.permissions).toMatchObject({ canReply: true, canEdit: true, canRate: false });
    await callerFor(guest).ticket.reply({ ticketId: r.id, body: "More details" });
    await expect(callerFor({ ...guest, ticketId: r.id + 1 }).ticket.byId({ id: r.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("an email that already has an account is told to sign in; nothing is created or changed", async () => {
    const existing = await makeUser({ email: "taken@example.test", name: "Owner" });
    const before = await db().user.findUniqueOrThrow({ where: { id: existing.id }, omit: { passwordHash: false } });
    const err = await callerFor().ticket.create(await guestInput({ email: "TAKEN@example.test", name: "Attacker" })).catch((e) => e);
    expect(err.code).toBe("CONFLICT");
    expect(err.cause.reason).toBe("ACCOUNT_EXISTS");
    expect(await db().user.findUniqueOrThrow({ where: { id: existing.id }, omit: { passwordHash: false } })).toEqual(before);
    expect(await db().ticket.count()).toBe(0);
    expect(await db().authToken.count()).toBe(0);
    expect(await db().outboxMail.count()).toBe(0);
  });

  it("GUESTS_DISABLED when allowGuestTickets is off, LOGIN_REQUIRED when requireLogin is on", async () => {
    await setTicketSettings({ allowGuestTickets: false });
    await expect(callerFor().ticket.create(await guestInput())).rejects.toMatchObject({ code: "FORBIDDEN", cause: { reason: "GUESTS_DISABLED" } });
    await setTicketSettings({ allowGuestTickets: true, requireLogin: true });
    await expect(callerFor().ticket.create(await guestInput())).rejects.toMatchObject({ code: "FORBIDDEN", cause: { reason: "LOGIN_REQUIRED" } });
    expect(await db().user.count()).toBe(0);
  });

  it("the honeypot refuses bots and saves nothing", async () => {
    await expect(callerFor().ticket.create(await guestInput({ website: "http://spam.example" }))).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { reason: "SPAM_SUSPECTED" } });
    expect(await db().user.count()).toBe(0);
  });

  it("limits guest tickets per IP", async () => {
    for (let i = 0; i < 5; i++) await fromIp("203.0.113.9").ticket.create(await guestInput({ email: `g${i}@example.test` }));
    await expect(fromIp("203.0.113.9").ticket.create(await guestInput({ email: "g9@example.test" }))).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
    await fromIp("203.0.113.10").ticket.create(await guestInput({ email: "other@example.test" }));
  });

  it("bad input: invalid email or empty name is BAD_REQUEST with field errors", async () => {
    const err = await callerFor().ticket.create(await guestInput({ email: "not-an-email", name: "" })).catch((e) => e);
    expect(err.code).toBe("BAD_REQUEST");
    expect(await db().ticket.count()).toBe(0);
  });
});
