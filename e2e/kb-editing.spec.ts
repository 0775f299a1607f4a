// Staff writing the help centre, in English and in Russian: a new article with both language
// versions, preview, draft → published with history, an internal article staff can read and
// customers cannot, the categories page, and a link to an article inserted into a reply.
import { test, expect as baseExpect, type Page } from "@playwright/test";
import { createStaff, e2eDb } from "./support/db";
import { englishContext } from "./support/portal";
import { createCustomer, createTicket, shoot } from "./support/staff";
import { seedKb, russianContext, expectAccessible, kbSignIn } from "./support/kb";

// generous waits: the e2e machine is shared and often loaded
const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 300_000 });

async function writeArticle(page: Page, o: { ru: [string, string]; en: [string, string]; save: string; preview: string }) {
  await page.getByTestId("kb-tab-ru").click();
  await page.getByTestId("kb-title-ru").fill(o.ru[0]);
  await page.getByTestId("kb-body-ru").fill(o.ru[1]);
  await page.getByTestId("kb-preview-ru").click();
  await expect(page.getByTestId("kb-preview-pane-ru").locator("strong")).toHaveText(o.preview);
  await page.getByTestId("kb-tab-en").click();
  await page.getByTestId("kb-title-en").fill(o.en[0]);
  await page.getByTestId("kb-body-en").fill(o.en[1]);
  await page.getByTestId("kb-save").click();
  await expect(page).toHaveURL(/\/staff\/kb\/\d+$/);
  return Number(/\/staff\/kb\/(\d+)$/.exec(page.url())![1]);
}

test("English staff: write, preview, publish with history; internal stays internal; link into a reply", async ({ browser }) => {
  const tag = `e${Date.now() % 1e6}`;
  const kb = await seedKb(tag);
  const page = await (await englishContext(browser)).newPage();
  const agent = await createStaff("AGENT", "en");
  await kbSignIn(page, agent.email, agent.password);
  await page.goto("/staff/kb");
  await expect(page.getByRole("heading", { level: 1, name: "Knowledge base" })).toBeVisible();
  await expect(page.getByTestId("kb-staff-list")).toContainText(`Internal password escalation ${tag}`);
  await expectAccessible(page, "main"); // the signed-in header's user menu is shared UI (not KB): checked elsewhere
  await page.getByTestId("kb-new").click();
  await page.getByTestId("kb-category").selectOption({ label: `Account ${tag}` });
  const id = await writeArticle(page, { ru: [`Экспорт данных ${tag}`, "Нажмите **Экспорт** в профиле."], en: [`Exporting your data ${tag}`, "Press **Export** in your profile."], save: "Save", preview: "Экспорт" });
  await expect(page.getByTestId("kb-history")).toContainText(agent.name);
  await expect(page.getByTestId("kb-history")).toContainText("created");
  await expectAccessible(page, "main"); // the signed-in header's user menu is shared UI (not KB): checked elsewhere
  await shoot(page, "kb-editor-en");
  // a draft is not public yet
  const visitor = await (await englishContext(browser)).newPage();
  const slug = (await e2eDb().kbArticle.findUniqueOrThrow({ where: { id } })).slug;
  expect(slug).toBe(`exporting-your-data-${tag}`);
  expect((await visitor.goto(`/kb/articles/${slug}`))!.status()).toBe(404);
  await page.getByTestId("kb-published").click();
  await page.getByTestId("kb-save").click();
  await expect(page.getByTestId("kb-history")).toContainText("published");
  await visitor.goto(`/kb/articles/${slug}`);
  await expect(visitor.getByTestId("kb-article").getByRole("heading", { level: 1 })).toHaveText(`Exporting your data ${tag}`);
  // internal: staff read it with a warning, visitors get a 404
  await page.goto(`/kb/articles/${kb.internal.slug}`);
  await expect(page.getByTestId("kb-article")).toContainText("Internal article — visible to staff only");
  expect((await visitor.goto(`/kb/articles/${kb.internal.slug}`))!.status()).toBe(404);

  // the reply composer: pick an article, its absolute link lands in the text
  const customer = await createCustomer();
  const ticketId = await createTicket(customer.id, `Export question ${tag}`);
  await page.goto(`/staff/tickets/${ticketId}`);
  await page.getByTestId("kb-picker-trigger").click();
  await page.getByTestId("kb-picker-search").fill(`exporting ${tag}`);
  await page.getByTestId("kb-picker-item").filter({ hasText: `Exporting your data ${tag}` }).click();
  await expect(page.getByTestId("composer-text")).toHaveValue(new RegExp(`\\[Exporting your data ${tag}\\]\\(http://127\\.0\\.0\\.1:\\d+/kb/articles/${slug}\\)`));
});

test("Russian admin: categories, a Russian-only article, stale save refused", async ({ browser }) => {
  const tag = `k${Date.now() % 1e6}`;
  await seedKb(tag);
  const page = await (await russianContext(browser)).newPage();
  const admin = await createStaff("ADMIN", "ru");
  await kbSignIn(page, admin.email, admin.password);
  await page.goto("/staff/kb/categories");
  await expect(page.getByRole("heading", { level: 1, name: "Категории базы знаний" })).toBeVisible();
  const add = page.getByTestId("kb-category-new");
  await add.getByLabel("Название (русское)").fill(`Оплата ${tag}`);
  await add.getByRole("button", { name: "Добавить категорию" }).click();
  await expect(page.getByTestId(`kb-category-oplata-${tag}`)).toBeVisible();
  await expectAccessible(page, "main"); // the signed-in header's user menu is shared UI (not KB): checked elsewhere
  await shoot(page, "kb-categories-ru");

  await page.goto("/staff/kb/new");
  await expect(page.getByRole("heading", { level: 1, name: "Новая статья" })).toBeVisible();
  await page.getByTestId("kb-category").selectOption({ label: `Оплата ${tag}` });
  await page.getByTestId("kb-title-ru").fill(`Как оплатить счёт ${tag}`);
  await page.getByTestId("kb-body-ru").fill("Оплатите **картой** или переводом.");
  await page.getByTestId("kb-published").click();
  await page.getByTestId("kb-save").click();
  await expect(page).toHaveURL(/\/staff\/kb\/\d+$/);
  await expect(page.getByTestId("kb-history")).toContainText("создана");
  await expectAccessible(page, "main"); // the signed-in header's user menu is shared UI (not KB): checked elsewhere
  await shoot(page, "kb-editor-ru");
  const id = Number(/\/staff\/kb\/(\d+)$/.exec(page.url())![1]);
  // someone else saves meanwhile: this editor's save is refused with a clear message
  await e2eDb().kbArticle.update({ where: { id }, data: { version: { increment: 1 } } });
  await page.getByTestId("kb-title-ru").fill(`Как оплатить счёт ${tag}!`);
  await page.getByTestId("kb-save").click();
  await expect(page.getByText("Статью только что сохранил кто-то другой")).toBeVisible();
});
