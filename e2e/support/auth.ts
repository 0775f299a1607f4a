import { expect, type Page } from "@playwright/test";
import { e2eDb } from "./db";

export async function signIn(page: Page, email: string, password: string) {
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
