// kb.search when a word is in most articles: the search then takes its page from the most
// popular articles instead of ranking every GIN hit (search-sql.ts, "probe"). The page must still
// be relevant (title hits and articles with all the words first), visible to the reader only,
// and the same words in a few articles must still be ranked by ts_rank_cd.
import { describe, it, expect } from "vitest";
import { callerFor } from "@/server/testing/caller";
import { makeActor } from "@/server/testing/factories";
import { makeKbCategory } from "@/server/testing/kb-fixtures";
import { anonymous } from "@/server/domain/actor";
import { db } from "@/server/db/client";
import { searchKey } from "@/server/domain/kb/slug";

type Row = { slug: string; title: string; body: string; views?: number; visibility?: "PUBLIC" | "CUSTOMERS" | "STAFF"; published?: boolean };

const filler = (i: number) => `Delivery of order ${i} is tracked on the order page; the courier calls before the order arrives.`;

async function seed(rows: Row[]) {
  const c = await makeKbCategory({ slug: "orders" });
  await db().kbArticle.createMany({
    data: rows.map((r) => ({
      categoryId: c.id,
      slug: r.slug,
      visibility: r.visibility ?? "PUBLIC",
      isPublished: r.published ?? true,
      titleEn: r.title,
      bodyEn: r.body,
      plainEn: r.body,
      searchKey: searchKey(r.title),
      viewCount: r.views ?? 0,
    })),
  });
}

/** 120 articles that all say "order"; the most viewed ones are internal or drafts. */
async function world() {
  const rows: Row[] = Array.from({ length: 120 }, (_, i) => ({ slug: `order-${i}`, title: `Shipment note ${i}`, body: filler(i), views: i }));
  rows.push({ slug: "staff-order-secret", title: "Order refunds for VIP (internal)", body: "Internal: order refunds skip the queue.", views: 100_000, visibility: "STAFF" });
  rows.push({ slug: "draft-order", title: "Order cancellation draft", body: "Draft about an order cancellation.", views: 90_000, published: false });
  rows.push({ slug: "customers-order", title: "Order history for customers", body: "Your order history.", views: 80_000, visibility: "CUSTOMERS" });
  rows.push({ slug: "order-title", title: "Changing an order", body: "How to change an order before it ships.", views: 5 });
  rows.push({ slug: "order-invoice", title: "Invoice of a shipment", body: "Each order gets an invoice by email after payment.", views: 2 });
  await seed(rows);
  return { agent: await makeActor("AGENT") };
}

const slugs = (r: { items: { slug: string }[] }) => r.items.map((i) => i.slug);

describe("kb.search with a word in most articles", () => {
  it("returns a full page of published public articles, title hits first, never internal ones or drafts", async () => {
    await world();
    const r = slugs(await callerFor(anonymous).kb.search({ q: "order", lang: "en" }));
    expect(r).toHaveLength(10);
    expect(r[0]).toBe("order-title");
    expect(r).not.toContain("staff-order-secret");
    expect(r).not.toContain("draft-order");
    expect(r).not.toContain("customers-order");
    // the popular end of the catalogue (views in powers of two: 63+ is the top bucket), not the
    // first rows inserted
    const plain = r.filter((s) => /^order-\d+$/.test(s));
    expect(plain.length).toBeGreaterThan(5);
    expect(plain.every((s) => Number(s.slice(6)) >= 63)).toBe(true);
  });

  it("staff see internal articles and, when they ask, drafts — also on the common-word path", async () => {
    const { agent } = await world();
    const staff = slugs(await callerFor(agent.actor).kb.search({ q: "order", lang: "en" }));
    expect(staff.slice(0, 3).sort()).toEqual(["customers-order", "order-title", "staff-order-secret"]);
    expect(staff).not.toContain("draft-order");
    expect(slugs(await callerFor(agent.actor).kb.search({ q: "order", lang: "en", includeDrafts: true }))).toContain("draft-order");
  });

  it("a rare word next to the common one puts the articles with both first", async () => {
    await world();
    const r = slugs(await callerFor(anonymous).kb.search({ q: "order invoice", lang: "en" }));
    expect(r).toHaveLength(10);
    expect(r[0]).toBe("order-invoice");
  });

  it("a word in a few articles is still ranked over all of them", async () => {
    await world();
    expect(slugs(await callerFor(anonymous).kb.search({ q: "invoice", lang: "en" }))).toEqual(["order-invoice"]);
    // "refunds" is only in the internal article: nothing for a visitor, and no typo hits either
    expect(slugs(await callerFor(anonymous).kb.search({ q: "refunds", lang: "en" }))).toEqual([]);
  });

  it("snippets highlight the word wherever it is in a long body", async () => {
    const long = `${"Intro sentence without the word. ".repeat(200)}Finally the courier brings the parcel.`;
    await seed([{ slug: "long-one", title: "Parcel delivery", body: long }]);
    const hit = (await callerFor(anonymous).kb.search({ q: "courier", lang: "en" })).items[0]!;
    expect(hit.slug).toBe("long-one");
    expect(hit.snippet.filter((s) => s.hit).map((s) => s.text)).toEqual(["courier"]);
  });
});
