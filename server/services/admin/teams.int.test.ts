// team.* procedures: an admin creates, edits and deletes teams; members must be staff, names
// unique; the agent's scope follows the saved links at once.
import { describe, it, expect } from "vitest";
import { db } from "@/server/db/client";
import { callerFor } from "@/server/testing/caller";
import { makeActor, firstCategoryId } from "@/server/testing/factories";

describe("teams", () => {
  it("save, list, rename, delete; the agent's queue follows", async () => {
    const [admin, agent, customer] = [await makeActor("ADMIN"), await makeActor("AGENT"), await makeActor("CUSTOMER")];
    const api = callerFor(admin.actor);
    const catA = await firstCategoryId();
    const catB = (await db().category.create({ data: { nameRu: "Б", nameEn: "B", sortOrder: 50 } })).id;
    const tB = (await callerFor(customer.actor).ticket.create({ title: "In B", body: "x", categoryId: catB })).id;
    const visible = async () => (await callerFor(agent.actor).ticket.list({ limit: 10 })).items.map((t) => t.id);
    expect(await visible()).toEqual([tB]); // no teams: everything is open

    const { id } = await api.team.save({ name: "First line", memberIds: [agent.user.id, agent.user.id], categoryIds: [catA] });
    await api.team.save({ name: "Billing", memberIds: [], categoryIds: [catB] });
    expect(await visible()).toEqual([]); // B belongs to a team the agent is not in
    expect(await api.team.list()).toMatchObject([
      { name: "Billing", members: [], categories: [{ id: catB, name: { en: "B" } }] },
      { id, name: "First line", members: [{ id: agent.user.id }], categories: [{ id: catA }] },
    ]);

    await api.team.save({ id, name: "First line", memberIds: [agent.user.id], categoryIds: [catA, catB] });
    expect(await visible()).toEqual([tB]);

    await expect(api.team.save({ name: "Billing", memberIds: [], categoryIds: [] })).rejects.toMatchObject({ code: "CONFLICT", cause: { reason: "TEAM_NAME_TAKEN" } });
    await expect(api.team.save({ name: "Customers", memberIds: [customer.user.id], categoryIds: [] })).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { reason: "UNKNOWN_MEMBER" } });
    await expect(api.team.save({ name: "Ghost", memberIds: [], categoryIds: [999_999] })).rejects.toMatchObject({ cause: { reason: "UNKNOWN_CATEGORY" } });

    await api.team.delete({ id });
    expect(await db().teamMember.count({ where: { teamId: id } })).toBe(0);
    expect(await visible()).toEqual([]); // B is still Billing's only
    await expect(api.team.delete({ id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("managers get every ticket but no team or settings procedure", async () => {
    const manager = await makeActor("MANAGER");
    await expect(callerFor(manager.actor).team.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(manager.actor).settings.get({ group: "tickets" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(manager.actor).ticket.counts()).resolves.toMatchObject({ all: 0 });
  });
});
