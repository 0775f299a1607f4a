import { expect, type Page } from "@playwright/test";
import { e2eDb } from "./db";

let signIns = 0;
/** An address of its own for each signed-in page (the server trusts one proxy hop in e2e). */
export const freshIp = () => `10.${100 + (process.pid % 100)}.${Math.floor(++signIns / 250) % 250}.${(signIns % 250) + 1}`;

/**
 * Signs the page in. Each call comes from an address of its own (`x-forwarded-for`), as real
 * users do: the suite signs in far more than the 50 attempts per address and 15 minutes the
 * server allows one address. Tests of those per-address limits pass `{ sameAddress: true }` to
 * keep the address their browser context sets.
 */
export async function signIn(page: Page, email: string, password: string, opts: { sameAddress?: boolean } = {}) {
  if (!opts.sameAddress) await page.setExtraHTTPHeaders({ "x-forwarded-for": freshIp() });
  await page.goto("/sign-in");
  const form = page.getByTestId("sign-in-form");
  await form.locator('input[name="email"]').fill(email);
  await form.locator('input[name="password"]').fill(password);
  await form.locator('button[type="submit"]').click();
  await expect(page).not.toHaveURL(/\/sign-in/, { timeout: 30_000 });
}

/** The path of the newest link to `path` in the newest mail of `template` sent to `email`. */
export async function mailedLink(email: string, template: string, path: string): Promise<string> {
  let found: string | null = null;
  await expect
    .poll(async () => {
      const mail = await e2eDb().outboxMail.findFirst({ where: { toEmail: email.toLowerCase(), template }, orderBy: { id: "desc" } });
      const m = mail && new RegExp(`https?://[^\\s"<>]*(${path.replace(/[/?]/g, "\\$&")}[^\\s"<>]*)`).exec(mail.text);
      found = m ? m[1]! : null;
      return found;
    })
    .not.toBeNull();
  return found!;
}

/** Fills and sends the sign-up form; it answers "check your mailbox" for every address. */
export async function submitSignUp(page: Page, name: string, email: string, password: string) {
  await page.goto("/sign-up");
  const form = page.getByTestId("sign-up-form");
  await form.locator('input[name="name"]').fill(name);
  await form.locator('input[name="email"]').fill(email);
  await form.locator('input[name="password"]').fill(password);
  await form.locator('button[type="submit"]').click();
  await expect(form.getByRole("status")).toBeVisible();
  return form;
}

/** Sign-up as a customer would: the form, the confirmation mail, its link and the password. */
export async function signUp(page: Page, name: string, email: string, password: string) {
  await submitSignUp(page, name, email, password);
  await page.goto(await mailedLink(email, "account.verify-email", "/verify-email?token="));
  const confirm = page.getByTestId("verify-email-form");
  await confirm.locator('input[name="password"]').fill(password);
  await confirm.locator('button[type="submit"]').click();
  await expect(page).toHaveURL(/\/tickets$/, { timeout: 30_000 });
}
