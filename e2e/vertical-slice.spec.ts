// The foundation's slice in a real browser, in Russian and in English: a customer signs up
// and opens a ticket, an agent answers it from the queue, the customer sees the answer.
import { test, expect, type Browser } from "@playwright/test";
import { createStaff, uniqueEmail } from "./support/db";
import { signIn, signUp } from "./support/auth";

const TEXT = {
  ru: { myTickets: "Мои заявки", queue: "Очередь", send: "Отправить заявку", reply: "Отправить ответ", acceptLanguage: "ru-RU,ru;q=0.9" },
  en: { myTickets: "My tickets", queue: "Queue", send: "Send ticket", reply: "Send reply", acceptLanguage: "en-US,en;q=0.9" },
} as const;

async function contextFor(browser: Browser, lang: keyof typeof TEXT) {
  return browser.newContext({ locale: lang === "ru" ? "ru-RU" : "en-US", extraHTTPHeaders: { "accept-language": TEXT[lang].acceptLanguage } });
}

for (const lang of ["ru", "en"] as const) {
  test(`vertical slice (${lang}): sign up, open ticket, agent replies, customer sees it`, async ({ browser }) => {
    const L = TEXT[lang];
    const customerCtx = await contextFor(browser, lang);
    const customer = await customerCtx.newPage();
    const email = uniqueEmail(`customer-${lang}`);
    await signUp(customer, lang === "ru" ? "Иван Петров" : "Jane Doe", email, "customer-pass-1");
    await expect(customer.getByRole("heading", { name: L.myTickets })).toBeVisible();

    const title = lang === "ru" ? `Не работает принтер ${Date.now()}` : `Printer is broken ${Date.now()}`;
    await customer.goto("/tickets/new");
    const form = customer.getByTestId("new-ticket-form");
    await form.locator('input[name="title"]').fill(title);
    await form.locator('textarea[name="body"]').fill(lang === "ru" ? "Печатает **пустые** листы." : "It prints **blank** pages.");
    await form.getByRole("button", { name: L.send }).click();
    await expect(customer).toHaveURL(/\/tickets\/\d+$/);
    await expect(customer.getByTestId("ticket-title")).toHaveText(title);
    const ticketUrl = customer.url();

    await customer.goto("/tickets");
    await expect(customer.getByTestId("ticket-row").filter({ hasText: title })).toBeVisible();

    const agentCtx = await contextFor(browser, lang);
    const agent = await agentCtx.newPage();
    const staff = await createStaff("AGENT", lang);
    await signIn(agent, staff.email, staff.password);
    await expect(agent).toHaveURL(/\/staff$/);
    await expect(agent.getByRole("heading", { name: L.queue })).toBeVisible();
    await agent.getByTestId("queue-row").filter({ hasText: title }).getByRole("link").click();
    await expect(agent.getByTestId("ticket-title")).toHaveText(title);
    const answer = lang === "ru" ? "Замените картридж, пожалуйста." : "Please replace the cartridge.";
    await agent.getByTestId("reply-form").locator("textarea").fill(answer);
    await agent.getByTestId("reply-form").getByRole("button", { name: L.reply }).click();
    await expect(agent.getByTestId("thread")).toContainText(answer);

    await customer.goto(ticketUrl);
    await expect(customer.getByTestId("thread")).toContainText(answer);
    await customerCtx.close();
    await agentCtx.close();
  });
}
