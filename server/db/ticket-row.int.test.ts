// The plain-SQL ticket row (server/db/sql/ticket-row.ts) must be exactly what Prisma's model
// calls return: a column added to the model and forgotten there fails here, not in a service.
import { describe, it, expect } from "vitest";
import { db } from "@/server/db/client";
import { lockAndLoadTicket } from "@/server/db/lock-ticket";
import { insertTicket } from "@/server/services/tickets/create-ticket";
import { loadSettings } from "@/server/platform/settings/settings-store";
import { makeActor, firstCategoryId } from "@/server/testing/factories";

describe("ticket row in plain SQL", () => {
  it("insertTicket and lockAndLoadTicket answer the same object as the model calls", async () => {
    const { actor, user } = await makeActor("CUSTOMER");
    const { user: agent } = await makeActor("AGENT");
    const settings = await loadSettings("tickets");
    await expect(db().$transaction((tx) => insertTicket(tx, actor, { title: "Row shape", body: "x", categoryId: -1 }, user.id, settings))).rejects.toThrow(/UNKNOWN_CATEGORY/);
    const categoryId = await firstCategoryId();
    const t = await db().$transaction((tx) => insertTicket(tx, actor, { title: "Row shape", body: "**bold** text", categoryId }, user.id, settings));
    expect(t).toEqual(await db().ticket.findUniqueOrThrow({ where: { id: t.id } }));
    // every nullable column with a value, so none is compared only as null
    await db().ticket.update({
      where: { id: t.id },
      data: { assigneeId: agent.id, rating: 5, ratingComment: "спасибо", ratedAt: new Date(), firstResponseAt: new Date(), closedAt: new Date(),
        lastStaffReplyAt: new Date(), autoCloseRemindedAt: new Date(), customFields: { "1": "x" } },
    });
    const locked = await db().$transaction((tx) => lockAndLoadTicket(tx, t.id));
    expect(locked).toEqual(await db().ticket.findUnique({ where: { id: t.id }, include: { status: true } }));
    expect(await db().$transaction((tx) => lockAndLoadTicket(tx, 2_000_000_000))).toBeNull();
  });
});
