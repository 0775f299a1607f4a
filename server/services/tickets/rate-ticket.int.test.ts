// ticket.rate: 1–5 with a comment, only by the customer, only when allowed and closed.
import { describe, it, expect } from "vitest";
import { callerFor } from "@/server/testing/caller";
import { makeActor, setTicketSettings } from "@/server/testing/factories";
import { customerWithTicket } from "@/server/testing/portal-helpers";
import { db } from "@/server/db/client";

describe("ticket.rate", () => {
  it("the owner rates a closed ticket; it shows on the ticket and in the history", async () => {
    const { actor, ticketId } = await customerWithTicket({ closed: true });
    expect((await callerFor(actor).ticket.byId({ id: ticketId })).permissions.canRate).toBe(true);
    await callerFor(actor).ticket.rate({ ticketId, rating: 5, comment: "Quick and kind" });
    const t = await callerFor(actor).ticket.byId({ id: ticketId });
    expect([t.rating, t.ratingComment]).toEqual([5, "Quick and kind"]);
    expect(await db().auditEvent.count({ where: { ticketId, type: "ticket.rated" } })).toBe(1);
  });

  it("an open ticket is NOT_CLOSED; RATING_DISABLED when off; staff and others cannot rate", async () => {
    const open = await customerWithTicket();
    await expect(callerFor(open.actor).ticket.rate({ ticketId: open.ticketId, rating: 4 })).rejects.toMatchObject({ code: "FORBIDDEN", cause: { reason: "NOT_CLOSED" } });
    const closed = await customerWithTicket({ closed: true });
    const { actor: agent } = await makeActor("AGENT");
    await expect(callerFor(agent).ticket.rate({ ticketId: closed.ticketId, rating: 4 })).rejects.toMatchObject({ code: "FORBIDDEN", cause: { reason: "NOT_OWNER" } });
    const { actor: other } = await makeActor("CUSTOMER");
    await expect(callerFor(other).ticket.rate({ ticketId: closed.ticketId, rating: 4 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await setTicketSettings({ allowRating: false });
    await expect(callerFor(closed.actor).ticket.rate({ ticketId: closed.ticketId, rating: 4 })).rejects.toMatchObject({ code: "FORBIDDEN", cause: { reason: "RATING_DISABLED" } });
    expect(await db().ticket.count({ where: { rating: { not: null } } })).toBe(0);
  });

  it("a rating of 0 or 6 is BAD_REQUEST", async () => {
    const { actor, ticketId } = await customerWithTicket({ closed: true });
    for (const rating of [0, 6]) await expect(callerFor(actor).ticket.rate({ ticketId, rating })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
