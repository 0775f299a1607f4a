// Issue 16.4 and 16.5 in Chromium: saved views (save, count badge, unpin/pin, rename — English
// and Russian), and two agents on one ticket in two browser contexts: each sees the other typing
// ("… is replying…" / "… отвечает…"), A's reply appears on B's page without a reload, and B's
// reply written before it arrived asks "send anyway?" before it goes out.
import { test, expect, type Page } from "@playwright/test";
import { createStaff, e2eDb } from "./support/db";
import { signIn } from "./support/auth";
import { createCustomer, createTicket, shoot } from "./support/staff";
import { russianContext } from "./support/kb";

// a loaded machine (other suites, two cores): sign-ins and first renders can be slow
test.setTimeout(300_000);

async function namedStaff(locale: "en" | "ru", name: string) {
  const s = await createStaff("AGENT", locale);
  await e2eDb().user.update({ where: { email: s.email }, data: { name } });
  return { ...s, name };
}

async function saveView(page: Page, button: string, name: string) {
  await page.getByTestId("view-save-open").filter({ hasText: button }).click();
  await page.getByTestId("view-name").fill(name);
  await page.getByTestId("view-save").click();
}

test("saved views: save the current filters, see the count, unpin, pin, rename (en)", async ({ page }) => {
  const stamp = Date.now().toString(36);
  const customer = await createCustomer("Views Customer");
  await createTicket(customer.id, `Toner empty ${stamp}`);
  await createTicket(customer.id, `Toner smudges ${stamp}`);
  const agent = await namedStaff("en", `Views Agent ${stamp}`);
  await signIn(page, agent.email, agent.password);
  await page.goto(`/staff?q=${stamp}`);
  await expect(page.getByTestId("queue-row")).toHaveCount(2);

  await saveView(page, "Save view", `Toner ${stamp}`);
  const chip = page.getByTestId("saved-views").getByRole("link", { name: new RegExp(`Toner ${stamp}`) });
  await expect(chip).toBeVisible();
  await expect(chip.getByTestId("count")).toHaveText("2");
  await expect(chip).toHaveAttribute("aria-current", "page");
  await shoot(page, "queue-saved-views");

  // from the unfiltered queue the chip brings the filters back
  await page.goto("/staff");
  await chip.click();
  await expect(page).toHaveURL(new RegExp(`q=${stamp}`));
  await expect(page.getByTestId("queue-row")).toHaveCount(2);

  // a third matching ticket: the badge follows (live update or the next count)
  await createTicket(customer.id, `Toner leaks ${stamp}`);
  await expect(chip.getByTestId("count")).toHaveText("3", { timeout: 30_000 });

  await page.getByTestId("view-manage-open").click();
  const row = page.getByTestId("view-manage-list").locator("li").filter({ hasText: `Toner ${stamp}` });
  await row.getByTestId("view-pin").click();
  await expect(chip).toHaveCount(0);
  await row.getByTestId("view-pin").click();
  await row.getByTestId("view-rename").click();
  await page.getByTestId("view-rename-input").fill(`Toner issues ${stamp}`);
  await page.getByTestId("view-rename-save").click();
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("saved-views").getByRole("link", { name: new RegExp(`Toner issues ${stamp}`) })).toBeVisible();
});

test("saved views in Russian: save, count, translated buttons", async ({ browser }) => {
  const stamp = Date.now().toString(36);
  const customer = await createCustomer("Views Customer");
  for (const what of ["empty", "smudges", "leaks"]) await createTicket(customer.id, `Toner ${what} ${stamp}`);
  const ruAgent = await namedStaff("ru", `Агент ${stamp}`);
  const ru = await russianContext(browser);
  const ruPage = await ru.newPage();
  await signIn(ruPage, ruAgent.email, ruAgent.password);
  await ruPage.goto(`/staff?q=${stamp}`);
  await saveView(ruPage, "Сохранить вид", `Тонер ${stamp}`);
  const ruChip = ruPage.getByTestId("saved-views").getByRole("link", { name: new RegExp(`Тонер ${stamp}`) });
  await expect(ruChip.getByTestId("count")).toHaveText("3");
  await expect(ruPage.getByTestId("view-manage-open")).toHaveText(/Настроить представления/);
  await shoot(ruPage, "queue-saved-views-ru");
  await ru.close();
});

test("two agents on one ticket: typing notice, live reply, send-anyway on a stale reply (en, ru)", async ({ page, browser }) => {
  const stamp = Date.now().toString(36);
  const customer = await createCustomer("Live Customer");
  const ticketId = await createTicket(customer.id, `Printer on fire ${stamp}`);
  const anna = await namedStaff("en", `Anna ${stamp}`);
  const boris = await namedStaff("ru", `Борис ${stamp}`);

  await signIn(page, anna.email, anna.password);
  const ru = await russianContext(browser);
  const b = await ru.newPage();
  await signIn(b, boris.email, boris.password);
  await page.goto(`/staff/tickets/${ticketId}`);
  await b.goto(`/staff/tickets/${ticketId}`);
  await expect(page.getByTestId("live-ticket")).toHaveAttribute("data-transport", "sse");
  await expect(b.getByTestId("live-ticket")).toHaveAttribute("data-transport", "sse");

  // Boris starts a reply first: it is written against the ticket as he loaded it
  await b.getByTestId("reply-form").locator("textarea").fill(`Я уже смотрю ${stamp}`);
  await expect(page.getByTestId("typing-notice")).toHaveText(`Борис ${stamp} is replying…`);

  await page.getByTestId("reply-form").locator("textarea").fill(`On my way ${stamp}`);
  await expect(b.getByTestId("typing-notice")).toHaveText(`Anna ${stamp} отвечает…`);
  await shoot(b, "ticket-typing-notice-ru");
  await shoot(page, "ticket-typing-notice");

  await page.getByTestId("reply-form").getByRole("button", { name: "Send" }).click();
  // Anna's reply shows up on Boris's page without a reload
  await expect(b.getByTestId("thread").getByText(`On my way ${stamp}`)).toBeVisible({ timeout: 20_000 });
  await expect(b.getByTestId("typing-notice")).toHaveCount(0);

  // Boris's older draft asks before it goes out
  await b.getByTestId("reply-form").getByRole("button", { name: "Отправить" }).click();
  const dialog = b.getByTestId("reply-conflict");
  await expect(dialog).toContainText("Пришло новое сообщение");
  await shoot(b, "ticket-reply-conflict-ru");
  await dialog.getByTestId("reply-send-anyway").click();
  await expect(dialog).toHaveCount(0, { timeout: 30_000 });
  await expect(b.getByTestId("thread").getByText(`Я уже смотрю ${stamp}`)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("thread").getByText(`Я уже смотрю ${stamp}`)).toBeVisible({ timeout: 20_000 });
  const bodies = (await e2eDb().message.findMany({ where: { ticketId }, orderBy: { id: "asc" }, select: { bodyText: true } })).map((m) => m.bodyText);
  expect(bodies).toEqual([`On my way ${stamp}`, `Я уже смотрю ${stamp}`]);
  await ru.close();
});
