// Knowledge-base fixtures for the e2e specs: a topic with a section, articles in both
// languages, one English-only, one internal, and an FAQ entry. Unique slugs per call.
import type { Browser, Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { expect } from "@playwright/test";
import { e2eDb, uniqueEmail } from "./db";
import { freshIp } from "./auth";
import { hashPassword } from "../../server/auth/passwords";
import { searchKey } from "../../server/domain/kb/slug";

type Art = { slug: string; titleRu: string; bodyRu: string; titleEn: string; bodyEn: string; visibility?: "PUBLIC" | "CUSTOMERS" | "STAFF"; kind?: "ARTICLE" | "FAQ" };

export async function seedKb(tag: string) {
  const db = e2eDb();
  const topic = await db.kbCategory.create({ data: { slug: `account-${tag}`, nameRu: `Учётная запись ${tag}`, nameEn: `Account ${tag}`, descriptionRu: "Вход, пароль и профиль", descriptionEn: "Signing in, passwords and your profile" } });
  const section = await db.kbCategory.create({ data: { slug: `security-${tag}`, parentId: topic.id, nameRu: "Безопасность", nameEn: "Security" } });
  const add = (categoryId: number, a: Art) =>
    db.kbArticle.create({
      data: {
        categoryId, slug: a.slug, kind: a.kind ?? "ARTICLE", visibility: a.visibility ?? "PUBLIC", isPublished: true, publishedAt: new Date(),
        titleRu: a.titleRu, bodyRu: a.bodyRu, titleEn: a.titleEn, bodyEn: a.bodyEn, plainRu: a.bodyRu.replace(/[*#`]/g, ""), plainEn: a.bodyEn.replace(/[*#`]/g, ""),
        searchKey: searchKey(`${a.titleRu} ${a.titleEn}`),
      },
    });
  const reset = await add(topic.id, {
    slug: `reset-password-${tag}`,
    titleRu: `Как сбросить пароль ${tag}`,
    bodyRu: "## Шаги\n\nОткройте страницу входа и нажмите **Забыли пароль**. Мы пришлём ссылку на почту.",
    titleEn: `How to reset your password ${tag}`,
    bodyEn: "## Steps\n\nOpen the sign-in page and choose **Forgot password**. We email you a link.",
  });
  const twoFactor = await add(section.id, { slug: `two-factor-${tag}`, titleRu: "", bodyRu: "", titleEn: `Two-factor sign-in ${tag}`, bodyEn: "Turn on two-factor authentication in your profile." });
  const internal = await add(topic.id, { slug: `internal-${tag}`, visibility: "STAFF", titleRu: "", bodyRu: "", titleEn: `Internal password escalation ${tag}`, bodyEn: "Escalate locked accounts to tier 2." });
  await add(topic.id, { slug: `faq-email-${tag}`, kind: "FAQ", titleRu: "Можно ли сменить почту?", bodyRu: "Да, в **профиле**.", titleEn: "Can I change my email?", bodyEn: "Yes, in your **profile**." });
  return { topic, section, reset, twoFactor, internal };
}

export async function russianContext(browser: Browser) {
  return browser.newContext({ locale: "ru-RU", extraHTTPHeaders: { "accept-language": "ru-RU,ru;q=0.9" } });
}

/** No serious or critical axe violations (WCAG 2.x A/AA rules) on the current page (or one part of it). */
export async function expectAccessible(page: Page, include?: string) {
  const builder = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]);
  const r = await (include ? builder.include(include) : builder).analyze();
  const bad = r.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`)).toEqual([]);
}

/** Signing in on a machine under load: the shared helper's 10 s are not always enough here. */
export async function kbSignIn(page: Page, email: string, password: string) {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": freshIp() });
  await page.goto("/sign-in");
  const form = page.getByTestId("sign-in-form");
  await form.locator('input[name="email"]').fill(email);
  await form.locator('input[name="password"]').fill(password);
  await Promise.all([page.waitForURL((u) => !u.pathname.startsWith("/sign-in"), { timeout: 60_000 }), form.locator('button[type="submit"]').click()]);
}

export async function kbCustomer(locale = "en") {
  const email = uniqueEmail("kb-cust");
  const password = "customer-pass-1";
  await e2eDb().user.create({ data: { email, name: "Kim Customer", role: "CUSTOMER", locale, passwordHash: await hashPassword(password), emailVerifiedAt: new Date() } });
  return { email, password };
}
