// Issue 15.1 against the real database: priority.* (admin), ticket.setPriority (staff), the
// priority of new tickets (default, staff, customers per setting), the queue's filter, sort
// (keyset pages) and urgent badge, meta.priorities.
import { describe, it, expect } from "vitest";
import { callerFor } from "@/server/testing/caller";
import { firstCategoryId, setTicketSettings } from "@/server/testing/factories";
import { openTicket, staffWorld, versionOf } from "@/server/testing/staff-helpers";
import { db } from "@/server/db/client";

const byKey = (key: string) => db().priority.findUniqueOrThrow({ where: { key } });

describe("priority.* (admin)", () => {
  it("creates, renames, reorders, sets the default; deleting one in use moves its tickets", async () => {
    const w = await staffWorld();
    const api = callerFor(w.admin);
    const p = await api.priority.create({ nameRu: "Критичный", nameEn: "Critical", color: "#7f1d1d", isUrgent: true });
    await api.priority.update({ id: p.id, nameRu: "Блокер", nameEn: "Blocker", color: "#991b1b", isUrgent: true });
    expect((await api.priority.list()).find((x) => x.id === p.id)).toMatchObject({ name: { ru: "Блокер", en: "Blocker" }, color: "#991b1b", isUrgent: true, ticketCount: 0 });
    expect((await callerFor().meta.priorities()).map((x) => x.name.en)).toEqual(["Low", "Normal", "High", "Urgent", "Blocker"]);

    await api.priority.setDefault({ id: p.id });
    const id = await openTicket(w.customer); // the new default, through the database default
    expect((await db().ticket.findUniqueOrThrow({ where: { id } })).priorityId).toBe(p.id);
    await expect(api.priority.delete({ id: p.id })).rejects.toMatchObject({ code: "CONFLICT" }); // the default
    const normal = await byKey("normal");
    await api.priority.setDefault({ id: normal.id });
    await expect(api.priority.delete({ id: p.id })).rejects.toMatchObject({ code: "CONFLICT", message: "PRIORITY_IN_USE" });
    expect(await api.priority.delete({ id: p.id, intoId: normal.id })).toEqual({ moved: 1 });
    expect((await db().ticket.findUniqueOrThrow({ where: { id } })).priorityId).toBe(normal.id);
    expect(await db().auditEvent.count({ where: { ticketId: id, type: "ticket.priority" } })).toBe(1);

    const urgent = await byKey("urgent");
    await api.priority.reorder({ ids: [urgent.id, normal.id, (await byKey("low")).id, (await byKey("high")).id] });
    expect((await api.priority.list())[0]!.id).toBe(urgent.id);
  });

  it("lists for agents; refuses changes by agents and anything by customers", async () => {
    const w = await staffWorld();
    expect(await callerFor(w.agent).priority.list()).toHaveLength(4);
    await expect(callerFor(w.agent).priority.create({ nameRu: "x", nameEn: "x", color: "#000000", isUrgent: false })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(w.customer).priority.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("ticket priority", () => {
  it("staff set it (with history and version); customers only when the setting allows", async () => {
    const w = await staffWorld();
    const high = await byKey("high");
    const id = await openTicket(w.customer);
    expect((await callerFor(w.customer).ticket.byId({ id })).priority.name.en).toBe("Normal");
    const r = await callerFor(w.agent).ticket.setPriority({ ticketId: id, version: await versionOf(id), priorityId: high.id });
    expect(r.version).toBe(1);
    await expect(callerFor(w.agent).ticket.setPriority({ ticketId: id, version: 0, priorityId: high.id })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(callerFor(w.customer).ticket.setPriority({ ticketId: id, version: 1, priorityId: high.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const hist = await callerFor(w.agent).ticket.history({ ticketId: id });
    expect(hist.find((e) => e.type === "ticket.priority")).toMatchObject({ from: { en: "Normal" }, to: { en: "High" } });

    const categoryId = await firstCategoryId();
    const create = () => callerFor(w.customer).ticket.create({ title: "Site down", body: "All pages fail", categoryId, priorityId: high.id });
    await expect(create()).rejects.toMatchObject({ code: "FORBIDDEN", message: "PRIORITY_NOT_ALLOWED" });
    await setTicketSettings({ customerSetsPriority: true });
    expect((await callerFor(w.customer).meta.portal()).canSetPriority).toBe(true);
    const t = await create();
    expect((await db().ticket.findUniqueOrThrow({ where: { id: t.id } })).priorityId).toBe(high.id);
    await expect(callerFor(w.customer).ticket.create({ title: "Site down", body: "x", categoryId, priorityId: 999 })).rejects.toMatchObject({ code: "BAD_REQUEST", message: "UNKNOWN_PRIORITY" });
  });

  it("the queue filters by priority, sorts most urgent first across keyset pages, and counts open urgent tickets", async () => {
    const w = await staffWorld();
    const [low, high, urgent] = await Promise.all([byKey("low"), byKey("high"), byKey("urgent")]);
    const ids: number[] = [];
    for (const p of [low, urgent, null, high, urgent]) {
      const id = await openTicket(w.customer, { title: `Ticket ${ids.length}` });
      if (p) await callerFor(w.agent).ticket.setPriority({ ticketId: id, version: await versionOf(id), priorityId: p.id });
      ids.push(id);
    }
    const api = callerFor(w.agent);
    expect((await api.ticket.list({ limit: 25, priorityId: urgent.id })).items.map((t) => t.id).sort()).toEqual([ids[1], ids[4]].sort());
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof api.ticket.list>> = await api.ticket.list({ limit: 2, sort: "priority", cursor });
      seen.push(...page.items.map((t) => `${t.priority.name.en}:${t.id}`));
      cursor = page.nextCursor;
    } while (cursor);
    // urgent (newest activity first), high, normal, low
    expect(seen).toEqual([`Urgent:${ids[4]}`, `Urgent:${ids[1]}`, `High:${ids[3]}`, `Normal:${ids[2]}`, `Low:${ids[0]}`]);
    expect((await api.ticket.counts()).urgent).toBe(2);
  });
});
