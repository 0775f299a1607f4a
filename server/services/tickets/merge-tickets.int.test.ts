// ticket.merge / ticket.mergeCandidates (issue 15.4): messages, files, Cc's and history move to the
// target; the source closes with a pointer both sides see; its customer gets the "ticket.merged"
// mail; refusals (itself, merged ones, customers, stale version) change nothing.
import { describe, it, expect } from "vitest";
import { callerFor } from "@/server/testing/caller";
import { makeActor } from "@/server/testing/factories";
import { openTicket, staffWorld, versionOf } from "@/server/testing/staff-helpers";
import { db } from "@/server/db/client";

describe("ticket.merge", () => {
  it("moves the thread, files, Cc's and history; closes the source with a pointer; mails the customer", async () => {
    const w = await staffWorld();
    const target = await openTicket(w.customer, { title: "Invoices for Q1" });
    const source = await openTicket(w.customer, { title: "March invoice missing", body: "Where is the March invoice?" });
    await callerFor(w.customer).ticket.reply({ ticketId: source, body: "Any news?" });
    await callerFor(w.agent).ticket.addNote({ ticketId: source, body: "Checked billing" });
    await callerFor(w.agent).ticket.addCc({ ticketId: source, email: "accounting@client.example" });
    const file = await db().attachment.create({ data: { ticketId: source, fileName: "scan.pdf", contentType: "application/pdf", size: 10, sha256: "x", storageKey: "k" } });

    const found = await callerFor(w.agent).ticket.mergeCandidates({ ticketId: source, query: "invoices" });
    expect(found.map((f) => f.id)).toEqual([target]);
    expect((await callerFor(w.agent).ticket.mergeCandidates({ ticketId: source, query: `#${target}` })).map((f) => f.id)).toEqual([target]);

    await callerFor(w.agent).ticket.merge({ sourceId: source, targetId: target, sourceVersion: await versionOf(source) });

    const t = await callerFor(w.agent).ticket.byId({ id: target });
    const texts = t.messages.map((m) => m.bodyText);
    expect(texts.slice(0, 3)).toEqual(["Where is the March invoice?", "Any news?", "Checked billing"]);
    expect(texts.at(-1)).toContain(`#${source}`);
    expect(t.messages[0]!.attachments.map((a) => a.id)).toEqual([file.id]);
    expect(t.participants.map((p) => p.email)).toEqual(["accounting@client.example"]);
    const history = await callerFor(w.agent).ticket.history({ ticketId: target });
    expect(history.map((h) => h.type)).toEqual(expect.arrayContaining(["ticket.replied", "ticket.note", "ticket.cc_added", "ticket.merged_from"]));

    const s = await callerFor(w.customer).ticket.byId({ id: source });
    expect(s).toMatchObject({ mergedInto: { id: target, title: "Invoices for Q1" }, status: { isClosed: true }, messages: [], participants: [] });
    expect(s.permissions).toMatchObject({ canReply: false, replyBlockedReason: "TICKET_MERGED", canRate: false });
    await expect(callerFor(w.customer).ticket.reply({ ticketId: source, body: "hello?" })).rejects.toMatchObject({ code: "FORBIDDEN", message: "TICKET_MERGED" });
    expect((await callerFor(w.agent).ticket.history({ ticketId: source })).map((h) => [h.type, h.ticketRef])).toEqual([["ticket.merged", target]]);

    const mail = await db().outboxMail.findFirstOrThrow({ where: { template: "ticket.merged" } });
    expect(mail).toMatchObject({ toEmail: w.customerUser.email, ticketId: target, cc: ["accounting@client.example"] });
    expect(mail.subject).toContain(`${source}`);
    expect(mail.text).toContain(`/tickets/${target}`);
  });

  it("another requester joins the target as a Cc; a ticket merged into the source follows on to the target", async () => {
    const w = await staffWorld();
    const { actor: other, user: otherUser } = await makeActor("CUSTOMER");
    const target = await openTicket(w.customer, { title: "Office printer down" });
    const source = await openTicket(other, { title: "Printer on floor 3" });
    const earlier = await openTicket(other, { title: "Printer again" });
    await callerFor(w.agent).ticket.merge({ sourceId: earlier, targetId: source });
    await callerFor(w.admin).ticket.merge({ sourceId: source, targetId: target });
    expect((await db().ticketParticipant.findMany({ where: { ticketId: target } })).map((p) => p.email)).toEqual([otherUser.email]);
    expect((await db().ticket.findUniqueOrThrow({ where: { id: earlier } })).mergedIntoId).toBe(target);
    // the other customer's mail links to their own ticket, which points on
    const mail = await db().outboxMail.findFirstOrThrow({ where: { template: "ticket.merged", toEmail: otherUser.email }, orderBy: { id: "desc" } });
    expect(mail.text).toContain(`/tickets/${source}`);
    expect(mail.text).not.toContain(`/tickets/${target}`);
  });

  it("refuses itself, a merged source or target, a stale version and customers; nothing changes", async () => {
    const w = await staffWorld();
    const a = await openTicket(w.customer);
    const b = await openTicket(w.customer);
    const c = await openTicket(w.customer);
    await expect(callerFor(w.agent).ticket.merge({ sourceId: a, targetId: a })).rejects.toMatchObject({ code: "BAD_REQUEST", message: "SAME_TICKET" });
    await expect(callerFor(w.agent).ticket.merge({ sourceId: a, targetId: b, sourceVersion: 99 })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(callerFor(w.customer).ticket.merge({ sourceId: a, targetId: b })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await callerFor(w.agent).ticket.merge({ sourceId: a, targetId: b });
    await expect(callerFor(w.agent).ticket.merge({ sourceId: a, targetId: c })).rejects.toMatchObject({ code: "BAD_REQUEST", message: "ALREADY_MERGED" });
    await expect(callerFor(w.agent).ticket.merge({ sourceId: c, targetId: a })).rejects.toMatchObject({ code: "BAD_REQUEST", message: "TARGET_MERGED" });
    expect((await db().ticket.findUniqueOrThrow({ where: { id: c } })).mergedIntoId).toBeNull();
    expect((await callerFor(w.agent).ticket.mergeCandidates({ ticketId: c, query: "printer" })).map((x) => x.id)).toEqual([b]);
  });
});
