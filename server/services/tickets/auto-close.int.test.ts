// Auto-close and its cron route: only tickets in the waiting status past the deadline close,
// with history and the closing mail; the route refuses calls without the cron secret.
import { describe, it, expect } from "vitest";
import { statusByKey, setTicketSettings } from "@/server/testing/factories";
import { openTicket, staffWorld } from "@/server/testing/staff-helpers";
import { db } from "@/server/db/client";
import { secrets } from "@/server/secrets";
import { runAutoClose } from "./auto-close";
import { GET, POST } from "@/app/cron/auto_close/route";

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);

describe("auto-close", () => {
  it("is off by default", async () => {
    expect(await runAutoClose()).toMatchObject({ enabled: false, closed: 0 });
  });

  it("closes waiting tickets without a customer reply for N days", async () => {
    const w = await staffWorld();
    const waiting = await statusByKey("waiting");
    await setTicketSettings({ autoCloseDays: 7, autoCloseStatusId: waiting.id });
    const [old, recent, otherStatus] = [await openTicket(w.customer), await openTicket(w.customer), await openTicket(w.customer)];
    await db().ticket.updateMany({ where: { id: { in: [old, recent] } }, data: { statusId: waiting.id } });
    await db().ticket.updateMany({ where: { id: { in: [old, otherStatus] } }, data: { lastCustomerAt: daysAgo(8) } });
    await db().ticket.update({ where: { id: recent }, data: { lastCustomerAt: daysAgo(6) } });

    expect(await runAutoClose()).toMatchObject({ enabled: true, closed: 1, ticketIds: [old] });
    const closed = await statusByKey("closed");
    const t = await db().ticket.findUniqueOrThrow({ where: { id: old } });
    expect(t.statusId).toBe(closed.id);
    expect(t.closedAt).not.toBeNull();
    expect(await db().auditEvent.count({ where: { ticketId: old, type: "ticket.closed_auto" } })).toBe(1);
    expect(await db().outboxMail.count({ where: { ticketId: old, template: "ticket.closed" } })).toBe(1);
    expect((await db().ticket.findUniqueOrThrow({ where: { id: recent } })).statusId).toBe(waiting.id);
    // idempotent
    expect(await runAutoClose()).toMatchObject({ closed: 0 });
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
