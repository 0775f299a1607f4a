// Helpers for the portal specs: flipping ticket settings on the admin page, customers, tickets.
import { expect, type Browser, type Page } from "@playwright/test";
import { e2eDb, createStaff, uniqueEmail } from "./db";
import { signIn } from "./auth";
import { hashPassword } from "../../server/auth/passwords";

export async function englishContext(browser: Browser) {
  return browser.newContext({ locale: "en-US", extraHTTPHeaders: { "accept-language": "en-US,en;q=0.9" } });
}

export async function adminPage(browser: Browser): Promise<Page> {
  const ctx = await englishContext(browser);
  const page = await ctx.newPage();
  const admin = await createStaff("ADMIN", "en");
  await signIn(page, admin.email, admin.password);
  return page;
}

/** Flips switches / selects on «Ticket settings» and saves, like an administrator would. */
export async function setTicketSettings(admin: Page, values: Record<string, boolean | string>) {
  await admin.goto("/staff/settings/tickets");
  const form = admin.getByTestId("ticket-settings-form");
  for (const [key, want] of Object.entries(values)) {
    const control = form.getByTestId(`setting-${key}`);
    if (typeof want === "boolean") {
      if ((await control.getAttribute("aria-checked")) !== String(want)) await control.click();
      await expect(control).toHaveAttribute("aria-checked", String(want));
    } else {
      await control.selectOption({ label: want });
    }
  }
  const save = form.getByTestId("save-settings");
  if (await save.isEnabled()) {
    await save.click();
    await expect(form.getByTestId("unsaved")).toHaveCount(0);
  }
}

export async function resetTicketSettings() {
  await e2eDb().setting.deleteMany({ where: { key: { startsWith: "tickets." } } });
}

export async function customerPage(browser: Browser) {
  const ctx = await englishContext(browser);
  const page = await ctx.newPage();
  const email = uniqueEmail("cust");
  const password = "customer-pass-1";
  await e2eDb().user.create({ data: { email, name: "Casey Customer", role: "CUSTOMER", locale: "en", passwordHash: await hashPassword(password), emailVerifiedAt: new Date() } });
  await signIn(page, email, password);
  return { page, email };
}

export async function openTicket(page: Page, title: string, body = "It prints **blank** pages.") {
  await page.goto("/tickets/new");
  const form = page.getByTestId("new-ticket-form");
  await form.locator('input[name="title"]').fill(title);
  await form.locator('textarea[name="body"]').fill(body);
  await form.getByRole("button", { name: "Send ticket" }).click();
  await expect(page).toHaveURL(/\/tickets\/\d+$/);
  return Number(/\/tickets\/(\d+)$/.exec(page.url())![1]);
}

export async function closeTicket(id: number) {
  const closed = await e2eDb().status.findUniqueOrThrow({ where: { key: "closed" } });
  await e2eDb().ticket.update({ where: { id }, data: { statusId: closed.id, closedAt: new Date() } });
}
