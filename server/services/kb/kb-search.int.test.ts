// kb.search against real PostgreSQL: Russian and English stemming, typo tolerance through
// pg_trgm, highlighted snippets as text segments (never HTML), and visibility filtering.
import { describe, it, expect } from "vitest";
import { callerFor } from "@/server/testing/caller";
import { makeActor } from "@/server/testing/factories";
import { makeKbArticle, makeKbCategory } from "@/server/testing/kb-fixtures";
import { anonymous } from "@/server/domain/actor";

async function world() {
  const agent = await makeActor("AGENT");
  const c = await makeKbCategory({ slug: "help" });
  await makeKbArticle(agent.user.id, c.id, {
    slug: "reset-password",
    titleRu: "Как сбросить пароль",
    bodyRu: "Если вы забыли пароли `<b>x</b>` от учётной записи, откройте страницу входа. <script>alert(1)</script>",
    titleEn: "Resetting passwords",
    bodyEn: "When you forgot your password, open the sign-in page and follow the emailed link.",
  });
  await makeKbArticle(agent.user.id, c.id, { slug: "invoices", titleRu: "Счета и оплата", bodyRu: "Счёт приходит на почту.", titleEn: "Invoices and payment", bodyEn: "Invoices arrive by email." });
  await makeKbArticle(agent.user.id, c.id, { slug: "vpn-internal", visibility: "STAFF", titleRu: "", bodyRu: "", titleEn: "VPN password rotation", bodyEn: "Rotate the VPN password monthly." });
  await makeKbArticle(agent.user.id, c.id, { slug: "draft-password", isPublished: false, titleRu: "", bodyRu: "", titleEn: "Password policy draft", bodyEn: "Draft about passwords." });
  return { agent };
}

const slugs = (r: { items: { slug: string }[] }) => r.items.map((i) => i.slug);

describe("kb.search", () => {
  it("stems Russian and English: other word forms match", async () => {
    await world();
    const anon = callerFor(anonymous).kb.search;
    expect(slugs(await anon({ q: "пароля", lang: "ru" }))).toEqual(["reset-password"]);
    expect(slugs(await anon({ q: "passwords", lang: "en" }))).toEqual(["reset-password"]);
    expect(slugs(await anon({ q: "счета", lang: "ru" }))).toEqual(["invoices"]);
    expect(slugs(await anon({ q: "invoice", lang: "ru" }))).toEqual(["invoices"]);
  });

  it("tolerates typos (pg_trgm on titles) and marks such hits as fuzzy", async () => {
    await world();
    const r = await callerFor(anonymous).kb.search({ q: "pasword", lang: "en" });
    expect(slugs(r)).toEqual(["reset-password"]);
    expect(r.items[0]!.fuzzy).toBe(true);
    expect(slugs(await callerFor(anonymous).kb.search({ q: "пороль", lang: "ru" }))).toEqual(["reset-password"]);
    expect(slugs(await callerFor(anonymous).kb.search({ q: "invoces", lang: "en" }))).toEqual(["invoices"]);
  });

  it("highlights matches in the visitor's language as text segments without markup", async () => {
    await world();
    const en = (await callerFor(anonymous).kb.search({ q: "password", lang: "en" })).items[0]!;
    expect(en.title).toBe("Resetting passwords");
    expect(en.snippet.filter((s) => s.hit).map((s) => s.text)).toEqual(["password"]);
    expect(en.url).toBe("http://localhost:3000/kb/articles/reset-password");
    const ru = (await callerFor(anonymous).kb.search({ q: "пароль", lang: "ru" })).items[0]!;
    expect(ru.snippet.filter((s) => s.hit).map((s) => s.text)).toEqual(["пароли"]);
    // raw HTML in the Markdown never reaches a snippet (sanitized away, then tags dropped)
    expect(ru.snippet.map((s) => s.text).join("")).not.toMatch(/[<>]|alert/);
  });

  it("internal articles only for staff; drafts only for staff who ask for them; empty query → nothing", async () => {
    const { agent } = await world();
    expect(slugs(await callerFor(anonymous).kb.search({ q: "password", lang: "en" }))).toEqual(["reset-password"]);
    expect(slugs(await callerFor(agent.actor).kb.search({ q: "password", lang: "en" })).sort()).toEqual(["reset-password", "vpn-internal"]);
    expect(slugs(await callerFor(agent.actor).kb.search({ q: "password", lang: "en", includeDrafts: true })).sort()).toEqual(["draft-password", "reset-password", "vpn-internal"]);
    expect(slugs(await callerFor(anonymous).kb.search({ q: "password", lang: "en", includeDrafts: true }))).toEqual(["reset-password"]);
    expect(slugs(await callerFor(anonymous).kb.search({ q: "   ", lang: "en" }))).toEqual([]);
  });
});

describe("kb.search with a sentence (a new ticket's title)", () => {
  it("matches any of the words, ranking articles with all of them first", async () => {
    await world();
    const r = await callerFor(anonymous).kb.search({ q: "не могу сбросить пароль и счёт", lang: "ru" });
    expect(slugs(r)).toEqual(["reset-password", "invoices"]);
    // only the invoices article has both words; the other one has just "email"
    expect(slugs(await callerFor(anonymous).kb.search({ q: "invoices email", lang: "en" }))).toEqual(["invoices", "reset-password"]);
  });
});
