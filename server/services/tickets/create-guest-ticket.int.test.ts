// ticket.createGuest for visitors: guest tickets on/off, require login, honeypot, rate limit, one
// mail per new guest ticket, and one neutral answer: an existing account is never touched by a
// guest form, its owner is mailed instead.
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

/** The ticket a guest form made for this address (the form's answer carries no id: it is neutral). */
const ticketOf = async (email: string) => db().ticket.findFirstOrThrow({ where: { requester: { email } }, orderBy: { id: "desc" } });

describe("ticket.createGuest", () => {
  it("creates a password-less account and the ticket, and sends ONE mail: ticket link + set-password link", async () => {
    const r = await callerFor().ticket.createGuest(await guestInput());
    expect(r).toEqual({ guest: true, sent: true });
    const user = await db().user.findUniqueOrThrow({ where: { email: "guest@example.test" }, omit: { passwordHash: false } });
    expect(user.passwordHash).toBeNull();
    expect(user.role).toBe("CUSTOMER");
    const t = await ticketOf("guest@example.test");
    expect(t.requesterId).toBe(user.id);
    expect(await db().authToken.count({ where: { userId: user.id, purpose: "set-password", usedAt: null } })).toBe(1);
    const mails = await db().outboxMail.findMany({ where: { toEmail: "guest@example.test" }, orderBy: { id: "asc" } });
    expect(mails.map((m) => m.template)).toEqual(["ticket.created"]);
    const [ack] = mails;
    expect(ack!.text).toMatch(/\/set-password\?token=/);
    expect(ack!.text).toContain("To add something, simply reply to this email.");
    const link = /\/t\/([^\s]+)/.exec(ack!.text)![1]!;
    expect(verifyLink("ticket", decodeURIComponent(link))).toEqual({ ticketId: t.id, userId: user.id });
  });

  it("the one mail comes from the template catalog: markers, subject token, thread and anti-loop headers; Russian too", async () => {
    await callerFor().ticket.createGuest(await guestInput());
    const t = await ticketOf("guest@example.test");
    const m = await db().outboxMail.findFirstOrThrow({ where: { ticketId: t.id, toEmail: "guest@example.test" } });
    expect(m).toMatchObject({ template: "ticket.created", locale: "en", subject: `[#${t.id}] We have received your request: Cannot log in` });
    expect(m.text.split("\n")[0]).toBe("##- Please type your reply above this line -##");
    expect(m.text).toContain("Hello Guest Person,");
    expect(m.text).toMatch(new RegExp(`## Ticket ID: ${t.id}-`));
    expect(m.html).toMatch(/<a href="[^"]*\/t\/[^"]+">/);
    expect(m.html).toMatch(/<a href="[^"]*\/set-password\?token=[^"]+">/);
    expect(m.headers).toMatchObject({ "Auto-Submitted": "auto-generated", "X-Auto-Response-Suppress": "OOF, AutoReply" });
    expect(m.messageIdHeader).toMatch(new RegExp(`^<ticket-${t.id}\\.`));

    await callerFor().ticket.createGuest(await guestInput({ email: "gost@example.test", name: "Гость", locale: "ru" }));
    const ru = await ticketOf("gost@example.test");
    const mr = await db().outboxMail.findFirstOrThrow({ where: { ticketId: ru.id, toEmail: "gost@example.test" } });
    expect(mr.subject).toBe(`[#${ru.id}] Заявка принята: Cannot log in`);
    expect(mr.text).toContain("задайте пароль");
    expect(mr.text).toMatch(new RegExp(`## Номер заявки: ${ru.id}-`));
  });

  it("the guest link shows the ticket; the guest can reply but not see other tickets", async () => {
    await callerFor().ticket.createGuest(await guestInput());
    const r = await ticketOf("guest@example.test");
    const user = await db().user.findUniqueOrThrow({ where: { email: "guest@example.test" } });
    const guest = { kind: "guest" as const, userId: user.id, ticketId: r.id, locale: "en" };
    const seen = await callerFor(guest).ticket.byId({ id: r.id });
    expect(seen.permissions).toMatchObject({ canReply: true, canEdit: true, canRate: false });
    await callerFor(guest).ticket.reply({ ticketId: r.id, body: "More details" });
    await expect(callerFor({ ...guest, ticketId: r.id + 1 }).ticket.byId({ id: r.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("ASVS 5.0 V6.3.8 (issue 14.10): an address with an account gets the same answer; the owner is mailed, nothing else changes", async () => {
    const existing = await makeUser({ email: "taken@example.test", name: "Owner" });
    const before = await db().user.findUniqueOrThrow({ where: { id: existing.id }, omit: { passwordHash: false } });
    const answerTaken = await callerFor().ticket.createGuest(await guestInput({ email: "TAKEN@example.test", name: "Attacker" }));
    const answerNew = await callerFor().ticket.createGuest(await guestInput({ email: "fresh@example.test", name: "Fresh" }));
    expect(answerTaken).toEqual(answerNew);
    expect(await db().user.findUniqueOrThrow({ where: { id: existing.id }, omit: { passwordHash: false } })).toEqual(before);
    expect(await db().ticket.count({ where: { requesterId: existing.id } })).toBe(0);
    expect(await db().authToken.count({ where: { userId: existing.id } })).toBe(0);
    const mails = await db().outboxMail.findMany({ where: { toEmail: "taken@example.test" } });
    expect(mails.map((m) => m.template)).toEqual(["guest.account-exists"]);
    expect(mails[0]!.text).toContain("Cannot log in");
    expect(mails[0]!.text).toMatch(/\/sign-in\?next=%2Ftickets%2Fnew/);
    expect(mails[0]!.text).not.toContain("Help **please**");
  });

  it("ticket.create is for signed-in users: a visitor is told to sign in (the guest form is createGuest)", async () => {
    await expect(callerFor().ticket.create({ title: "Printer is broken", body: "It prints blank pages.", categoryId: await firstCategoryId() })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("GUESTS_DISABLED when allowGuestTickets is off, LOGIN_REQUIRED when requireLogin is on", async () => {
    await setTicketSettings({ allowGuestTickets: false });
    await expect(callerFor().ticket.createGuest(await guestInput())).rejects.toMatchObject({ code: "FORBIDDEN", cause: { reason: "GUESTS_DISABLED" } });
    await setTicketSettings({ allowGuestTickets: true, requireLogin: true });
    await expect(callerFor().ticket.createGuest(await guestInput())).rejects.toMatchObject({ code: "FORBIDDEN", cause: { reason: "LOGIN_REQUIRED" } });
    expect(await db().user.count()).toBe(0);
  });

  it("the honeypot refuses bots and saves nothing", async () => {
    await expect(callerFor().ticket.createGuest(await guestInput({ website: "http://spam.example" }))).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { reason: "SPAM_SUSPECTED" } });
    expect(await db().user.count()).toBe(0);
  });

  it("limits guest tickets per IP", async () => {
    for (let i = 0; i < 5; i++) await fromIp("203.0.113.9").ticket.createGuest(await guestInput({ email: `g${i}@example.test` }));
    await expect(fromIp("203.0.113.9").ticket.createGuest(await guestInput({ email: "g9@example.test" }))).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
    await fromIp("203.0.113.10").ticket.createGuest(await guestInput({ email: "other@example.test" }));
  });

  it("bad input: invalid email or empty name is BAD_REQUEST with field errors", async () => {
    const err = await callerFor().ticket.createGuest(await guestInput({ email: "not-an-email", name: "" })).catch((e) => e);
    expect(err.code).toBe("BAD_REQUEST");
    expect(await db().ticket.count()).toBe(0);
  });
});
