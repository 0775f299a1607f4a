// ticket.reply under the settings: no replies after close, and the automatic status in both
// directions (statusOnStaffReply / statusOnClientReply).
import { describe, it, expect } from "vitest";
import { callerFor } from "@/server/testing/caller";
import { makeActor, setTicketSettings, statusByKey } from "@/server/testing/factories";
import { customerWithTicket } from "@/server/testing/portal-helpers";
import { db } from "@/server/db/client";

describe("ticket.reply and the ticket settings", () => {
  it("REPLIES_CLOSED for the customer on a closed ticket; staff still may; nothing half-saved", async () => {
    const { actor, ticketId } = await customerWithTicket({ closed: true });
    await expect(callerFor(actor).ticket.reply({ ticketId, body: "One more thing" })).rejects.toMatchObject({ code: "FORBIDDEN", cause: { reason: "REPLIES_CLOSED" } });
    expect(await db().message.count()).toBe(0);
    const dto = await callerFor(actor).ticket.byId({ id: ticketId });
    expect(dto.permissions).toMatchObject({ canReply: false, replyBlockedReason: "REPLIES_CLOSED" });
    const { actor: agent } = await makeActor("AGENT");
    await callerFor(agent).ticket.reply({ ticketId, body: "Staff can still write" });
  });

  it("with noRepliesAfterClose off the customer may reply to a closed ticket", async () => {
    await setTicketSettings({ noRepliesAfterClose: false });
    const { actor, ticketId } = await customerWithTicket({ closed: true });
    await callerFor(actor).ticket.reply({ ticketId, body: "Still broken" });
    expect(await db().message.count({ where: { ticketId } })).toBe(1);
  });

  it("auto-status both ways: staff reply → waiting, customer reply → in progress; 'none' leaves it", async () => {
    const waiting = await statusByKey("waiting");
    const inProgress = await statusByKey("in_progress");
    const { actor, ticketId } = await customerWithTicket();
    const { actor: agent } = await makeActor("AGENT");
    const newStatusId = (await db().ticket.findUniqueOrThrow({ where: { id: ticketId } })).statusId;

    await callerFor(agent).ticket.reply({ ticketId, body: "Untouched status" });
    expect((await db().ticket.findUniqueOrThrow({ where: { id: ticketId } })).statusId).toBe(newStatusId);

    await setTicketSettings({ statusOnStaffReply: waiting.id, statusOnClientReply: inProgress.id });
    await callerFor(agent).ticket.reply({ ticketId, body: "Please try again" });
    expect((await db().ticket.findUniqueOrThrow({ where: { id: ticketId } })).statusId).toBe(waiting.id);
    await callerFor(actor).ticket.reply({ ticketId, body: "Tried, still broken" });
    expect((await db().ticket.findUniqueOrThrow({ where: { id: ticketId } })).statusId).toBe(inProgress.id);
    const auto = await db().auditEvent.findMany({ where: { ticketId, type: "ticket.status" }, orderBy: { id: "asc" } });
    expect(auto.map((e) => (e.data as { to: number }).to)).toEqual([waiting.id, inProgress.id]);
  });
});
