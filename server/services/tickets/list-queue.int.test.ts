// ticket.list (staff) and ticket.counts against the real PostgreSQL: keyset pages, filters,
// full-text search over title, body and replies (Russian stemming), and the refusals.
import { describe, it, expect } from "vitest";
import { callerFor } from "@/server/testing/caller";
import { statusByKey } from "@/server/testing/factories";
import { openTicket, staffWorld } from "@/server/testing/staff-helpers";
import { db } from "@/server/db/client";

describe("ticket.list (staff queue)", () => {
  it("pages by last activity with a cursor and no duplicates", async () => {
    const w = await staffWorld();
    const ids: number[] = [];
    for (let i = 0; i < 7; i++) ids.push(await openTicket(w.customer, { title: `Ticket number ${i}` }));
    // same timestamp for several rows: the id breaks ties
    await db().ticket.updateMany({ where: { id: { in: ids.slice(0, 4) } }, data: { lastActivityAt: new Date("2026-01-01T00:00:00Z") } });
    const seen: number[] = [];
    let cursor: string | null | undefined = undefined;
    do {
      const page: { items: { id: number }[]; nextCursor: string | null } = await callerFor(w.agent).ticket.list({ limit: 3, cursor });
      seen.push(...page.items.map((t) => t.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    expect(seen.slice(-4)).toEqual([...ids.slice(0, 4)].reverse());
  });

  it("filters by status, open, category, assignee, requester and date range", async () => {
    const w = await staffWorld();
    const a = await openTicket(w.customer, { title: "Alpha ticket" });
    const b = await openTicket(w.customer, { title: "Beta ticket" });
    const closed = await statusByKey("closed");
    await db().ticket.update({ where: { id: b }, data: { statusId: closed.id, assigneeId: w.agentUser.id, createdAt: new Date("2025-01-01T00:00:00Z") } });
    const list = async (f: Record<string, unknown>) => (await callerFor(w.agent).ticket.list({ limit: 50, ...f })).items.map((t) => t.id).sort();
    expect(await list({ open: true })).toEqual([a]);
    expect(await list({ statusId: closed.id })).toEqual([b]);
    expect(await list({ assignee: "me" })).toEqual([b]);
    expect(await list({ assignee: "unassigned" })).toEqual([a]);
    expect(await list({ requester: w.customerUser.email.toUpperCase() })).toEqual([a, b].sort());
    expect(await list({ requester: "nobody@example.test" })).toEqual([]);
    expect(await list({ from: new Date("2026-01-01T00:00:00Z") })).toEqual([a]);
    expect(await list({ to: new Date("2025-06-01T00:00:00Z") })).toEqual([b]);
  });

  it("searches title, body and replies with Russian stemming", async () => {
    const w = await staffWorld();
    const t1 = await openTicket(w.customer, { title: "Не работает принтер", body: "Печатает пустые листы" });
    const t2 = await openTicket(w.customer, { title: "VPN question", body: "How do I connect?" });
    await callerFor(w.agent).ticket.reply({ ticketId: t2, body: "Установите клиент для подключения" });
    const search = async (q: string) => (await callerFor(w.agent).ticket.list({ limit: 50, search: q })).items.map((t) => t.id);
    expect(await search("принтеры")).toEqual([t1]);
    expect(await search("пустой лист")).toEqual([t1]);
    expect(await search("клиента")).toEqual([t2]);
    expect(await search("connecting")).toEqual([t2]);
    expect(await search(`#${t2}`)).toEqual([t2]);
    expect(await search("кофеварка")).toEqual([]);
  });
});

describe("ticket.counts", () => {
  it("counts per status, open, mine and unassigned", async () => {
    const w = await staffWorld();
    const a = await openTicket(w.customer);
    await openTicket(w.customer);
    await db().ticket.update({ where: { id: a }, data: { assigneeId: w.agentUser.id } });
    const c = await callerFor(w.agent).ticket.counts();
    const neu = await statusByKey("new");
    expect(c.byStatus[neu.id]).toBe(2);
    expect(c).toMatchObject({ open: 2, all: 2, mine: 1, unassigned: 1 });
  });

  it("refuses customers", async () => {
    const w = await staffWorld();
    await expect(callerFor(w.customer).ticket.counts()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
