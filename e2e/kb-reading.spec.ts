// The help centre as a visitor reads it, in English and in Russian: home → topic → article,
// language fallback, hreflang / Open Graph / sitemap, search with highlights and typos,
// "was this helpful?", and no serious accessibility violations on any KB page.
import { test, expect as baseExpect } from "@playwright/test";
import { englishContext } from "./support/portal";
import { shoot } from "./support/staff";
import { seedKb, russianContext, expectAccessible } from "./support/kb";

// generous waits: the e2e machine is shared and often loaded
const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 300_000 });

test("English visitor: browse, read, hreflang, vote, fallback, sitemap", async ({ browser }) => {
  const tag = `r${Date.now() % 1e6}`;
  const kb = await seedKb(tag);
  const page = await (await englishContext(browser)).newPage();
  await page.goto("/kb");
  await expect(page.getByRole("heading", { level: 1, name: "How can we help?" })).toBeVisible();
  await expectAccessible(page);
  await shoot(page, "kb-home-en");
  await page.getByRole("link", { name: `Account ${tag}` }).click();
  await expect(page).toHaveURL(new RegExp(`/kb/categories/account-${tag}$`));
  await expect(page.getByRole("heading", { level: 1, name: `Account ${tag}` })).toBeVisible();
  // FAQ answers open in place; internal articles are not listed for visitors
  await page.getByText("Can I change my email?").click();
  await expect(page.getByTestId("kb-faq")).toContainText("Yes, in your profile.");
  await expect(page.getByTestId("kb-article-list")).not.toContainText("Internal password escalation");
  await expectAccessible(page);
  await shoot(page, "kb-category-en");

  await page.getByRole("link", { name: `How to reset your password ${tag}` }).click();
  const article = page.getByTestId("kb-article");
  await expect(article.getByRole("heading", { level: 1 })).toHaveText(`How to reset your password ${tag}`);
  await expect(article.locator("strong")).toHaveText("Forgot password");
  const path = `/kb/articles/${kb.reset.slug}`;
  await expect(page.locator('link[rel="alternate"][hreflang="ru"]')).toHaveAttribute("href", new RegExp(`${path}\\?lang=ru$`));
  await expect(page.locator('link[rel="alternate"][hreflang="en"]')).toHaveAttribute("href", new RegExp(`${path}\\?lang=en$`));
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", `How to reset your password ${tag}`);
  await expect(page.locator('meta[property="og:type"]')).toHaveAttribute("content", "article");
  await page.getByTestId("kb-vote-yes").click();
  await expect(page.getByTestId("kb-feedback")).toContainText("Thank you for your feedback!");
  await expect(page.getByTestId("kb-vote-count")).toHaveText("1 of 1 found this helpful");
  // one vote per visitor: changing it does not add a second one
  await page.getByTestId("kb-vote-no").click();
  await expect(page.getByTestId("kb-vote-count")).toHaveText("0 of 1 found this helpful");
  await expectAccessible(page);
  await shoot(page, "kb-article-en");

  // the Russian version of the same URL, and a Russian request for an English-only article
  await page.goto(`${path}?lang=ru`);
  await expect(page.getByTestId("kb-article").getByRole("heading", { level: 1 })).toHaveText(`Как сбросить пароль ${tag}`);
  await page.goto(`/kb/articles/${kb.twoFactor.slug}?lang=ru`);
  await expect(page.getByTestId("kb-fallback")).toContainText("пока не переведена на русский");
  await expect(page.getByTestId("kb-article").getByRole("heading", { level: 1 })).toHaveText(`Two-factor sign-in ${tag}`);

  // internal articles: a plain 404 for visitors
  expect((await page.goto(`/kb/articles/${kb.internal.slug}`))!.status()).toBe(404);
  const sitemap = await (await page.request.get("/sitemap.xml")).text();
  expect(sitemap).toContain(`${path}</loc>`);
  expect(sitemap).toContain(`hreflang="ru" href="`);
  expect(sitemap).not.toContain(kb.internal.slug);
});

test("Russian visitor: search with stemming, highlights and a typo", async ({ browser }) => {
  const tag = `s${Date.now() % 1e6}`;
  const kb = await seedKb(tag);
  const page = await (await russianContext(browser)).newPage();
  await page.goto("/kb");
  await expect(page.getByRole("heading", { level: 1, name: "Чем мы можем помочь?" })).toBeVisible();
  await expectAccessible(page);
  await shoot(page, "kb-home-ru");
  await page.getByRole("searchbox").first().fill("пароля");
  await page.getByRole("button", { name: "Найти" }).first().click();
  await expect(page).toHaveURL(/\/kb\/search\?/);
  const results = page.getByTestId("kb-results");
  await expect(results.getByRole("link", { name: `Как сбросить пароль ${tag}` })).toBeVisible();
  await expect(results.locator("mark").first()).toBeVisible();
  await expect(results).not.toContainText("Internal password escalation");
  await expectAccessible(page);
  await shoot(page, "kb-search-ru");
  // a typo still finds it (pg_trgm), marked as a similar match
  await page.goto(`/kb/search?q=${encodeURIComponent("пороль")}`);
  await expect(page.getByTestId("kb-results").getByRole("link", { name: `Как сбросить пароль ${tag}` })).toBeVisible();
  await expect(page.getByTestId("kb-results")).toContainText("Похожее");
  await page.goto("/kb/search?q=zzzzqqqq");
  await expect(page.getByText("По запросу «zzzzqqqq» ничего не найдено")).toBeVisible();
  await page.goto(`/kb/articles/${kb.reset.slug}`);
  await expect(page.getByRole("heading", { level: 2, name: "Шаги" })).toBeVisible();
  await page.getByTestId("kb-vote-yes").click();
  await expect(page.getByTestId("kb-feedback")).toContainText("Спасибо за отзыв!");
  await expectAccessible(page);
  await shoot(page, "kb-article-ru");
});
