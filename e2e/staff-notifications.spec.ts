// Notification preferences, @mentions and the bell in Chromium (issue 16 point 3), in English
// and Russian: an agent keeps only mentions in the app (so other specs' tickets do not ring their
// bell), an admin mentions them in an internal note picked from the "@" offers, and the agent's
// bell shows 1 with an item that opens the ticket.
import { test, expect, type Browser, type Page } from "@playwright/test";
import { createStaff, e2eDb } from "./support/db";
import { signIn } from "./support/auth";
import { createCustomer, createTicket, shoot } from "./support/staff";
import { russianContext } from "./support/kb";

test.setTimeout(180_000);

const TEXT = {
  en: { saved: "Saved.", title: "Notifications", anyReplyApp: "Any reply in my categories: In the app", note: "Add note", event: "Mentioned you" },
  ru: { saved: "Сохранено.", title: "Уведомления", anyReplyApp: "Любой ответ в моих категориях: В приложении", note: "Добавить заметку", event: "Упоминание" },
} as const;

async function contextFor(browser: Browser, locale: "en" | "ru") {
  return locale === "ru" ? russianContext(browser) : browser.newContext();
}

/** Keeps only mentions in the app (everything else off in the app), saves, and checks it stuck. */
async function onlyMentionsInApp(page: Page, locale: "en" | "ru") {
  await page.goto("/account/notifications");
  await expect(page.getByRole("heading", { name: TEXT[locale].title })).toBeVisible();
  await expect(page.getByLabel(TEXT[locale].anyReplyApp)).toBeChecked(); // the default
  for (const ev of ["newTicket", "assigned", "customerReply", "anyReply"]) await page.getByTestId(`pref-${ev}-app`).uncheck();
  await page.getByTestId("pref-anyReply-mail").check();
  await page.getByTestId("notification-prefs-save").click();
  await expect(page.getByText(TEXT[locale].saved)).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("pref-newTicket-app")).not.toBeChecked();
  await expect(page.getByTestId("pref-anyReply-mail")).toBeChecked();
  await expect(page.getByTestId("pref-mention-app")).toBeChecked();
  await shoot(page, `notification-prefs-${locale}`);
}

for (const locale of ["en", "ru"] as const) {
  test(`a mention in a note rings the mentioned agent's bell (${locale})`, async ({ browser }) => {
    const stamp = Date.now().toString(36);
    const [admin, agent] = [await createStaff("ADMIN", locale), await createStaff("AGENT", locale)];
    agent.name = `Mira ${stamp} Kowalski`;
    await e2eDb().user.update({ where: { email: agent.email }, data: { name: agent.name } });
    const customer = await createCustomer("Bell Customer", locale);
    const ticketId = await createTicket(customer.id, `Bell ticket ${stamp}`);

    const agentCtx = await contextFor(browser, locale);
    const agentPage = await agentCtx.newPage();
    await signIn(agentPage, agent.email, agent.password);
    await onlyMentionsInApp(agentPage, locale);

    const adminCtx = await contextFor(browser, locale);
    const adminPage = await adminCtx.newPage();
    await signIn(adminPage, admin.email, admin.password);
    await adminPage.goto(`/staff/tickets/${ticketId}`);
    await adminPage.getByTestId("mode-note").click();
    const box = adminPage.getByTestId("composer-text");
    await box.click();
    await box.pressSequentially(`@Mira ${stamp}`);
    await adminPage.getByTestId("mention-offer").filter({ hasText: agent.name }).click();
    await expect(box).toHaveValue(`@${agent.name} `);
    await box.pressSequentially("please check the printer");
    await adminPage.getByTestId("reply-form").getByRole("button", { name: TEXT[locale].note }).click();
    await expect(box).toHaveValue("");
    await adminCtx.close();

    await agentPage.goto("/staff");
    await expect(agentPage.getByTestId("notification-count")).toHaveText("1", { timeout: 40_000 });
    await agentPage.getByTestId("notification-bell").click();
    const item = agentPage.getByTestId("notification-item");
    await expect(item).toHaveCount(1);
    await expect(item).toContainText(TEXT[locale].event);
    await expect(item).toContainText(`Bell ticket ${stamp}`);
    await expect(item).toContainText("please check the printer");
    await shoot(agentPage, `notification-bell-${locale}`);
    // the screenshots resize the page, which may close the menu
    if (!(await item.isVisible())) await agentPage.getByTestId("notification-bell").click();
    await item.getByRole("menuitem").click();
    await expect(agentPage).toHaveURL(new RegExp(`/staff/tickets/${ticketId}$`), { timeout: 40_000 });
    await expect(agentPage.getByTestId("notification-count")).toHaveCount(0, { timeout: 40_000 });
    await agentCtx.close();
  });
}
