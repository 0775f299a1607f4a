// view.* (issue 16.4): an agent saves, renames, pins, reorders and deletes views; admins and
// managers share them with teams; a shared view's list and badge follow the VIEWER's scope.
import { describe, it, expect } from "vitest";
import { db } from "@/server/db/client";
import { callerFor } from "@/server/testing/caller";
import { makeActor, firstCategoryId } from "@/server/testing/factories";
import { VIEW_COUNT_CAP } from "@/server/domain/views/saved-view";

async function world() {
  const [admin, agent, other, customer] = [await makeActor("ADMIN"), await makeActor("AGENT"), await makeActor("AGENT"), await makeActor("CUSTOMER")];
  const catA = await firstCategoryId();
  const catB = (await db().category.create({ data: { nameRu: "Б", nameEn: "Billing", sortOrder: 50 } })).id;
  const team = await db().team.create({ data: { name: "First line", members: { create: [{ userId: agent.user.id }] }, categories: { create: [{ categoryId: catA }] } } });
  await db().team.create({ data: { name: "Billing", members: { create: [{ userId: other.user.id }] }, categories: { create: [{ categoryId: catB }] } } });
  const c = callerFor(customer.actor);
  const inA = (await c.ticket.create({ title: "Printer in A", body: "x", categoryId: catA })).id;
  const inB = (await c.ticket.create({ title: "Invoice in B", body: "x", categoryId: catB })).id;
  return { admin, agent, other, team, catA, catB, inA, inB };
}

describe("saved views", () => {
  it("save, list, rename, pin, reorder, delete — one's own", async () => {
    const { agent } = await world();
    const api = callerFor(agent.actor);
    const a = await api.view.create({ name: "Mine", params: { status: "open", assignee: "me" } });
    const b = await api.view.create({ name: "Everything", params: { status: "all", assignee: "any", sort: "priority" } });
    const c = await api.view.create({ name: "Later", params: { status: "open", assignee: "any" }, pinned: false });
    let list = (await api.view.list()).items;
    expect(list.map((v) => [v.name, v.pinned])).toEqual([["Mine", true], ["Everything", true], ["Later", false]]);
    expect(list[1]).toMatchObject({ params: { status: "all", sort: "priority" }, mine: true, canEdit: true });

    await api.view.reorder({ ids: [b.id, a.id] });
    await api.view.update({ id: a.id, name: "Assigned to me" });
    await api.view.pin({ id: c.id, pinned: true });
    await api.view.pin({ id: b.id, pinned: false });
    list = (await api.view.list()).items;
    expect(list.map((v) => [v.name, v.pinned])).toEqual([["Assigned to me", true], ["Later", true], ["Everything", false]]);

    await api.view.delete({ id: a.id });
    expect((await api.view.list()).items.map((v) => v.id)).toEqual([c.id, b.id]);
    expect(await db().savedViewPin.count({ where: { viewId: a.id } })).toBe(0);
    await expect(api.view.update({ id: a.id, name: "x" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("another agent's view does not exist for me; agents cannot share", async () => {
    const { agent, other, team } = await world();
    const v = await callerFor(other.actor).view.create({ name: "Private", params: { status: "open", assignee: "any" } });
    const api = callerFor(agent.actor);
    expect((await api.view.list()).items).toEqual([]);
    for (const call of [() => api.view.pin({ id: v.id, pinned: true }), () => api.view.delete({ id: v.id }), () => api.view.reorder({ ids: [v.id] })]) {
      await expect(call()).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    await expect(api.view.create({ name: "Team", params: { status: "open", assignee: "any" }, teamIds: [team.id] })).rejects.toMatchObject({ code: "FORBIDDEN", cause: { reason: "SHARE_NOT_ALLOWED" } });
    await expect(api.view.create({ name: "  ", params: { status: "open", assignee: "any" } })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("a shared view: team members see and pin it, cannot edit it; its tickets and badge follow the viewer's scope", async () => {
    const { admin, agent, other, team, inA, inB } = await world();
    const shared = await callerFor(admin.actor).view.create({ name: "All open", params: { status: "open", assignee: "any" }, teamIds: [team.id] });
    expect(await callerFor(admin.actor).view.counts()).toEqual({ [shared.id]: 2 }); // the admin sees A and B

    const api = callerFor(agent.actor);
    const [item] = (await api.view.list()).items;
    expect(item).toMatchObject({ id: shared.id, mine: false, canEdit: false, pinned: false, teamIds: [team.id] });
    expect((await api.view.list()).shareTeams).toEqual([]); // agents get no team list
    await expect(api.view.update({ id: shared.id, name: "Mine now" })).rejects.toMatchObject({ code: "FORBIDDEN", cause: { reason: "VIEW_NOT_YOURS" } });
    await api.view.pin({ id: shared.id, pinned: true });
    // the agent's scope, not the admin's: only the ticket in A
    expect(await api.view.counts()).toEqual({ [shared.id]: 1 });
    const listed = await api.ticket.list({ limit: 10, open: true });
    expect(listed.items.map((t) => t.id)).toEqual([inA]);
    expect(listed.items.map((t) => t.id)).not.toContain(inB);

    // outside the team: not listed, not pinnable
    await expect(callerFor(other.actor).view.pin({ id: shared.id, pinned: true })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // unshared: it leaves the agent's list and badges
    await callerFor(admin.actor).view.update({ id: shared.id, teamIds: [] });
    expect((await api.view.list()).items).toEqual([]);
    expect(await api.view.counts()).toEqual({});
  });

  it("a manager shares too; \"me\" in a shared view is the viewer", async () => {
    const { agent, team, inA } = await world();
    const manager = await makeActor("MANAGER");
    const v = await callerFor(manager.actor).view.create({ name: "Mine", params: { status: "open", assignee: "me" }, teamIds: [team.id] });
    const api = callerFor(agent.actor);
    await api.view.pin({ id: v.id, pinned: true });
    expect(await api.view.counts()).toEqual({ [v.id]: 0 });
    await db().ticket.update({ where: { id: inA }, data: { assigneeId: agent.user.id } });
    expect(await api.view.counts()).toEqual({ [v.id]: 1 });
  });

  it("badges stop at the cap", async () => {
    const { agent, inA } = await world();
    await db().$executeRaw`INSERT INTO tickets (title, body, body_html, category_id, status_id, requester_id, priority_id, updated_at)
      SELECT 'bulk', t.body, t.body_html, t.category_id, t.status_id, t.requester_id, t.priority_id, now()
        FROM tickets t, generate_series(1, ${VIEW_COUNT_CAP + 5}) WHERE t.id = ${inA}`;
    const v = await callerFor(agent.actor).view.create({ name: "All", params: { status: "all", assignee: "any" } });
    expect(await callerFor(agent.actor).view.counts()).toEqual({ [v.id]: VIEW_COUNT_CAP });
  });
});
