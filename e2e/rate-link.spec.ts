// The rating link of the closing mail in Chromium, without signing in: the page names the
// ticket, stars + comment are saved through the server action, and bad or refused links get a
// translated explanation (Russian and English).
import { test, expect } from "@playwright/test";
import { signLink } from "../server/auth/signed-links";
import { e2eDb } from "./support/db";
import { createCustomer, createTicket } from "./support/staff";
import { resetTicketSettings } from "./support/portal";
import { useServerSecrets } from "./support/mail";

test.beforeAll(() => {
  useServerSecrets();
});
test.afterEach(resetTicketSettings);

const TEXT = {
  en: { lang: "en-US,en;q=0.9", title: "Rate our answer", ticket: "Ticket #", thanks: "Thank you! Your rating has been saved.", invalid: "invalid or has expired", notClosed: "not closed yet", disabled: "Rating is turned off" },
  ru: { lang: "ru-RU,ru;q=0.9", title: "Оцените наш ответ", ticket: "Заявка №", thanks: "Спасибо! Ваша оценка сохранена.", invalid: "недействительна или устарела", notClosed: "ещё не закрыта", disabled: "Оценка заявок отключена" },
} as const;

for (const locale of ["en", "ru"] as const) {
  test(`rate link (${locale}): stars and a comment without signing in; invalid, open and disabled links explained`, async ({ browser }) => {
    const s = TEXT[locale];
    const ctx = await browser.newContext({ locale: locale === "ru" ? "ru-RU" : "en-US", extraHTTPHeaders: { "accept-language": s.lang } });
    const page = await ctx.newPage();
    const customer = await createCustomer("Rita Rater", locale);
    const title = `Rate me ${Date.now().toString(36)}`;
    const id = await createTicket(customer.id, title, "Details", { statusKey: "closed" });
    const token = signLink("rate", id, customer.id);

    await page.goto(`/rate?token=${encodeURIComponent(token)}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(s.title);
    await expect(page.getByTestId("rate-ticket")).toContainText(`${s.ticket}${id}`);
    await expect(page.getByTestId("rate-ticket")).toContainText(title);
    await page.getByTestId("star-4").click();
    await page.getByTestId("rate-form").locator('textarea[name="comment"]').fill("Fast and friendly");
    await page.getByTestId("rate-form").locator('button[type="submit"]').click();
    await expect(page.getByTestId("rate-done")).toHaveText(s.thanks);
    await expect.poll(async () => (await e2eDb().ticket.findUniqueOrThrow({ where: { id } })).rating).toBe(4);
    expect((await e2eDb().ticket.findUniqueOrThrow({ where: { id } })).ratingComment).toBe("Fast and friendly");
    // the page again: the saved rating is shown and can be changed
    await page.reload();
    await expect(page.getByTestId("rate-current")).toContainText("4");
    await expect(page.getByTestId("rate-form").locator('textarea[name="comment"]')).toHaveValue("Fast and friendly");

    // a tampered link, and a link to an open ticket
    await page.goto(`/rate?token=${encodeURIComponent(token.slice(0, -2) + "xx")}`);
    await expect(page.getByTestId("rate-error")).toContainText(s.invalid);
    await expect(page.getByTestId("rate-form")).toHaveCount(0);
    const openId = await createTicket(customer.id, "Still open", "x");
    await page.goto(`/rate?token=${encodeURIComponent(signLink("rate", openId, customer.id))}`);
    await expect(page.getByTestId("rate-error")).toContainText(s.notClosed);
    await expect(page.getByTestId("rate-ticket")).toContainText("Still open");

    // rating switched off by the admin
    await e2eDb().setting.upsert({ where: { key: "tickets.allowRating" }, create: { key: "tickets.allowRating", value: false }, update: { value: false } });
    await page.goto(`/rate?token=${encodeURIComponent(token)}`);
    await expect(page.getByTestId("rate-error")).toContainText(s.disabled);
    await ctx.close();
  });
}
