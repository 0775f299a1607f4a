// A reply that came by mail shows only the customer's new words; staff unfold "show quoted text"
// to read the whole mail as it arrived, and a plain-text signature is folded. Both languages;
// the customer's own view has neither toggle for the quote.
import { test, expect, type Browser, type Page } from "@playwright/test";
import { createStaff, e2eDb } from "./support/db";
import { signIn } from "./support/auth";

/** signIn, with more patience for the staff queue it lands on (slow on a loaded test machine). */
async function signInStaff(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  const form = page.getByTestId("sign-in-form");
  await form.locator('input[name="email"]').fill(email);
  await form.locator('input[name="password"]').fill(password);
  await form.locator('button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"), { timeout: 60_000 });
}
import { createCustomer, createTicket, shoot } from "./support/staff";
import { textToHtml } from "@/server/platform/sanitize";

async function mailReply(stamp: string) {
  const customer = await createCustomer("Anna Mailer");
  const id = await createTicket(customer.id, `Printer offline ${stamp}`, "The printer is offline.");
  const bodyText = `It works now, thank you ${stamp}.\n\n-- \nAnna Mailer\nACME Ltd, +1 555 0100`;
  const fullText = `${bodyText}\n\nOn Mon, Oct 6, 2026 at 10:00 AM Support <support@example.test> wrote:\n> Hello Anna,\n> please restart the spooler ${stamp}.`;
  await e2eDb().message.create({ data: { ticketId: id, authorId: customer.id, source: "EMAIL", bodyText, bodyHtml: textToHtml(bodyText), fullText } });
  return { id, customer };
}

async function staffPage(browser: Browser, locale: "en" | "ru") {
  const agent = await createStaff("AGENT", locale);
  const ctx = await browser.newContext({ locale: locale === "ru" ? "ru-RU" : "en-US", extraHTTPHeaders: { "accept-language": locale === "ru" ? "ru-RU,ru;q=0.9" : "en-US,en;q=0.9" } });
  const page = await ctx.newPage();
  await signInStaff(page, agent.email, agent.password);
  return { page, ctx };
}

for (const [locale, showQuoted, signature] of [["en", "Show quoted text", "Signature"], ["ru", "Показать цитируемый текст", "Подпись"]] as const) {
  test(`staff unfold the quoted text and the signature of a mail reply (${locale})`, async ({ browser }) => {
    const stamp = `${locale}${Date.now().toString(36)}`;
    const { id } = await mailReply(stamp);
    const { page, ctx } = await staffPage(browser, locale);
    await page.goto(`/staff/tickets/${id}`);
    const message = page.getByTestId("message").filter({ hasText: `It works now, thank you ${stamp}.` });
    await expect(message).toBeVisible();

    const quoted = message.getByTestId("quoted-text");
    await expect(quoted.getByText(showQuoted)).toBeVisible();
    await expect(quoted.getByText(`please restart the spooler ${stamp}.`, { exact: false })).toBeHidden();
    await quoted.getByText(showQuoted).click();
    await expect(quoted.getByText(`please restart the spooler ${stamp}.`, { exact: false })).toBeVisible();
    await expect(quoted).toContainText("Support <support@example.test> wrote:");

    const sig = message.getByTestId("signature");
    await expect(sig.getByText("ACME Ltd", { exact: false })).toBeHidden();
    await sig.getByText(signature, { exact: true }).click();
    await expect(sig.getByText("ACME Ltd", { exact: false })).toBeVisible();
    await shoot(page, `staff-quoted-text-${locale}`);
    await ctx.close();
  });
}

test("the customer sees the cut reply without the staff-only quoted text", async ({ browser }) => {
  const stamp = `c${Date.now().toString(36)}`;
  const { id, customer } = await mailReply(stamp);
  const ctx = await browser.newContext({ locale: "en-US" });
  const page = await ctx.newPage();
  await signIn(page, customer.email, customer.password);
  await page.goto(`/tickets/${id}`);
  await expect(page.getByText(`It works now, thank you ${stamp}.`)).toBeVisible();
  await expect(page.getByTestId("quoted-text")).toHaveCount(0);
  await expect(page.getByText(`please restart the spooler ${stamp}.`)).toHaveCount(0);
  await ctx.close();
});
