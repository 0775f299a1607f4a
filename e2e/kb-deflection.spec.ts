// Deflection while typing a new ticket: matching articles appear under the title (guest form
// and signed-in customer), an opened suggestion is recorded, and the report page counts the
// forms that were then left without a ticket — and not the one that submitted.
import { test, expect as baseExpect } from "@playwright/test";
import { createStaff, e2eDb } from "./support/db";
import { englishContext } from "./support/portal";
import { shoot } from "./support/staff";
import { seedKb, russianContext, expectAccessible, kbSignIn, kbCustomer } from "./support/kb";

// generous waits: the e2e machine is shared and often loaded
const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 300_000 });

test("suggestions while typing: guest (ru) opens one and leaves; customer (en) opens one and submits; the report counts one", async ({ browser }) => {
  const tag = `d${Date.now() % 1e6}`;
  const kb = await seedKb(tag);

  // a guest in Russian types a question and opens a suggested article in a new tab
  const guestCtx = await russianContext(browser);
  const guest = await guestCtx.newPage();
  await guest.goto("/tickets/new");
  await guest.getByTestId("new-ticket-form").locator('input[name="title"]').fill(`Не могу сбросить пароль ${tag}`);
  const suggestion = guest.getByTestId("kb-suggestion").filter({ hasText: `Как сбросить пароль ${tag}` });
  await expect(suggestion).toBeVisible();
  await expect(guest.getByTestId("kb-suggestions")).toContainText("Возможно, ответ уже есть в этих статьях");
  await expectAccessible(guest);
  await shoot(guest, "kb-deflection-ru");
  const [tab] = await Promise.all([guestCtx.waitForEvent("page"), suggestion.click()]);
  await expect(tab.getByTestId("kb-article").getByRole("heading", { level: 1 })).toHaveText(`Как сбросить пароль ${tag}`);

  // a signed-in customer in English opens one too, but submits the ticket anyway
  const customer = await (await englishContext(browser)).newPage();
  const who = await kbCustomer();
  await kbSignIn(customer, who.email, who.password);
  await customer.goto("/tickets/new");
  const form = customer.getByTestId("new-ticket-form");
  await form.locator('input[name="title"]').fill(`reset password ${tag}`);
  const item = customer.getByTestId("kb-suggestion").filter({ hasText: `How to reset your password ${tag}` });
  await expect(item).toBeVisible();
  const [tab2] = await Promise.all([customer.context().waitForEvent("page"), item.click()]);
  await expect(tab2.getByTestId("kb-article")).toBeVisible();
  await form.locator('textarea[name="body"]').fill("The link did not arrive.");
  await form.getByRole("button", { name: "Send ticket" }).click();
  await expect(customer).toHaveURL(/\/tickets\/\d+$/);
  // two forms opened the article; the customer's form submitted, the guest's did not
  await expect.poll(async () => (await e2eDb().kbDeflection.findMany({ where: { articleId: kb.reset.id } })).map((d) => d.submittedAt !== null).sort()).toEqual([false, true]);

  const staff = await (await englishContext(browser)).newPage();
  const agent = await createStaff("AGENT");
  await kbSignIn(staff, agent.email, agent.password);
  await staff.goto("/staff/reports");
  const card = staff.getByTestId("kb-report");
  await expect(card).toContainText("Knowledge base");
  await expect(card.getByTestId("kb-report-deflected")).toContainText(/[1-9]/);
  await expect(card).toContainText(`How to reset your password ${tag}`);
  await expectAccessible(staff, "[data-testid=kb-report]");
  await expect(card).not.toContainText(`Two-factor sign-in ${tag}`);
});
