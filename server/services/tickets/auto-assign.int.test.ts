// Assignment rules per category (issue 16 point 2) through the real doors: round-robin and
// fewest-open among the category's available agents, away agents skipped, the rule saved
// through category.update; user.away / user.setAway change only the caller's own flag.
import { describe, it, expect } from "vitest";
import { db } from "@/server/db/client";
import { callerFor } from "@/server/testing/caller";
import { makeActor, firstCategoryId } from "@/server/testing/factories";

async function setup() {
  const [admin, customer] = [await makeActor("ADMIN"), await makeActor("CUSTOMER")];
  const agents = [await makeActor("AGENT"), await makeActor("AGENT"), await makeActor("AGENT")];
  const categoryId = await firstCategoryId();
  const open = async () => (await db().ticket.findUniqueOrThrow({ where: { id: (await callerFor(customer.actor).ticket.create({ title: "Help", body: "x", categoryId })).id } })).assigneeId;
  return { admin, customer, agents, categoryId, open };
}

describe("assignment rules", () => {
  it("round-robin takes turns among available agents and skips the away", async () => {
    const s = await setup();
    await callerFor(s.admin.actor).category.update({ id: s.categoryId, nameRu: "Общие", nameEn: "General", assignmentRule: "ROUND_ROBIN" });
    const [a, b, c] = s.agents.map((x) => x.user.id);
    expect([await s.open(), await s.open(), await s.open(), await s.open()]).toEqual([a, b, c, a]);
    await callerFor(s.agents[1]!.actor).user.setAway({ away: true });
    expect(await callerFor(s.agents[1]!.actor).user.away()).toEqual({ away: true });
    expect([await s.open(), await s.open()]).toEqual([c, a]);
    expect((await callerFor(s.admin.actor).category.list()).find((x) => x.id === s.categoryId)?.assignmentRule).toBe("ROUND_ROBIN");
  });

  it("fewest open counts only open tickets; team categories choose among team members", async () => {
    const s = await setup();
    const [a, b, c] = s.agents.map((x) => x.user.id);
    // a has two open, b one open and three closed, c nothing
    const closed = await db().status.findUniqueOrThrow({ where: { key: "closed" } });
    const mk = async (assigneeId: number, statusId?: number) => {
      const id = (await callerFor(s.customer.actor).ticket.create({ title: "Earlier ticket", body: "x", categoryId: s.categoryId })).id;
      await db().ticket.update({ where: { id }, data: { assigneeId, ...(statusId ? { statusId } : {}) } });
    };
    await mk(a!); await mk(a!); await mk(b!); for (let i = 0; i < 3; i++) await mk(b!, closed.id);
    await db().category.update({ where: { id: s.categoryId }, data: { assignmentRule: "FEWEST_OPEN" } });
    expect(await s.open()).toBe(c);
    expect(await s.open()).toBe(b); // b: 1, c: 1 now — ties take turns after c
    // a team owns the category: only its members are candidates
    await db().team.create({ data: { name: "Only A", members: { create: [{ userId: a! }] }, categories: { create: [{ categoryId: s.categoryId }] } } });
    expect(await s.open()).toBe(a);
  });

  it("nobody available: the ticket stays unassigned; NONE keeps the default assignee", async () => {
    const s = await setup();
    await db().category.update({ where: { id: s.categoryId }, data: { assignmentRule: "ROUND_ROBIN" } });
    await db().user.updateMany({ where: { id: { in: s.agents.map((x) => x.user.id) } }, data: { away: true } });
    expect(await s.open()).toBeNull();
    await db().category.update({ where: { id: s.categoryId }, data: { assignmentRule: "NONE", defaultAssigneeId: s.agents[0]!.user.id } });
    expect(await s.open()).toBe(s.agents[0]!.user.id);
  });
});
