// kb.home / kb.category / kb.article through the real router: language fallback, visibility ×
// require login × actor, drafts hidden from customers, FAQ answers rendered, images kept.
import { describe, it, expect } from "vitest";
import { TRPCError } from "@trpc/server";
import { callerFor } from "@/server/testing/caller";
import { makeActor, setTicketSettings } from "@/server/testing/factories";
import { guestActor } from "@/server/testing/portal-helpers";
import { makeKbArticle, makeKbCategory } from "@/server/testing/kb-fixtures";
import { anonymous } from "@/server/domain/actor";

const code = (p: Promise<unknown>) => p.then(() => "OK", (e: unknown) => (e instanceof TRPCError ? e.code : String(e)));

async function world() {
  const agent = await makeActor("AGENT");
  const customer = await makeActor("CUSTOMER");
  const parent = await makeKbCategory({ slug: "billing", nameEn: "Billing", nameRu: "Оплата" });
  const child = await makeKbCategory({ slug: "invoices", parentId: parent.id, nameEn: "Invoices", nameRu: "Счета" });
  const pub = await makeKbArticle(agent.user.id, child.id, { slug: "pay-by-card" });
  const enOnly = await makeKbArticle(agent.user.id, child.id, { slug: "en-only", titleRu: "", bodyRu: "", titleEn: "Only English", bodyEn: "English text ![chart](/kb/images/AAAAAAAAAAAAAAAAAAAAAA) <img src=https://evil.test/x.png>" });
  const customers = await makeKbArticle(agent.user.id, child.id, { slug: "for-customers", visibility: "CUSTOMERS" });
  const internal = await makeKbArticle(agent.user.id, child.id, { slug: "internal-macro", visibility: "STAFF", titleEn: "Internal escalation" });
  const draft = await makeKbArticle(agent.user.id, child.id, { slug: "draft-one", isPublished: false });
  const faq = await makeKbArticle(agent.user.id, parent.id, { slug: "faq-refund", kind: "FAQ", titleEn: "Can I get a refund?", bodyEn: "Yes, within **30 days**." });
  return { agent, customer, parent, child, pub, enOnly, customers, internal, draft, faq };
}

describe("kb reading", () => {
  it("shows the visitor's language and falls back to the other one", async () => {
    await world();
    const ru = await callerFor(anonymous).kb.article({ slug: "pay-by-card", lang: "ru" });
    expect([ru.lang, ru.fallback, ru.title, ru.languages]).toEqual(["ru", false, "Как сбросить пароль", ["ru", "en"]]);
    expect(ru.html).toContain("<strong>Забыли пароль</strong>");
    const fb = await callerFor(anonymous).kb.article({ slug: "en-only", lang: "ru" });
    expect([fb.lang, fb.fallback, fb.title, fb.languages]).toEqual(["en", true, "Only English", ["en"]]);
    // our images survive the sanitizer, foreign ones do not
    expect(fb.html).toContain('<img src="/kb/images/AAAAAAAAAAAAAAAAAAAAAA" alt="chart" loading="lazy">');
    expect(fb.html).not.toContain("evil.test");
    expect(fb.category.name).toBe("Счета");
    expect(fb.category.parent?.slug).toBe("billing");
  });

  it("visibility × actor: customers-only asks to sign in, internal and drafts are not found", async () => {
    const w = await world();
    const actors = { anonymous, guest: guestActor(w.customer.user.id, 1), customer: w.customer.actor, agent: w.agent.actor };
    const table: Record<string, string[]> = {};
    for (const slug of ["pay-by-card", "for-customers", "internal-macro", "draft-one"]) {
      table[slug] = await Promise.all(Object.values(actors).map((a) => code(callerFor(a).kb.article({ slug, lang: "en" }))));
    }
    expect(table).toEqual({
      "pay-by-card": ["OK", "OK", "OK", "OK"],
      "for-customers": ["UNAUTHORIZED", "UNAUTHORIZED", "OK", "OK"],
      "internal-macro": ["NOT_FOUND", "NOT_FOUND", "NOT_FOUND", "OK"],
      "draft-one": ["NOT_FOUND", "NOT_FOUND", "NOT_FOUND", "OK"],
    });
  });

  it("require login closes the whole KB to visitors, not to signed-in customers", async () => {
    const w = await world();
    await setTicketSettings({ requireLogin: true });
    expect(await code(callerFor(anonymous).kb.home({ lang: "en" }))).toBe("UNAUTHORIZED");
    expect(await code(callerFor(anonymous).kb.article({ slug: "pay-by-card", lang: "en" }))).toBe("UNAUTHORIZED");
    expect(await code(callerFor(anonymous).kb.search({ q: "password", lang: "en" }))).toBe("UNAUTHORIZED");
    expect(await code(callerFor(w.customer.actor).kb.article({ slug: "pay-by-card", lang: "en" }))).toBe("OK");
  });

  it("home counts only what the actor may read; a category lists sub-categories, articles and FAQ answers", async () => {
    const w = await world();
    const anon = await callerFor(anonymous).kb.home({ lang: "en" });
    expect(anon.categories.map((c) => [c.slug, c.count, c.children.map((x) => [x.slug, x.count])])).toEqual([["billing", 3, [["invoices", 2]]]]);
    const staff = await callerFor(w.agent.actor).kb.home({ lang: "en" });
    expect(staff.categories.find((c) => c.slug === "billing")?.count).toBe(6);
    const cat = await callerFor(anonymous).kb.category({ slug: "billing", lang: "en" });
    expect(cat.children.map((c) => [c.slug, c.count])).toEqual([["invoices", 2]]);
    expect(cat.faq.map((f) => [f.question, f.answerHtml])).toEqual([["Can I get a refund?", "<p>Yes, within <strong>30 days</strong>.</p>\n"]]);
    const sub = await callerFor(w.customer.actor).kb.category({ slug: "invoices", lang: "en" });
    expect(sub.articles.map((a) => a.slug).sort()).toEqual(["en-only", "for-customers", "pay-by-card"]);
    expect(await code(callerFor(anonymous).kb.category({ slug: "nope", lang: "en" }))).toBe("NOT_FOUND");
  });
});
