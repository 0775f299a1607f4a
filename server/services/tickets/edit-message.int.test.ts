// ticket.editMessage / ticket.deleteMessage (issue 15.8): staff change or delete their own reply
// within replyEditMinutes; the original is in the history; no mail goes out again; another
// agent's reply, a mail-born message, a passed window and a customer are refused.
import { describe, it, expect } from "vitest";
import { callerFor } from "@/server/testing/caller";
import { setTicketSettings } from "@/server/testing/factories";
import { openTicket, staffWorld } from "@/server/testing/staff-helpers";
import { db } from "@/server/db/client";

async function replied() {
  const w = await staffWorld();
  const id = await openTicket(w.customer);
  const r = await callerFor(w.agent).ticket.reply({ ticketId: id, body: "Your order ships on Mondya." });
  return { w, id, messageId: r.id };
}

describe("ticket.editMessage", () => {
  it("the author edits within the window: new text and 'edited' in the thread, the original in the history, no new mail", async () => {
    const { w, id, messageId } = await replied();
    const mailsBefore = await db().outboxMail.count({ where: { ticketId: id } });
    const r = await callerFor(w.agent).ticket.editMessage({ messageId, body: "Your order ships on **Monday**." });
    expect(r.id).toBe(messageId);
    const seen = await callerFor(w.customer).ticket.byId({ id });
    expect(seen.messages[0]).toMatchObject({ bodyText: "Your order ships on **Monday**.", canEdit: false });
    expect(seen.messages[0]!.bodyHtml).toContain("<strong>Monday</strong>");
    expect(seen.messages[0]!.editedAt).toBeInstanceOf(Date);
    expect((await callerFor(w.agent).ticket.byId({ id })).messages[0]!.canEdit).toBe(true);
    expect((await callerFor(w.admin).ticket.byId({ id })).messages[0]!.canEdit).toBe(false);
    const history = await callerFor(w.agent).ticket.history({ ticketId: id });
    expect(history.find((h) => h.type === "message.edited")).toMatchObject({ original: "Your order ships on Mondya.", actor: { id: w.agentUser.id } });
    expect(await db().outboxMail.count({ where: { ticketId: id } })).toBe(mailsBefore);
  });

  it("refuses another agent's reply, a customer, a mail-born message, and after the window (0 turns it off)", async () => {
    const { w, id, messageId } = await replied();
    await expect(callerFor(w.admin).ticket.editMessage({ messageId, body: "Hijacked" })).rejects.toMatchObject({ code: "FORBIDDEN", message: "NOT_AUTHOR" });
    await expect(callerFor(w.customer).ticket.editMessage({ messageId, body: "Hijacked" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const mail = await db().message.create({ data: { ticketId: id, authorId: w.agentUser.id, source: "EMAIL", bodyText: "by mail", bodyHtml: "<p>by mail</p>" } });
    await expect(callerFor(w.agent).ticket.editMessage({ messageId: mail.id, body: "x" })).rejects.toMatchObject({ code: "FORBIDDEN", message: "NOT_EDITABLE" });
    await db().message.update({ where: { id: messageId }, data: { createdAt: new Date(Date.now() - 16 * 60_000) } });
    await expect(callerFor(w.agent).ticket.editMessage({ messageId, body: "Late" })).rejects.toMatchObject({ code: "FORBIDDEN", message: "EDIT_WINDOW_PASSED" });
    await setTicketSettings({ replyEditMinutes: 0 });
    await db().message.update({ where: { id: messageId }, data: { createdAt: new Date() } });
    await expect(callerFor(w.agent).ticket.editMessage({ messageId, body: "Off" })).rejects.toMatchObject({ code: "FORBIDDEN", message: "REPLY_EDIT_DISABLED" });
    expect((await db().message.findUniqueOrThrow({ where: { id: messageId } })).bodyText).toBe("Your order ships on Mondya.");
    await expect(callerFor(w.agent).ticket.editMessage({ messageId: 999_999, body: "x" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("ticket.deleteMessage", () => {
  it("the author deletes: gone from the thread for everyone, the original in the history, no mail", async () => {
    const { w, id, messageId } = await replied();
    const note = await callerFor(w.agent).ticket.addNote({ ticketId: id, body: "Wrong ticket, sorry" });
    const mailsBefore = await db().outboxMail.count({ where: { ticketId: id } });
    await callerFor(w.agent).ticket.deleteMessage({ messageId });
    await callerFor(w.agent).ticket.deleteMessage({ messageId: note.id });
    expect((await callerFor(w.customer).ticket.byId({ id })).messages).toEqual([]);
    expect((await callerFor(w.agent).ticket.byId({ id })).messages).toEqual([]);
    const history = await callerFor(w.agent).ticket.history({ ticketId: id });
    expect(history.filter((h) => h.type === "message.deleted").map((h) => h.original)).toEqual(["Your order ships on Mondya.", "Wrong ticket, sorry"]);
    expect(await db().outboxMail.count({ where: { ticketId: id } })).toBe(mailsBefore);
    // deleted once is deleted: a second call finds nothing
    await expect(callerFor(w.agent).ticket.deleteMessage({ messageId })).rejects.toMatchObject({ code: "NOT_FOUND", message: "MESSAGE_NOT_FOUND" });
  });
});
