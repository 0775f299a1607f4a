// The /rate page's service path on a real PostgreSQL: the signed link from the closing mail
// rates exactly its ticket as its requester, and every refusal comes back as a reason code.
import { describe, it, expect } from "vitest";
import { db } from "@/server/db/client";
import { signLink } from "@/server/auth/signed-links";
import { callerFor } from "@/server/testing/caller";
import { firstCategoryId, makeActor, setTicketSettings, statusByKey } from "@/server/testing/factories";
import { rateByLink, viewRateLink } from "./rate-by-link";

async function closedTicket(opts: { close?: boolean } = {}) {
  const { actor, user } = await makeActor("CUSTOMER");
  const t = await callerFor(actor).ticket.create({ title: "Printer jams", body: "Every page.", categoryId: await firstCategoryId() });
  if (opts.close !== false) await db().ticket.update({ where: { id: t.id }, data: { statusId: (await statusByKey("closed")).id, closedAt: new Date() } });
  return { ticketId: t.id, userId: user.id, token: signLink("rate", t.id, user.id) };
}

describe("rate by link", () => {
  it("shows the ticket and rates it as its requester; rating again replaces it, both in the history", async () => {
    const w = await closedTicket();
    expect(await viewRateLink(w.token, "en")).toEqual({ ok: true, ticket: { id: w.ticketId, title: "Printer jams", rating: null, ratingComment: null } });
    expect(await rateByLink({ token: w.token, rating: "4", comment: "  Quick, thanks  " }, "en")).toEqual({ ok: true, rating: 4, ratingComment: "Quick, thanks" });
    expect(await rateByLink({ token: w.token, rating: 5, comment: "" })).toEqual({ ok: true, rating: 5, ratingComment: null });
    const t = await db().ticket.findUniqueOrThrow({ where: { id: w.ticketId } });
    expect(t).toMatchObject({ rating: 5, ratingComment: null });
    expect(t.ratedAt).toBeInstanceOf(Date);
    const events = await db().auditEvent.findMany({ where: { ticketId: w.ticketId, type: "ticket.rated" }, orderBy: { id: "asc" } });
    expect(events.map((e) => (e.data as { rating: number; previous: number | null })).map((d) => [d.rating, d.previous])).toEqual([[4, null], [5, 4]]);
    expect(await viewRateLink(w.token)).toMatchObject({ ok: true, ticket: { rating: 5 } });
  });

  it("invalid, tampered, expired, wrong-purpose and foreign links are INVALID_LINK and change nothing", async () => {
    const w = await closedTicket();
    const other = await makeActor("CUSTOMER");
    const bad = [
      "",
      "garbage",
      w.token.slice(0, -1) + (w.token.endsWith("A") ? "B" : "A"),
      signLink("rate", w.ticketId, w.userId, 1, Date.now() - 2 * 86400_000),
      signLink("ticket", w.ticketId, w.userId),
      signLink("rate", w.ticketId, other.user.id),
      signLink("rate", w.ticketId + 1000, w.userId),
    ];
    for (const token of bad) {
      expect(await viewRateLink(token)).toMatchObject({ ok: false, reason: "INVALID_LINK" });
      expect(await rateByLink({ token, rating: 5 })).toEqual({ ok: false, reason: "INVALID_LINK" });
    }
    expect((await db().ticket.findUniqueOrThrow({ where: { id: w.ticketId } })).rating).toBeNull();
  });

  it("refusals: NOT_CLOSED, RATING_DISABLED, LOGIN_REQUIRED, INVALID_RATING", async () => {
    const open = await closedTicket({ close: false });
    expect(await viewRateLink(open.token)).toMatchObject({ ok: false, reason: "NOT_CLOSED", ticket: { id: open.ticketId } });
    expect(await rateByLink({ token: open.token, rating: 3 })).toEqual({ ok: false, reason: "NOT_CLOSED" });

    const w = await closedTicket();
    for (const rating of [0, 6, 2.5, "x", ""]) expect(await rateByLink({ token: w.token, rating })).toEqual({ ok: false, reason: "INVALID_RATING" });
    expect(await rateByLink({ token: w.token, rating: 3, comment: "x".repeat(2001) })).toEqual({ ok: false, reason: "INVALID_RATING" });

    await setTicketSettings({ allowRating: false });
    expect(await viewRateLink(w.token)).toMatchObject({ ok: false, reason: "RATING_DISABLED" });
    expect(await rateByLink({ token: w.token, rating: 3 })).toEqual({ ok: false, reason: "RATING_DISABLED" });

    await setTicketSettings({ allowRating: true, requireLogin: true });
    expect(await rateByLink({ token: w.token, rating: 3 })).toEqual({ ok: false, reason: "LOGIN_REQUIRED" });
    expect((await db().ticket.findUniqueOrThrow({ where: { id: w.ticketId } })).rating).toBeNull();
  });

  it("the link in the closing mail is one this path accepts", async () => {
    const { actor } = await makeActor("CUSTOMER");
    const agent = await makeActor("AGENT");
    const t = await callerFor(actor).ticket.create({ title: "Done soon", body: "x", categoryId: await firstCategoryId() });
    const v = (await db().ticket.findUniqueOrThrow({ where: { id: t.id } })).version;
    await callerFor(agent.actor).ticket.setStatus({ ticketId: t.id, version: v, statusId: (await statusByKey("closed")).id, closeNote: "fixed" });
    const mail = await db().outboxMail.findFirstOrThrow({ where: { ticketId: t.id, template: "ticket.closed" } });
    const token = decodeURIComponent(/\/rate\?token=(\S+)/.exec(mail.text)![1]!);
    expect(await rateByLink({ token, rating: 5, comment: "Great" }, "en")).toEqual({ ok: true, rating: 5, ratingComment: "Great" });
  });
});
