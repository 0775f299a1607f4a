// Issue 15 in Chromium, in English and Russian: staff open a ticket for a new customer (the
// acknowledgement carries a set-password link) and with "do not notify"; the Cc list (staff add and
// remove, the customer adds when allowed); an agent edits and deletes their own reply; a merge picked
// by search and confirmed, with the pointer on the merged ticket; the print views (internal notes
// only in staff's).
import { test, expect, type Browser } from "@playwright/test";
import { createStaff, e2eDb, uniqueEmail } from "./support/db";
import { signIn } from "./support/auth";
import { createCustomer, createTicket, shoot } from "./support/staff";

type Locale = "en" | "ru";
const L = {
  en: { create: "Create ticket", added: "Added in copy.", edited: "(edited)", merged: "This ticket was merged into", print: "Print or save as PDF", internal: "Internal note", editTitle: "Edit your reply" },
  ru: { create: "Создать заявку", added: "Добавлено в копию.", edited: "(изменено)", merged: "Эта заявка объединена с заявкой", print: "Печать или PDF", internal: "Внутренняя заметка", editTitle: "Изменить свой ответ" },
} as const;

async function session(browser: Browser, locale: Locale, email: string, password: string) {
  const ctx = await browser.newContext({ locale: locale === "ru" ? "ru-RU" : "en-US", extraHTTPHeaders: { "accept-language": locale === "ru" ? "ru-RU,ru;q=0.9" : "en-US,en;q=0.9" } });
  const page = await ctx.newPage();
  await signIn(page, email, password);
  return { ctx, page };
}

// a loaded test machine (load average above 20 seen) needs more than the default 60 s for these flows
test.describe.configure({ timeout: 300_000 });

for (const locale of ["en", "ru"] as const) {
  const l = L[locale];

  test(`staff open a ticket for a customer (${locale})`, async ({ browser }) => {
    const stamp = `${locale}${Date.now().toString(36)}`;
    const agent = await createStaff("AGENT", locale);
    const { ctx, page } = await session(browser, locale, agent.email, agent.password);
    await page.goto("/staff");
    await page.getByTestId("staff-new-ticket").click();
    await expect(page.getByTestId("staff-new-ticket-form")).toBeVisible();
    const email = uniqueEmail(`walkin-${locale}`);
    await page.getByTestId("customer-search").fill(email);
    await expect(page.getByTestId("new-customer")).toBeVisible();
    await page.locator('input[name="customerName"]').fill("Walk In");
    await page.locator('input[name="title"]').fill(`Phone call ${stamp}`);
    await page.locator('textarea[name="body"]').fill("Printer on floor 3 jams.");
    await shoot(page, `staff-new-ticket-${locale}`);
    await page.getByRole("button", { name: l.create }).click();
    await page.waitForURL(/\/staff\/tickets\/\d+$/);
    await expect(page.getByTestId("ticket-title")).toHaveText(`Phone call ${stamp}`);
    const id = Number(new URL(page.url()).pathname.split("/").pop());
    const ack = await e2eDb().outboxMail.findFirstOrThrow({ where: { ticketId: id, toEmail: email } });
    expect(ack.template).toBe("ticket.created");
    expect(ack.text).toMatch(/set-password\?token=/);

    // an existing customer picked from the search, with "do not notify"
    const known = await createCustomer(`Known ${stamp}`, locale);
    await page.goto("/staff/tickets/new");
    await page.getByTestId("customer-search").fill(`Known ${stamp}`);
    await page.getByTestId("customer-results").getByRole("button").first().click();
    await expect(page.getByTestId("picked-customer")).toContainText(known.email);
    await page.locator('input[name="title"]').fill(`Walk-in ${stamp}`);
    await page.locator('textarea[name="body"]').fill("Came to the office.");
    await page.getByTestId("do-not-notify").check();
    await page.getByRole("button", { name: l.create }).click();
    await page.waitForURL(/\/staff\/tickets\/\d+$/);
    const quiet = Number(new URL(page.url()).pathname.split("/").pop());
    expect((await e2eDb().ticket.findUniqueOrThrow({ where: { id: quiet } })).requesterId).toBe(known.id);
    expect(await e2eDb().outboxMail.count({ where: { ticketId: quiet, toEmail: known.email } })).toBe(0);
    await ctx.close();
  });

  test(`Cc list, own reply edited and deleted, print views (${locale})`, async ({ browser }) => {
    const stamp = `${locale}${Date.now().toString(36)}`;
    const customer = await createCustomer("Olga Client", locale);
    const id = await createTicket(customer.id, `Invoice missing ${stamp}`, "Where is the March invoice?");
    const agent = await createStaff("AGENT", locale);
    const { ctx, page } = await session(browser, locale, agent.email, agent.password);
    await page.goto(`/staff/tickets/${id}`);

    // Cc: add two, remove one
    const cc = page.getByTestId("cc-list");
    await cc.locator('input[name="cc"]').fill(`boss-${stamp}@client.example`);
    await cc.locator('input[name="cc"]').press("Enter");
    await expect(cc.getByTestId("cc-item")).toHaveCount(1);
    await cc.locator('input[name="cc"]').fill(`it-${stamp}@client.example`);
    await cc.locator('input[name="cc"]').press("Enter");
    await expect(cc.getByTestId("cc-item")).toHaveCount(2);
    await cc.getByTestId("cc-item").filter({ hasText: `it-${stamp}` }).getByRole("button").click();
    await expect(cc.getByTestId("cc-item")).toHaveCount(1);
    await expect(page.getByTestId("history")).toContainText(`it-${stamp}@client.example`);

    // a reply with a typo, fixed, then a note deleted
    await page.getByTestId("composer-text").fill(`Sent agian ${stamp}`);
    await page.getByTestId("reply-form").locator('button[type="submit"]').click();
    await expect(page.getByTestId("thread")).toContainText(`Sent agian ${stamp}`);
    await page.getByTestId("message").filter({ hasText: `Sent agian ${stamp}` }).getByTestId("edit-message").click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByRole("heading", { name: l.editTitle })).toBeVisible();
    await dialog.locator("textarea").fill(`Sent again ${stamp}`);
    await shoot(page, `staff-edit-reply-${locale}`);
    await dialog.locator('button[type="submit"]').click();
    await expect(page.getByTestId("thread")).toContainText(`Sent again ${stamp}`);
    await expect(page.getByTestId("edited")).toHaveText(l.edited);
    await page.getByTestId("mode-note").click();
    await page.getByTestId("composer-text").fill(`Note ${stamp}`);
    await page.getByTestId("composer-text").press("Control+Enter");
    await expect(page.getByTestId("internal-note").filter({ hasText: `Note ${stamp}` })).toBeVisible();
    await shoot(page, `staff-ticket-actions-${locale}`);
    await page.getByTestId("internal-note").filter({ hasText: `Note ${stamp}` }).getByTestId("delete-message").click();
    await page.getByTestId("confirm-delete").click();
    await expect(page.getByTestId("internal-note").filter({ hasText: `Note ${stamp}` })).toHaveCount(0);
    await expect(page.getByTestId("history-original").first()).toBeAttached();
    expect(await e2eDb().outboxMail.count({ where: { ticketId: id, template: "reply.staff" } })).toBe(1);

    // staff print view: internal notes are in it
    await page.getByTestId("mode-note").click();
    await page.getByTestId("composer-text").fill(`Kept note ${stamp}`);
    await page.getByTestId("composer-text").press("Control+Enter");
    await expect(page.getByTestId("internal-note").filter({ hasText: `Kept note ${stamp}` })).toBeVisible();
    await page.goto(`/staff/tickets/${id}/print`);
    await expect(page.getByTestId("print-button")).toHaveText(l.print);
    await expect(page.getByTestId("print-note")).toContainText(`Kept note ${stamp}`);
    await expect(page.getByTestId("print-note")).toContainText(l.internal);
    await shoot(page, `staff-print-${locale}`);
    await page.emulateMedia({ media: "print" });
    await expect(page.getByTestId("print-button")).toBeHidden();
    await expect(page.locator("nav").first()).toBeHidden();
    const pdf = await page.pdf({ format: "A4" });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    await ctx.close();

    // the customer: adds a Cc when allowed; the print view has no internal note
    await e2eDb().setting.upsert({ where: { key: "tickets.customersMayAddCc" }, create: { key: "tickets.customersMayAddCc", value: true }, update: { value: true } });
    const c = await session(browser, locale, customer.email, customer.password);
    await c.page.goto(`/tickets/${id}`);
    await expect(c.page.getByTestId("thread")).toContainText(`Sent again ${stamp}`);
    await expect(c.page.getByTestId("edit-message")).toHaveCount(0);
    const pcc = c.page.getByTestId("portal-cc");
    await pcc.locator('input[name="cc"]').fill(`wife-${stamp}@client.example`);
    await pcc.locator('input[name="cc"]').press("Enter");
    await expect(c.page.getByText(l.added)).toBeVisible();
    await expect(pcc.getByTestId("cc-item")).toHaveCount(2);
    await shoot(c.page, `portal-cc-${locale}`);
    await c.page.goto(`/tickets/${id}/print`);
    await expect(c.page.getByTestId("ticket-print")).toContainText(`Sent again ${stamp}`);
    await expect(c.page.getByTestId("ticket-print")).not.toContainText(`Kept note ${stamp}`);
    await expect(c.page.getByTestId("print-note")).toHaveCount(0);
    await shoot(c.page, `portal-print-${locale}`);
    await c.ctx.close();
    await e2eDb().setting.delete({ where: { key: "tickets.customersMayAddCc" } });
  });

  test(`merge picked by search and confirmed; the merged ticket points on (${locale})`, async ({ browser }) => {
    const stamp = `${locale}${Date.now().toString(36)}`;
    const customer = await createCustomer("Pavel Client", locale);
    const target = await createTicket(customer.id, `All printers down ${stamp}`, "Nothing prints.");
    const source = await createTicket(customer.id, `Printer floor 3 ${stamp}`, "Floor 3 printer is dead.", { reply: `Still dead ${stamp}` });
    const agent = await createStaff("AGENT", locale);
    const { ctx, page } = await session(browser, locale, agent.email, agent.password);
    await page.goto(`/staff/tickets/${source}`);
    await page.getByTestId("merge-open").click();
    await page.getByTestId("merge-search").fill(`All printers down ${stamp}`);
    await page.getByTestId("merge-results").getByRole("button").filter({ hasText: `#${target}` }).click();
    await expect(page.getByTestId("merge-confirm")).toBeVisible();
    await shoot(page, `staff-merge-confirm-${locale}`);
    await page.getByTestId("merge-confirm-button").click();
    await page.waitForURL(new RegExp(`/staff/tickets/${target}$`));
    await expect(page.getByTestId("thread")).toContainText(`Still dead ${stamp}`);
    await expect(page.getByTestId("thread")).toContainText("Floor 3 printer is dead.");
    await page.goto(`/staff/tickets/${source}`);
    await expect(page.getByTestId("merged-banner")).toContainText(`#${target}`);
    await expect(page.getByTestId("merge-open")).toHaveCount(0);
    await ctx.close();
    expect(await e2eDb().outboxMail.count({ where: { template: "ticket.merged", toEmail: customer.email } })).toBe(1);

    const c = await session(browser, locale, customer.email, customer.password);
    await c.page.goto(`/tickets/${source}`);
    await expect(c.page.getByTestId("merged-banner")).toContainText(l.merged);
    await shoot(c.page, `portal-merged-${locale}`);
    await c.page.getByTestId("merged-banner").getByRole("link").click();
    await c.page.waitForURL(new RegExp(`/tickets/${target}$`));
    await expect(c.page.getByTestId("thread")).toContainText(`Still dead ${stamp}`);
    await c.ctx.close();
  });
}
