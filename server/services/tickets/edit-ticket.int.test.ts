// ticket.update: edit own ticket (allowTicketEdit), every change kept in the history.
import { describe, it, expect } from "vitest";
import { callerFor } from "@/server/testing/caller";
import { makeActor, setTicketSettings } from "@/server/testing/factories";
import { customerWithTicket, guestActor } from "@/server/testing/portal-helpers";
import { db } from "@/server/db/client";

describe("ticket.update", () => {
  it("the owner edits title, category and body; the history keeps old and new values", async () => {
    const { actor, ticketId } = await customerWithTicket();
    await db().category.create({ data: { nameRu: "Оплата", nameEn: "Billing", sortOrder: 20 } });
    const cats = await db().category.findMany({ orderBy: { id: "asc" } });
    const before = await db().ticket.findUniqueOrThrow({ where: { id: ticketId } });
    const r = await callerFor(actor).ticket.update({ ticketId, title: "Printer fixed itself?", body: "Now it prints *grey* pages.", categoryId: cats[1]!.id });
    expect(r.changed.sort()).toEqual(["body", "categoryId", "title"]);
    const after = await callerFor(actor).ticket.byId({ id: ticketId });
    expect(after.title).toBe("Printer fixed itself?");
    expect(after.bodyHtml).toContain("<em>grey</em>");
    expect(after.category.id).toBe(cats[1]!.id);
    const ev = await db().auditEvent.findFirstOrThrow({ where: { ticketId, type: "ticket.edited" } });
    expect(ev.data).toEqual({
      changes: {
        title: { from: before.title, to: "Printer fixed itself?" },
        body: { from: before.body, to: "Now it prints *grey* pages." },
        categoryId: { from: before.categoryId, to: cats[1]!.id },
      },
    });
  });

  it("EDIT_DISABLED when the setting is off; nothing changes", async () => {
    const { actor, ticketId } = await customerWithTicket();
    await setTicketSettings({ allowTicketEdit: false });
    await expect(callerFor(actor).ticket.update({ ticketId, title: "Another title" })).rejects.toMatchObject({ code: "FORBIDDEN", cause: { reason: "EDIT_DISABLED" } });
    expect((await db().ticket.findUniqueOrThrow({ where: { id: ticketId } })).title).toBe("My printer is broken");
    expect(await db().auditEvent.count({ where: { type: "ticket.edited" } })).toBe(0);
    expect((await callerFor(actor).ticket.byId({ id: ticketId })).permissions.canEdit).toBe(false);
  });

  it("someone else's ticket is NOT_FOUND; a closed one is TICKET_CLOSED; a guest with the link may edit", async () => {
    const { actor, user, ticketId } = await customerWithTicket();
    const { actor: other } = await makeActor("CUSTOMER");
    await expect(callerFor(other).ticket.update({ ticketId, title: "Hijacked title" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await callerFor(guestActor(user.id, ticketId)).ticket.update({ ticketId, title: "Edited by link" });
    const closed = await customerWithTicket({ closed: true });
    await expect(callerFor(closed.actor).ticket.update({ ticketId: closed.ticketId, title: "Too late now" })).rejects.toMatchObject({ code: "FORBIDDEN", cause: { reason: "TICKET_CLOSED" } });
    expect(actor.kind).toBe("user");
  });

  it("bad input: an empty title or unknown category is BAD_REQUEST and nothing is half-saved", async () => {
    const { actor, ticketId } = await customerWithTicket();
    await expect(callerFor(actor).ticket.update({ ticketId, title: "" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const err = await callerFor(actor).ticket.update({ ticketId, title: "Valid new title", categoryId: 99999 }).catch((e) => e);
    expect(err.cause.reason).toBe("UNKNOWN_CATEGORY");
    expect((await db().ticket.findUniqueOrThrow({ where: { id: ticketId } })).title).toBe("My printer is broken");
  });
});
