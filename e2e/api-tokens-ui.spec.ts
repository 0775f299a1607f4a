// Token management page (issue 14.7): an admin creates a read-only token valid for 30 days; the
// list shows its access and expiry; the stored row carries both. English and Russian labels.
import { test, expect } from "@playwright/test";
import { e2eDb, createStaff } from "./support/db";
import { signIn } from "./support/auth";
import { shoot } from "./support/staff";

const TEXT = {
  en: { lang: "en-US,en;q=0.9", read: "Read only" },
  ru: { lang: "ru-RU,ru;q=0.9", read: "Только чтение" },
} as const;

test.describe.configure({ timeout: 180_000 });

for (const locale of ["en", "ru"] as const) {
  test(`API tokens page (${locale}): a read-only token with an expiry`, async ({ browser }) => {
    const ctx = await browser.newContext({ locale: locale === "ru" ? "ru-RU" : "en-US", extraHTTPHeaders: { "accept-language": TEXT[locale].lang } });
    const page = await ctx.newPage();
    const admin = await createStaff("ADMIN", locale);
    await signIn(page, admin.email, admin.password);
    await page.goto("/staff/settings/tokens");
    await page.getByTestId("token-new").click();
    const name = `ci-${locale}-${Date.now().toString(36)}`;
    const dialog = page.getByRole("dialog");
    await dialog.locator("input").first().fill(name);
    await dialog.getByTestId("token-scope-select").selectOption("read");
    await dialog.getByTestId("token-lifetime-select").selectOption("30");
    await shoot(page, `token-new-${locale}`);
    await dialog.locator('button[type="submit"]').click();
    await expect(page.getByTestId("token-plain")).toHaveValue(/^hd_/);
    await page.keyboard.press("Escape");
    await page.reload();
    const row = page.getByTestId("tokens").getByRole("row").filter({ hasText: name });
    await expect(row.getByTestId("token-scope")).toHaveText(TEXT[locale].read);
    const stored = await e2eDb().apiToken.findFirstOrThrow({ where: { name } });
    expect(stored.scope).toBe("read");
    expect(stored.expiresAt!.getTime() - Date.now()).toBeGreaterThan(29 * 86400_000);
    await shoot(page, `tokens-${locale}`);
    await ctx.close();
  });
}
