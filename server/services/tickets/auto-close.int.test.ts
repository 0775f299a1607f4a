// Auto-close and its cron route: only tickets in the waiting status whose wait began N days ago
// close (counted from entering the status or the last staff reply, not the customer's last
// message), the reminder goes out once, wrong settings are refused and never make the job spin;
// the route refuses calls without the cron secret.
import { describe, it, expect } from "vitest";
import { statusByKey, setTicketSettings } from "@/server/testing/factories";
import { openTicket, staffWorld } from "@/server/testing/staff-helpers";
import { callerFor } from "@/server/testing/caller";
import { db } from "@/server/db/client";
import { secrets } from "@/server/secrets";
import { updateSettings } from "@/server/platform/settings/settings-store";
import { runAutoClose } from "./auto-close";
import { GET, POST } from "@/app/cron/auto_close/route";

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);

async function waitingTickets(n: number, customer: Parameters<typeof openTicket>[0], since: number) {
  const waiting = await statusByKey("waiting");
  const ids: number[] = [];
  for (let i = 0; i < n; i++) ids.push(await openTicket(customer));
  await db().ticket.updateMany({ where: { id: { in: ids } }, data: { statusId: waiting.id } });
  // after the status change: the trigger set status_changed_at to now, the test moves the clock back
  await db().ticket.updateMany({ where: { id: { in: ids } }, data: { statusChangedAt: daysAgo(since), lastCustomerAt: daysAgo(since + 1) } });
  return ids;
}

describe("auto-close", () => {
  it("is off by default", async () => {
    expect(await runAutoClose()).toMatchObject({ enabled: false, closed: 0 });
  });

  it("closes tickets waiting for N days since they entered the status, with history and mail", async () => {
    const w = await staffWorld();
    const waiting = await statusByKey("waiting");
    await setTicketSettings({ autoCloseDays: 7, autoCloseStatusId: waiting.id });
    const [old] = await waitingTickets(1, w.customer, 8);
    const [recent] = await waitingTickets(1, w.customer, 6);
    // another status: never touched, however old
    const other = await openTicket(w.customer);
    await db().ticket.update({ where: { id: other }, data: { statusChangedAt: daysAgo(30), lastCustomerAt: daysAgo(30) } });

    expect(await runAutoClose()).toMatchObject({ enabled: true, closed: 1, ticketIds: [old] });
    const closed = await statusByKey("closed");
    const t = await db().ticket.findUniqueOrThrow({ where: { id: old! } });
    expect(t.statusId).toBe(closed.id);
    expect(t.closedAt).not.toBeNull();
    expect(await db().auditEvent.count({ where: { ticketId: old, type: "ticket.closed_auto" } })).toBe(1);
    expect(await db().outboxMail.count({ where: { ticketId: old, template: "ticket.closed" } })).toBe(1);
    expect((await db().ticket.findUniqueOrThrow({ where: { id: recent! } })).statusId).toBe(waiting.id);
    // idempotent
    expect(await runAutoClose()).toMatchObject({ closed: 0 });
  });

  it("counts from the last staff reply: an agent answering after 8 days does not see the ticket close", async () => {
    const w = await staffWorld();
    const waiting = await statusByKey("waiting");
    await setTicketSettings({ autoCloseDays: 7, autoCloseStatusId: waiting.id });
    const [id] = await waitingTickets(1, w.customer, 9);
    await db().ticket.update({ where: { id: id! }, data: { lastCustomerAt: daysAgo(8) } });
    await callerFor(w.agent).ticket.reply({ ticketId: id!, body: "Sorry for the wait — does it work now?" });
    expect(await runAutoClose()).toMatchObject({ closed: 0 });
    // the same reply 8 days in the past: now it is due
    await db().ticket.update({ where: { id: id! }, data: { lastStaffReplyAt: daysAgo(8) } });
    expect(await runAutoClose()).toMatchObject({ closed: 1, ticketIds: [id] });
  });

  it("entering the waiting status starts the clock (any door, through the trigger)", async () => {
    const w = await staffWorld();
    const [waiting, inProgress] = [await statusByKey("waiting"), await statusByKey("in_progress")];
    await setTicketSettings({ autoCloseDays: 7, autoCloseStatusId: waiting.id });
    const id = await openTicket(w.customer);
    await db().ticket.update({ where: { id }, data: { statusId: inProgress.id, statusChangedAt: daysAgo(20), lastCustomerAt: daysAgo(20) } });
    await callerFor(w.agent).ticket.setStatus({ ticketId: id, statusId: waiting.id, version: (await db().ticket.findUniqueOrThrow({ where: { id } })).version });
    const t = await db().ticket.findUniqueOrThrow({ where: { id } });
    expect(t.statusChangedAt.getTime()).toBeGreaterThan(daysAgo(0.01).getTime());
    expect(await runAutoClose()).toMatchObject({ closed: 0 });
  });

  it("mails one reminder N days before closing, in the ticket's language, once per waiting period", async () => {
    const w = await staffWorld();
    const waiting = await statusByKey("waiting");
    await setTicketSettings({ autoCloseDays: 7, autoCloseStatusId: waiting.id, autoCloseReminderDays: 2 });
    const [soon, later] = [...(await waitingTickets(1, w.customer, 5.5)), ...(await waitingTickets(1, w.customer, 3))];
    await db().ticket.update({ where: { id: soon! }, data: { locale: "ru" } });

    expect(await runAutoClose()).toMatchObject({ closed: 0, reminded: 1, remindedIds: [soon] });
    const mail = await db().outboxMail.findFirstOrThrow({ where: { ticketId: soon, template: "ticket.reminder" } });
    expect(mail.locale).toBe("ru");
    expect(mail.text).toContain("закроется автоматически через 2 дн.");
    expect(await runAutoClose()).toMatchObject({ reminded: 0 });
    expect(await db().outboxMail.count({ where: { ticketId: later, template: "ticket.reminder" } })).toBe(0);

    // a new waiting period (the agent answered 5.5 days ago, after the reminder): one more reminder
    await db().ticket.update({ where: { id: soon! }, data: { autoCloseRemindedAt: daysAgo(6), lastStaffReplyAt: daysAgo(5.5) } });
    expect(await runAutoClose({ now: new Date() })).toMatchObject({ reminded: 1, remindedIds: [soon] });
    const en = await db().outboxMail.findMany({ where: { ticketId: soon, template: "ticket.reminder" } });
    expect(en).toHaveLength(2);
  });

  it("refuses a closed status as the waiting one and a reminder on the closing day; a bad stored value switches the job off instead of spinning", async () => {
    const w = await staffWorld();
    const closed = await statusByKey("closed");
    const waiting = await statusByKey("waiting");
    await expect(updateSettings("tickets", { autoCloseDays: 7, autoCloseStatusId: closed.id })).rejects.toMatchObject({ reason: "INVALID_SETTINGS", details: { fields: { autoCloseStatusId: "WAITING_STATUS_CLOSED" } } });
    await expect(updateSettings("tickets", { autoCloseDays: 7, autoCloseStatusId: waiting.id, autoCloseReminderDays: 7 })).rejects.toMatchObject({ details: { fields: { autoCloseReminderDays: "REMINDER_TOO_LATE" } } });
    // the same through the API door
    await expect(callerFor(w.admin).settings.update({ group: "tickets", values: { autoCloseDays: 3, autoCloseStatusId: closed.id } })).rejects.toMatchObject({ code: "BAD_REQUEST" });

    // a value written before this check existed (the old ticket settings page offered closed statuses)
    await db().setting.upsert({ where: { key: "tickets.autoCloseDays" }, create: { key: "tickets.autoCloseDays", value: 7 }, update: { value: 7 } });
    await db().setting.upsert({ where: { key: "tickets.autoCloseStatusId" }, create: { key: "tickets.autoCloseStatusId", value: closed.id }, update: { value: closed.id } });
    const ids: number[] = [];
    for (let i = 0; i < 3; i++) ids.push(await openTicket(w.customer));
    await db().ticket.updateMany({ where: { id: { in: ids } }, data: { statusId: closed.id, closedAt: daysAgo(30), statusChangedAt: daysAgo(30), lastCustomerAt: daysAgo(30) } });
    expect(await runAutoClose({ batch: 2 })).toMatchObject({ enabled: false, problem: "WAITING_STATUS_CLOSED", closed: 0 });
  });

  it("walks the table once in small batches: closes every due row, passes over the rest, ends", async () => {
    const w = await staffWorld();
    const waiting = await statusByKey("waiting");
    await setTicketSettings({ autoCloseDays: 7, autoCloseStatusId: waiting.id });
    const due = await waitingTickets(5, w.customer, 10);
    const notDue = await waitingTickets(3, w.customer, 2);
    const r = await runAutoClose({ batch: 2 });
    expect([...r.ticketIds].sort((a, b) => a - b)).toEqual(due);
    expect(await db().ticket.count({ where: { id: { in: notDue }, statusId: waiting.id } })).toBe(3);
    expect((await runAutoClose({ batch: 2 })).closed).toBe(0);
  });

  it("cron route: 401 without or with a wrong secret; runs with Bearer or ?token=", async () => {
    const url = "http://localhost/cron/auto_close";
    expect((await GET(new Request(url))).status).toBe(401);
    expect((await GET(new Request(url, { headers: { authorization: "Bearer wrong" } }))).status).toBe(401);
    expect((await GET(new Request(`${url}?token=${encodeURIComponent(secrets().CRON_SECRET.slice(0, -1))}`))).status).toBe(401);
    const ok = await POST(new Request(url, { method: "POST", headers: { authorization: `Bearer ${secrets().CRON_SECRET}` } }));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ ok: true, result: { enabled: false } });
    expect((await GET(new Request(`${url}?token=${encodeURIComponent(secrets().CRON_SECRET)}`))).status).toBe(200);
  });
});
