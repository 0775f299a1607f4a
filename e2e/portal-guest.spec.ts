// Guest tickets in a real browser: the admin switches them on and off (and require login) on
// «Ticket settings», and the portal obeys; a guest gets the mail and opens the ticket by link.
import { test, expect } from "@playwright/test";
import { e2eDb, uniqueEmail } from "./support/db";
import { adminPage, englishContext, resetTicketSettings, setTicketSettings } from "./support/portal";

test.afterEach(resetTicketSettings);

test("guest ticket: form, ONE mail (ticket link + set-password link), the signed link opens the ticket", async ({ browser }) => {
  const ctx = await englishContext(browser);
  const page = await ctx.newPage();
  await page.goto("/tickets/new");
  const form = page.getByTestId("new-ticket-form");
  await expect(form.getByTestId("guest-fields")).toBeVisible();
  const email = uniqueEmail("guest");
  await form.locator('input[name="name"]').fill("Gary Guest");
  await form.locator('input[name="email"]').fill(email);
  await form.locator('input[name="title"]').fill("Cannot open the invoice");
  await form.locator('textarea[name="body"]').fill("The PDF is **empty**.");
  // no preview for anonymous visitors (ticket.previewMarkdown needs a signed-in user or a guest link)
  await expect(form.getByTestId("preview-tab")).toHaveCount(0);
  await form.getByRole("button", { name: "Send ticket" }).click();
  await expect(page.getByTestId("guest-created")).toContainText(email);

  await expect(page.getByTestId("guest-created")).toContainText("Check your mailbox");
  const mails = await e2eDb().outboxMail.findMany({ where: { toEmail: email } });
  expect(mails.map((m) => m.template)).toEqual(["ticket.created"]);
  const mail = mails[0]!;
  expect(mail.text).toMatch(/\/set-password\?token=/);
  const link = /(\/t\/\S+)/.exec(mail.text)![1]!;
  await page.goto(link);
  // the link asks before it signs the browser in to the ticket (no cookie on a plain GET)
  await page.getByTestId("guest-link-open").click();
  await expect(page).toHaveURL(/\/tickets\/\d+$/);
  await expect(page.getByTestId("guest-banner")).toBeVisible();
  await expect(page.getByTestId("ticket-title")).toHaveText("Cannot open the invoice");
  const cookie = (await ctx.cookies()).find((c) => c.name === "hd_guest")!;
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });

  // the same email again: the same neutral answer on the page; the owner is mailed, the account is not touched
  const again = await browser.newContext({ locale: "en-US", extraHTTPHeaders: { "accept-language": "en-US" } });
  const p2 = await again.newPage();
  await p2.goto("/tickets/new");
  const f2 = p2.getByTestId("new-ticket-form");
  await f2.locator('input[name="name"]').fill("Mallory");
  await f2.locator('input[name="email"]').fill(email);
  await f2.locator('input[name="title"]').fill("Give me that account");
  await f2.locator('textarea[name="body"]').fill("hello");
  await f2.getByRole("button", { name: "Send ticket" }).click();
  await expect(p2.getByTestId("guest-created")).toContainText(email);
  await expect(p2.getByTestId("form-error")).toHaveCount(0);
  expect(await e2eDb().outboxMail.count({ where: { toEmail: email, template: "guest.account-exists" } })).toBe(1);
  expect(await e2eDb().ticket.count({ where: { title: "Give me that account" } })).toBe(0);
  await ctx.close();
  await again.close();
});

test("admin turns guest tickets off, then requires login: the portal obeys", async ({ browser }) => {
  const admin = await adminPage(browser);
  const visitor = await (await englishContext(browser)).newPage();

  await setTicketSettings(admin, { allowGuestTickets: false });
  await visitor.goto("/tickets/new");
  await expect(visitor.getByText("Tickets can only be opened with an account")).toBeVisible();
  await expect(visitor.getByTestId("new-ticket-form")).toHaveCount(0);

  await setTicketSettings(admin, { allowGuestTickets: true, requireLogin: true });
  await visitor.goto("/tickets/new");
  await expect(visitor).toHaveURL(/\/sign-in/);

  await setTicketSettings(admin, { requireLogin: false });
  await visitor.goto("/tickets/new");
  await expect(visitor.getByTestId("guest-fields")).toBeVisible();
});
