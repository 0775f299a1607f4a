// Mail that tells the truth (issue 12 point 5): the closing mail says "reply and we will reopen
// it" only when a reply does reopen; when replies after close are refused it points to a new
// ticket; the acknowledgement says "simply reply" only when the reply policy takes such a reply.
import { describe, it, expect } from "vitest";
import { db } from "@/server/db/client";
import { system } from "@/server/domain/actor";
import { firstCategoryId, makeActor, makeUser, setTicketSettings, statusByKey } from "@/server/testing/factories";
import { openTicketAs } from "@/server/testing/portal-helpers";
import { notify } from "./notify";

async function closingMail() {
  const { actor } = await makeActor("CUSTOMER");
  const t = await openTicketAs(actor, "Printer");
  await db().$transaction((tx) => notify(tx, { type: "ticket.closed", ticketId: t.id, actor: system }));
  return (await db().outboxMail.findFirstOrThrow({ where: { ticketId: t.id, template: "ticket.closed" } })).text;
}

describe("closing mail wording follows the settings", () => {
  it("default (no replies after close): no promise to reopen, a link to open a new ticket", async () => {
    const text = await closingMail();
    expect(text).not.toContain("reopen");
    expect(text).toContain("no longer accepts replies");
    expect(text).toMatch(/\/tickets\/new/);
  });

  it("replies accepted and the client-reply status is an open one: 'reply and we will reopen it'", async () => {
    await setTicketSettings({ noRepliesAfterClose: false, statusOnClientReply: (await statusByKey("in_progress")).id });
    const text = await closingMail();
    expect(text).toContain("just reply to this email and we will reopen it");
    expect(text).not.toContain("no longer accepts replies");
  });

  it("replies accepted but no automatic status: 'reply to add something', no reopen promise", async () => {
    await setTicketSettings({ noRepliesAfterClose: false, statusOnClientReply: "none" });
    const text = await closingMail();
    expect(text).toContain("If you want to add something, reply to this email.");
    expect(text).not.toContain("reopen");
  });
});

describe("acknowledgement wording", () => {
  it("a password-less requester under require login is not told to reply by mail (the reply would be refused)", async () => {
    const guest = await makeUser({ password: null });
    const status = await statusByKey("new");
    const t = await db().ticket.create({ data: { title: "T", body: "b", bodyHtml: "<p>b</p>", categoryId: await firstCategoryId(), statusId: status.id, requesterId: guest.id, locale: "en" } });
    await setTicketSettings({ requireLogin: true });
    await db().$transaction((tx) => notify(tx, { type: "ticket.created", ticketId: t.id, actor: system }));
    const off = (await db().outboxMail.findFirstOrThrow({ where: { ticketId: t.id, template: "ticket.created" } })).text;
    expect(off).not.toContain("simply reply");
    await setTicketSettings({ requireLogin: false });
    await db().$transaction((tx) => notify(tx, { type: "ticket.created", ticketId: t.id, actor: system }));
    const on = await db().outboxMail.findMany({ where: { ticketId: t.id, template: "ticket.created" }, orderBy: { id: "asc" } });
    expect(on[1]!.text).toContain("To add something, simply reply to this email.");
  });
});
