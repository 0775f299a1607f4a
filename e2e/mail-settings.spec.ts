// «Настройки почты / Mail settings» in Chromium: the admin fills in a real Dovecot mailbox,
// tests the connection, saves; the password comes back as ••• (never the value), and a wrong
// password is reported in plain words. Russian and English.
import { test, expect, type Browser } from "@playwright/test";
import { startDovecot, type DovecotInstance } from "../server/testing/dovecot";
import { createStaff } from "./support/db";
import { signIn } from "./support/auth";
import { resetMailSettings } from "./support/mail";

const L = {
  en: { accept: "en-US,en;q=0.9", title: "Mail settings", ok: /Connected/, save: "Save", saved: "Saved." },
  ru: { accept: "ru-RU,ru;q=0.9", title: "Настройки почты", ok: /Подключ/, save: "Сохранить", saved: "Сохранено." },
} as const;

let dc: DovecotInstance;
test.beforeAll(async () => {
  // a password that appears nowhere else in a page, so "not in the HTML" means something
  dc = await startDovecot({ users: [{ user: "support@example.test", password: `imap-${Date.now().toString(36)}-Qx7` }] });
});
test.afterAll(async () => {
  await dc?.stop();
  await resetMailSettings();
});

async function adminIn(browser: Browser, lang: keyof typeof L) {
  const ctx = await browser.newContext({ locale: lang === "ru" ? "ru-RU" : "en-US", extraHTTPHeaders: { "accept-language": L[lang].accept } });
  const page = await ctx.newPage();
  const admin = await createStaff("ADMIN", lang);
  await signIn(page, admin.email, admin.password);
  return { ctx, page };
}

for (const lang of ["en", "ru"] as const) {
  test(`mail settings (${lang}): test the connection, save, password never shown`, async ({ browser }) => {
    const { ctx, page } = await adminIn(browser, lang);
    await page.goto("/staff/settings/mail");
    await expect(page.getByRole("heading", { name: L[lang].title })).toBeVisible();
    const form = page.getByTestId("mail-form");
    const secure = form.getByRole("checkbox").first();
    if (await secure.isChecked()) await secure.uncheck();
    await form.locator('input[name="host"]').fill(dc.host);
    await form.locator('input[name="port"]').fill(String(dc.imapPort));
    await form.locator('input[name="username"]').fill(dc.user);
    await form.locator('input[name="password"]').fill("wrong-password");
    await form.getByTestId("test-connection").click();
    await expect(form.getByTestId("test-result")).toBeVisible();
    await expect(form.getByTestId("test-result")).not.toContainText(L[lang].ok);

    await form.locator('input[name="password"]').fill(dc.password);
    await form.getByTestId("test-connection").click();
    await expect(form.getByTestId("test-result")).toContainText(L[lang].ok);
    await form.getByRole("button", { name: L[lang].save, exact: true }).click();
    await expect(page.getByText(L[lang].saved)).toBeVisible();

    await page.reload();
    const pw = page.getByTestId("mail-form").locator('input[name="password"]');
    await expect(pw).toHaveValue("");
    expect(await page.content()).not.toContain(dc.password);
    await expect(page.getByTestId("mail-form").locator('input[name="host"]')).toHaveValue(dc.host);
    // the stored password still works: test again with the field left empty
    await page.getByTestId("mail-form").getByTestId("test-connection").click();
    await expect(page.getByTestId("mail-form").getByTestId("test-result")).toContainText(L[lang].ok);
    await ctx.close();
  });
}
