// The foundation's vertical slice through the real procedures and a real PostgreSQL:
// a customer opens a ticket, sees it in "My tickets"; an agent sees it in the queue and
// replies; the customer sees the reply. Plus the refusals that guard it.
import { describe, it, expect } from "vitest";
import { callerFor } from "@/server/testing/caller";
import { makeActor, firstCategoryId } from "@/server/testing/factories";
import { db } from "@/server/db/client";

describe("ticket vertical slice", () => {
  it("customer creates, agent replies, customer sees the reply", async () => {
    const { actor: customer } = await makeActor("CUSTOMER");
    const { actor: agent } = await makeActor("AGENT");
    const categoryId = await firstCategoryId();

    const created = await callerFor(customer).ticket.create({ title: "Printer is on fire", body: "It **smokes**.", categoryId });
    expect(created.number).toBeGreaterThan(0);

    const mine = await callerFor(customer).ticket.list({ limit: 10 });
    expect(mine.items.map((t) => t.id)).toEqual([created.id]);
    expect(mine.items[0]!.status.name.en).toBe("New");

    const queue = await callerFor(agent).ticket.list({ limit: 10 });
    expect(queue.items.map((t) => t.id)).toContain(created.id);

    await callerFor(agent).ticket.reply({ ticketId: created.id, body: "We are on it." });
    const seen = await callerFor(customer).ticket.byId({ id: created.id });
    expect(seen.bodyHtml).toContain("<strong>smokes</strong>");
    expect(seen.messages.map((m) => m.bodyText)).toEqual(["We are on it."]);
    expect(seen.messages[0]!.author.isStaff).toBe(true);

    const history = await db().auditEvent.findMany({ where: { ticketId: created.id }, orderBy: { id: "asc" } });
    expect(history.map((h) => h.type)).toEqual(["ticket.created", "ticket.replied"]);
    // the acknowledgement and the staff reply are in the outbox (plus the agent's new-ticket notice)
    const outbox = await db().outboxMail.findMany({ where: { ticketId: created.id }, orderBy: { id: "asc" } });
    expect(outbox.filter((o) => !o.template.startsWith("staff.")).map((o) => o.template)).toEqual(["ticket.created", "reply.staff"]);
    expect(outbox.filter((o) => o.template.startsWith("staff.")).map((o) => o.template)).toEqual(["staff.new-ticket"]);
  });

  it("another customer cannot read or reply: NOT_FOUND, and nothing is written", async () => {
    const { actor: a } = await makeActor("CUSTOMER");
    const { actor: b } = await makeActor("CUSTOMER");
    const t = await callerFor(a).ticket.create({ title: "Private matter", body: "secret", categoryId: await firstCategoryId() });
    await expect(callerFor(b).ticket.byId({ id: t.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(b).ticket.reply({ ticketId: t.id, body: "hi" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db().message.count()).toBe(0);
    expect((await callerFor(b).ticket.list({ limit: 10 })).items).toEqual([]);
  });

  it("anonymous callers are refused with UNAUTHORIZED", async () => {
    await expect(callerFor().ticket.create({ title: "Hello there", body: "x", categoryId: 1 })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(callerFor().ticket.list({ limit: 5 })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("invalid input answers BAD_REQUEST with field errors and saves nothing", async () => {
    const { actor } = await makeActor("CUSTOMER");
    const err = await callerFor(actor).ticket.create({ title: "", body: "", categoryId: await firstCategoryId() }).catch((e) => e);
    expect(err.code).toBe("BAD_REQUEST");
    const unknownCategory = await callerFor(actor).ticket.create({ title: "Valid title", body: "body", categoryId: 99999 }).catch((e) => e);
    expect(unknownCategory.code).toBe("BAD_REQUEST");
    expect(unknownCategory.cause?.reason).toBe("UNKNOWN_CATEGORY");
    expect(await db().ticket.count()).toBe(0);
  });

  it("keyset pagination walks every ticket once", async () => {
    const { actor } = await makeActor("CUSTOMER");
    const categoryId = await firstCategoryId();
    for (let i = 0; i < 7; i++) await callerFor(actor).ticket.create({ title: `Ticket number ${i}`, body: "b", categoryId });
    const seen: number[] = [];
    let cursor: string | null | undefined = undefined;
    do {
      const page: { items: { id: number }[]; nextCursor: string | null } = await callerFor(actor).ticket.list({ limit: 3, cursor });
      seen.push(...page.items.map((t) => t.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});
