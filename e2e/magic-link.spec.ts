// Passwordless customers under "require login" (issue 12.4) in Chromium, Russian and English:
// the ticket link and the rating link from our mail lead to sign-in, "mail me a sign-in link"
// sends a one-time link, and following it returns the customer to where they were going — the
// rating link ends in a stored rating. Also: neutral sign-up with the address confirmed by mail.
import { test, expect, type Browser } from "@playwright/test";
import { signLink } from "../server/auth/signed-links";
import { e2eDb, uniqueEmail } from "./support/db";
import { createTicket, shoot } from "./support/staff";
import { resetTicketSettings } from "./support/portal";
import { useServerSecrets } from "./support/mail";
import { mailedLink, signUp, submitSignUp } from "./support/auth";

test.beforeAll(() => {
  useServerSecrets();
});
test.afterEach(resetTicketSettings);
// a production server on a shared 2-core machine: sign-ins (argon2) and first renders are slow
test.describe.configure({ timeout: 180_000 });

const TEXT = {
  en: { lang: "en-US,en;q=0.9", offer: "Mail me a sign-in link", sent: "sign-in link is on its way", login: "Please sign in to rate this ticket.", magicTitle: "Sign in with a link", thanks: "Thank you! Your rating has been saved.", checkMail: "check your mailbox", wrongPassword: "This is not the password chosen at sign-up." },
  ru: { lang: "ru-RU,ru;q=0.9", offer: "Прислать ссылку для входа", sent: "ссылка для входа уже в пути", login: "Войдите в аккаунт, чтобы оценить заявку.", magicTitle: "Вход по ссылке", thanks: "Спасибо! Ваша оценка сохранена.", checkMail: "проверьте почту", wrongPassword: "Это не тот пароль, который был выбран при регистрации." },
} as const;

const ownIp = () => `10.${[0, 0, 0].map(() => Math.floor(Math.random() * 250) + 1).join(".")}`;
const contextFor = (browser: Browser, locale: "en" | "ru") =>
  browser.newContext({ locale: locale === "ru" ? "ru-RU" : "en-US", extraHTTPHeaders: { "accept-language": TEXT[locale].lang, "x-forwarded-for": ownIp() } });

/** A customer made by mail or the guest form: no password, address not proven yet. */
async function passwordlessCustomer(locale: "en" | "ru") {
  const email = uniqueEmail("nopass");
  const u = await e2eDb().user.create({ data: { email, name: "Pat Nopass", role: "CUSTOMER", locale, passwordHash: null } });
  return { id: u.id, email };
}

async function requireLogin() {
  for (const [key, value] of [["tickets.requireLogin", true], ["tickets.allowRating", true]] as const) {
    await e2eDb().setting.upsert({ where: { key }, create: { key, value }, update: { value } });
  }
}

for (const locale of ["en", "ru"] as const) {
  const s = TEXT[locale];

  test(`ticket link under require login (${locale}): a one-time sign-in link returns to the ticket`, async ({ browser }) => {
    const ctx = await contextFor(browser, locale);
    const page = await ctx.newPage();
    const c = await passwordlessCustomer(locale);
    const title = `Magic ticket ${Date.now().toString(36)}`;
    const id = await createTicket(c.id, title);
    await requireLogin();

    await page.goto(`/t/${signLink("ticket", id, c.id)}`);
    await expect(page).toHaveURL(/\/sign-in\?next=/);
    const offer = page.getByTestId("magic-offer");
    await expect(offer.getByRole("button")).toHaveText(s.offer);
    await shoot(page, `magic-offer-${locale}`);
    await offer.getByRole("button").click();
    await expect(offer.getByRole("status")).toContainText(s.sent);

    await page.goto(await mailedLink(c.email, "account.magic-link", "/magic-link?token="));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(s.magicTitle);
    await expect(page.getByTestId("magic-address")).toHaveText(c.email);
    await shoot(page, `magic-link-${locale}`);
    const form = page.getByTestId("magic-sign-in-form");
    await form.locator('button[type="submit"]').click();
    await expect(page).toHaveURL(new RegExp(`/tickets/${id}$`), { timeout: 30_000 });
    await expect(page.getByRole("heading", { level: 1 })).toContainText(title);
    expect((await e2eDb().user.findUniqueOrThrow({ where: { id: c.id } })).emailVerifiedAt).not.toBeNull();

    // single use: the same link again signs nobody in
    const again = await contextFor(browser, locale);
    const p2 = await again.newPage();
    await p2.goto(await mailedLink(c.email, "account.magic-link", "/magic-link?token="));
    await expect(p2.getByTestId("magic-invalid")).toBeVisible();
    await again.close();
    await ctx.close();
  });

  test(`rating link under require login (${locale}): sign in by mailed link, then the rating is stored`, async ({ browser }) => {
    const ctx = await contextFor(browser, locale);
    const page = await ctx.newPage();
    const c = await passwordlessCustomer(locale);
    const id = await createTicket(c.id, `Rate after sign-in ${Date.now().toString(36)}`, "x", { statusKey: "closed" });
    await requireLogin();
    const rate = `/rate?token=${encodeURIComponent(signLink("rate", id, c.id))}`;

    await page.goto(rate);
    await expect(page.getByTestId("rate-error")).toHaveText(s.login);
    await shoot(page, `rate-login-required-${locale}`);
    const offer = page.getByTestId("magic-offer");
    await offer.getByRole("button").click();
    await expect(offer.getByRole("status")).toContainText(s.sent);

    await page.goto(await mailedLink(c.email, "account.magic-link", "/magic-link?token="));
    await page.getByTestId("magic-sign-in-form").locator('button[type="submit"]').click();
    await expect(page).toHaveURL(/\/rate\?token=/, { timeout: 30_000 });
    await page.getByTestId("star-5").click();
    await page.getByTestId("rate-form").locator('button[type="submit"]').click();
    await expect(page.getByTestId("rate-done")).toHaveText(s.thanks);
    await expect.poll(async () => (await e2eDb().ticket.findUniqueOrThrow({ where: { id } })).rating).toBe(5);
    await ctx.close();
  });

  test(`sign-up (${locale}): confirmed by the mailed link and the chosen password; a taken address answers alike`, async ({ browser }) => {
    const ctx = await contextFor(browser, locale);
    const page = await ctx.newPage();
    const email = uniqueEmail("signup");
    await signUp(page, "Sam Signup", email, "customer-pass-1");
    expect((await e2eDb().user.findUniqueOrThrow({ where: { email } })).emailVerifiedAt).not.toBeNull();

    // pre-hijack: someone signs up with a victim's address; the victim's click on "confirm"
    // without the attacker's password verifies nothing
    const victim = uniqueEmail("victim");
    const attacker = await contextFor(browser, locale);
    const su = await submitSignUp(await attacker.newPage(), "Mallory", victim, "attacker-pass-1");
    await expect(su.getByRole("status")).toContainText(s.checkMail);
    await attacker.close();
    const vctx = await contextFor(browser, locale);
    const pv = await vctx.newPage();
    await pv.goto(await mailedLink(victim, "account.verify-email", "/verify-email?token="));
    await expect(pv.getByTestId("verify-email-address")).toHaveText(victim);
    await shoot(pv, `verify-email-${locale}`);
    const vf = pv.getByTestId("verify-email-form");
    await vf.locator('input[name="password"]').fill("victim-guess-1");
    await vf.locator('button[type="submit"]').click();
    await expect(vf.getByText(s.wrongPassword)).toBeVisible();
    expect((await e2eDb().user.findUniqueOrThrow({ where: { email: victim } })).emailVerifiedAt).toBeNull();
    await vctx.close();

    const other = await contextFor(browser, locale);
    const p2 = await other.newPage();
    const form = await submitSignUp(p2, "Someone Else", email, "other-pass-1");
    await expect(form.getByRole("status")).toContainText(s.checkMail);
    await shoot(p2, `sign-up-check-mail-${locale}`);
    await expect.poll(async () => e2eDb().outboxMail.count({ where: { toEmail: email, template: "account.exists" } })).toBe(1);
    await other.close();
    await ctx.close();
  });
}
