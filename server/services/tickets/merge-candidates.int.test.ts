// ticket.mergeCandidates (issue 15.4, gap 4): the merge dialog's search finds a ticket by number,
// by a title word and by part of a word, through the trigram index on tickets.title (migration
// 0020) rather than an unindexed scan; LIKE wildcards in the query are literal; a scoped agent
// only finds tickets of their own categories (issue 16).
import { describe, it, expect } from "vitest";
import { db } from "@/server/db/client";
import { callerFor } from "@/server/testing/caller";
import { makeActor, firstCategoryId } from "@/server/testing/factories";
import { openTicket, staffWorld } from "@/server/testing/staff-helpers";

const ids = (rows: Array<{ id: number }>) => rows.map((r) => r.id).sort((a, b) => a - b);

describe("ticket.mergeCandidates", () => {
  it("finds by number, by title word, by partial word; wildcards are literal; merged tickets and itself never", async () => {
    const w = await staffWorld();
    const source = await openTicket(w.customer, { title: "Printer on floor 3" });
    const a = await openTicket(w.customer, { title: "Квартальные счета за принтеры" });
    const b = await openTicket(w.customer, { title: "100% discount request" });
    const search = (query: string) => callerFor(w.agent).ticket.mergeCandidates({ ticketId: source, query }).then(ids);

    expect(await search(`#${a}`)).toEqual([a]);
    expect(await search(String(b))).toEqual([b]);
    expect(await search("счета")).toEqual([a]);
    expect(await search("ПРИНТЕР")).toEqual([a]); // a part of "принтеры", any case
    expect(await search("rinte")).toEqual([]); // only the source has it, and it is never a candidate
    expect(await search("0% disc")).toEqual([b]);
    expect(await search("%")).toEqual([]); // too short for a title part; not a wildcard either
    expect(await search("1_0")).toEqual([]); // "_" is a literal, not "any character"
    await callerFor(w.agent).ticket.merge({ sourceId: b, targetId: a });
    expect(await search("discount")).toEqual([]);
  });

  it("the title part is answered by the trigram index", async () => {
    const w = await staffWorld();
    const source = await openTicket(w.customer, { title: "Some ticket" });
    await callerFor(w.agent).ticket.mergeCandidates({ ticketId: source, query: "ticket" });
    // the index exists and serves `title ILIKE '%part%'` (a tiny table alone would be scanned)
    const plan = await db().$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      return tx.$queryRawUnsafe<Array<{ "QUERY PLAN": string }>>(`EXPLAIN SELECT id FROM tickets t WHERE t.title ILIKE '%cket%' ORDER BY t.last_activity_at DESC LIMIT 10`);
    });
    expect(plan.map((r) => r["QUERY PLAN"]).join("\n")).toContain("tickets_title_trgm_idx");
  });

  it("a scoped agent finds only tickets of their categories", async () => {
    const customer = (await makeActor("CUSTOMER")).actor;
    const [mine, admin] = [await makeActor("AGENT"), await makeActor("ADMIN")];
    const catA = await firstCategoryId();
    const catB = (await db().category.create({ data: { nameRu: "Б", nameEn: "B", sortOrder: 50 } })).id;
    await db().team.create({ data: { name: "Team A", members: { create: [{ userId: mine.user.id }] }, categories: { create: [{ categoryId: catA }] } } });
    await db().team.create({ data: { name: "Team B", categories: { create: [{ categoryId: catB }] } } });
    const source = await openTicket(customer, { title: "Scanner jam", categoryId: catA });
    const sameCat = await openTicket(customer, { title: "Scanner driver", categoryId: catA });
    const otherCat = await openTicket(customer, { title: "Scanner quote", categoryId: catB });
    expect(ids(await callerFor(mine.actor).ticket.mergeCandidates({ ticketId: source, query: "scanner" }))).toEqual([sameCat]);
    expect(await callerFor(mine.actor).ticket.mergeCandidates({ ticketId: source, query: `#${otherCat}` })).toEqual([]);
    expect(ids(await callerFor(admin.actor).ticket.mergeCandidates({ ticketId: source, query: "scanner" }))).toEqual([sameCat, otherCat]);
    await expect(callerFor(mine.actor).ticket.mergeCandidates({ ticketId: otherCat, query: "scanner" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
