// Issue 15.1–15.3 in Chromium: the priorities and custom-fields admin pages, sub-categories on
// the categories page, the portal's new-ticket form (grouped categories, priority when allowed,
// the chosen category's fields), the staff ticket's priority and fields with history, and the
// queue's priority filter / sort / urgent view — in English, and the pages again in Russian.
import { test, expect, type Browser } from "@playwright/test";
import { createStaff, e2eDb } from "./support/db";
import { signIn } from "./support/auth";
import { createCustomer, createTicket, shoot } from "./support/staff";
import { adminPage, customerPage, resetTicketSettings, setTicketSettings } from "./support/portal";

// signed-in browsers, several admin forms and screenshots per test, on a shared 2-core machine
test.describe.configure({ timeout: 180_000 });

test.afterAll(async () => {
  await resetTicketSettings();
  // fields made here belong to this spec's categories only; archive them all the same
  await e2eDb().customField.updateMany({ where: { nameEn: { startsWith: "E2E " } }, data: { archivedAt: new Date() } });
});

test("priorities: admin page, the staff ticket, the queue's filter, sort and urgent view", async ({ page }) => {
  const stamp = Date.now().toString(36);
  const admin = await createStaff("ADMIN");
  await signIn(page, admin.email, admin.password);
  await page.goto("/staff/settings/priorities");
  await expect(page.getByTestId("priority-row")).toHaveCount(await e2eDb().priority.count());
  await page.getByTestId("priority-new").click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name (Russian)").fill(`Блокер ${stamp}`);
  await dialog.getByLabel("Name (English)").fill(`Blocker ${stamp}`);
  await dialog.getByRole("button", { name: "Create" }).click();
  await expect(page.getByTestId("priority-row").filter({ hasText: `Blocker ${stamp}` })).toBeVisible();
  await shoot(page, "admin-priorities");

  const customer = await createCustomer();
  const id = await createTicket(customer.id, `Priority ticket ${stamp}`);
  await page.goto(`/staff/tickets/${id}`);
  const urgent = await e2eDb().priority.findUniqueOrThrow({ where: { key: "urgent" } });
  await page.getByTestId("ticket-fields").getByTestId("priority-select").selectOption(String(urgent.id));
  await expect(page.getByText("Saved.")).toBeVisible();
  await expect(page.getByTestId("history-event").filter({ hasText: "changed the priority" })).toContainText("Urgent");
  expect((await e2eDb().ticket.findUniqueOrThrow({ where: { id } })).priorityId).toBe(urgent.id);
  await shoot(page, "staff-ticket-priority");

  await page.goto("/staff");
  await expect(page.getByTestId("view-urgent").getByTestId("count")).not.toHaveText("0");
  await page.getByTestId("view-urgent").click();
  await expect(page.getByTestId("queue-row").filter({ hasText: `Priority ticket ${stamp}` })).toBeVisible();
  await expect(page.getByTestId("queue-row").getByTestId("priority-badge").first()).toHaveText("Urgent");
  await page.goto("/staff?sort=priority");
  await expect(page.getByTestId("queue-sort")).toHaveValue("priority");
  await shoot(page, "staff-queue-priority");
});

async function setupCategories(browser: Browser, stamp: string) {
  const admin = await adminPage(browser);
  await admin.goto("/staff/settings/categories");
  const dialog = admin.getByRole("dialog");
  await admin.getByTestId("category-new").click();
  await dialog.getByLabel("Name (Russian)").fill(`Сайты ${stamp}`);
  await dialog.getByLabel("Name (English)").fill(`Websites ${stamp}`);
  await dialog.getByText("No tickets", { exact: true }).click();
  await dialog.getByRole("button", { name: "Create" }).click();
  await expect(admin.getByText(`Websites ${stamp}`)).toBeVisible();
  const parent = await e2eDb().category.findFirstOrThrow({ where: { nameEn: `Websites ${stamp}` } });
  await admin.getByTestId("category-new").click();
  await dialog.getByLabel("Name (Russian)").fill(`Хостинг ${stamp}`);
  await dialog.getByLabel("Name (English)").fill(`Hosting ${stamp}`);
  await dialog.getByLabel("Parent category").selectOption(String(parent.id));
  await dialog.getByRole("button", { name: "Create" }).click();
  await expect(admin.getByText(`Hosting ${stamp}`)).toBeVisible();
  await shoot(admin, "admin-categories-children");

  await admin.goto("/staff/settings/custom-fields");
  await admin.getByTestId("field-new").click();
  await dialog.locator('select[name="type"]').selectOption("select");
  await dialog.locator('select[name="categoryId"]').selectOption(String(parent.id));
  await dialog.getByLabel("Name (Russian)").fill(`E2E Тариф ${stamp}`);
  await dialog.getByLabel("Name (English)").fill(`E2E Plan ${stamp}`);
  await dialog.locator('textarea[name="options"]').fill("basic | Базовый | Basic\npro | Про | Pro");
  await dialog.getByText("Required", { exact: true }).click();
  await dialog.getByTestId("field-save").click();
  await expect(admin.getByTestId("field-row").filter({ hasText: `E2E Plan ${stamp}` })).toBeVisible();
  await shoot(admin, "admin-custom-fields");
  await setTicketSettings(admin, { customerSetsPriority: true });
  return { admin, parent };
}

test("sub-categories and custom fields: admin, the portal form, the staff ticket with history", async ({ browser }) => {
  const stamp = Date.now().toString(36);
  const { admin, parent } = await setupCategories(browser, stamp);
  const child = await e2eDb().category.findFirstOrThrow({ where: { parentId: parent.id } });

  const { page } = await customerPage(browser);
  await page.goto("/tickets/new");
  const form = page.getByTestId("new-ticket-form");
  const picker = form.locator('select[name="categoryId"]');
  // the "no tickets" parent is only a group label
  await expect(picker.locator(`option[value="${parent.id}"]`)).toHaveCount(0);
  await expect(picker.locator(`optgroup[label="Websites ${stamp}"] option`)).toHaveText([`Hosting ${stamp}`]);
  await expect(form.getByText(`E2E Plan ${stamp}`)).toHaveCount(0);
  await picker.selectOption(String(child.id));
  await expect(form.getByText(`E2E Plan ${stamp}`)).toBeVisible(); // the field follows the category
  await form.locator('input[name="title"]').fill(`Fields ticket ${stamp}`);
  await form.locator('textarea[name="body"]').fill("Our site is slow.");
  const high = await e2eDb().priority.findUniqueOrThrow({ where: { key: "high" } });
  await form.getByTestId("priority-select").selectOption(String(high.id));
  await form.getByRole("button", { name: "Send ticket" }).click();
  await expect(form.getByText("This field is required.")).toBeVisible(); // the server's schema said so
  await shoot(page, "portal-new-ticket-fields");
  await form.locator('select[name^="field-"]').selectOption("pro");
  await form.getByRole("button", { name: "Send ticket" }).click();
  await expect(page).toHaveURL(/\/tickets\/\d+$/);
  const id = Number(/\/tickets\/(\d+)$/.exec(page.url())![1]);
  const t = await e2eDb().ticket.findUniqueOrThrow({ where: { id } });
  expect(t.priorityId).toBe(high.id);
  expect(Object.values(t.customFields as object)).toEqual(["pro"]);
  // the customer's ticket page: the priority, and the field (customer-editable) with its value
  await expect(page.getByTestId("priority-badge")).toHaveText("High");
  await expect(page.getByTestId("portal-fields").locator('select[name^="field-"]')).toHaveValue("pro");
  await shoot(page, "portal-ticket-fields");

  await admin.goto(`/staff/tickets/${id}`);
  const card = admin.getByTestId("ticket-fields");
  await expect(card.locator('select[name^="field-"]')).toHaveValue("pro");
  await card.locator('select[name^="field-"]').selectOption("basic");
  await card.getByTestId("fields-save").click();
  await expect(admin.getByTestId("history-fields")).toContainText(`E2E Plan ${stamp}: Pro → Basic`);
  await shoot(admin, "staff-ticket-fields");

  await admin.goto(`/staff?category=${parent.id}&field=${(await e2eDb().customField.findFirstOrThrow({ where: { nameEn: `E2E Plan ${stamp}` } })).id}&fv=basic`);
  await expect(admin.getByTestId("queue-row")).toHaveCount(1);
  await expect(admin.getByTestId("queue-row")).toContainText(`Fields ticket ${stamp}`);
});

test("the new pages in Russian", async ({ browser }) => {
  const ctx = await browser.newContext({ locale: "ru-RU", extraHTTPHeaders: { "accept-language": "ru-RU,ru;q=0.9" } });
  const page = await ctx.newPage();
  const admin = await createStaff("ADMIN", "ru");
  await signIn(page, admin.email, admin.password);
  await page.goto("/staff/settings/priorities");
  await expect(page.getByRole("heading", { name: "Приоритеты" })).toBeVisible();
  await expect(page.getByTestId("priority-row").filter({ hasText: "Срочный" })).toBeVisible();
  await shoot(page, "admin-priorities-ru");
  await page.goto("/staff/settings/custom-fields");
  await expect(page.getByRole("heading", { name: "Дополнительные поля" })).toBeVisible();
  await page.getByTestId("field-new").click();
  await expect(page.getByRole("dialog").locator('select[name="type"] option')).toHaveText(["Текст", "Длинный текст", "Число", "Дата", "Флажок", "Один из списка", "Несколько из списка"]);
  await page.keyboard.press("Escape");
  await page.goto("/staff");
  await expect(page.getByTestId("filter-priority").locator("option").first()).toHaveText("Любой приоритет");
  await expect(page.getByTestId("queue-sort").locator("option")).toHaveText(["Сначала новые события", "Сначала срочные"]);
  await page.goto("/staff/settings/tickets");
  await expect(page.getByText("Клиенты выбирают приоритет")).toBeVisible();
  await ctx.close();
});
