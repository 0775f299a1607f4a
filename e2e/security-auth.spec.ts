// Session lifecycle and login throttling in a real browser (ASVS 5.0 V6.3.1, V6.4.1, V7.2.4,
// V7.4.1, V7.4.3): a stolen copy of the session cookie dies with sign-out and with a password
// reset; repeated failures are throttled with a neutral message.
import { test, expect, type Browser, type BrowserContext } from "@playwright/test";
import { e2eDb, uniqueEmail } from "./support/db";
import { signIn, signUp } from "./support/auth";

/**
 * Each context gets its own client address: the login limiter also counts per IP, and every
 * e2e request comes from 127.0.0.1, so the suite would otherwise share one budget.
 */
const ownIp = () => `10.${[0, 0, 0].map(() => Math.floor(Math.random() * 250) + 1).join(".")}`;
const newContext = (browser: Browser) => browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": ownIp() } });

async function sessionCookies(ctx: BrowserContext) {
  const all = await ctx.cookies();
  const session = all.filter((c) => /session-token/.test(c.name));
  expect(session.length).toBeGreaterThan(0);
  return session;
}

/** Opens /tickets with only the given cookies: true when it shows the signed-in list. */
async function cookieStillWorks(browser: Browser, cookies: Awaited<ReturnType<BrowserContext["cookies"]>>) {
  const ctx = await newContext(browser);
  await ctx.addCookies(cookies);
  const page = await ctx.newPage();
  await page.goto("/tickets");
  const ok = !/\/sign-in/.test(page.url());
  await ctx.close();
  return ok;
}

test("ASVS 5.0 V7.4.1: after sign-out the copied session cookie no longer opens /tickets", async ({ browser }) => {
  const ctx = await newContext(browser);
  const page = await ctx.newPage();
  const email = uniqueEmail("signout");
  await signUp(page, "Sign Out", email, "customer-pass-1");
  const stolen = await sessionCookies(ctx);
  expect(await cookieStillWorks(browser, stolen)).toBe(true);

  await page.getByTestId("user-menu").click();
  await page.getByTestId("sign-out").click();
  await expect(page).toHaveURL(/\/sign-in/);
  expect(await cookieStillWorks(browser, stolen)).toBe(false);
  await ctx.close();
});

test("ASVS 5.0 V7.2.4: every sign-in creates a new server-side session", async ({ browser }) => {
  const email = uniqueEmail("rotate");
  const ctx1 = await newContext(browser);
  await signUp(await ctx1.newPage(), "Rotate", email, "customer-pass-1");
  const ctx2 = await newContext(browser);
  await signIn(await ctx2.newPage(), email, "customer-pass-1", { sameAddress: true });
  const user = await e2eDb().user.findUniqueOrThrow({ where: { email } });
  const sessions = await e2eDb().userSession.findMany({ where: { userId: user.id } });
  expect(sessions).toHaveLength(2);
  expect(new Set(sessions.map((s) => s.id)).size).toBe(2);
  const [a, b] = [await sessionCookies(ctx1), await sessionCookies(ctx2)];
  expect(a[0]!.value).not.toBe(b[0]!.value);
  expect(a[0]!.httpOnly).toBe(true);
  expect(a[0]!.sameSite).toBe("Lax");
  await ctx1.close();
  await ctx2.close();
});

test("ASVS 5.0 V6.4.1/V7.4.3: a password reset kills the old session; the link works once", async ({ browser }) => {
  const email = uniqueEmail("reset");
  const victim = await newContext(browser);
  await signUp(await victim.newPage(), "Reset Me", email, "customer-pass-1");
  const oldCookies = await sessionCookies(victim);

  const ctx = await newContext(browser);
  const page = await ctx.newPage();
  await page.goto("/forgot-password");
  const form = page.getByTestId("forgot-form");
  await form.locator('input[name="email"]').fill(email);
  await form.locator('button[type="submit"]').click();
  await expect(page.getByRole("status").or(page.getByRole("alert")).first()).toBeVisible();

  let mail: { text: string } | null = null;
  await expect.poll(async () => (mail = await e2eDb().outboxMail.findFirst({ where: { toEmail: email, template: "password.reset" }, select: { text: true } }))).not.toBeNull();
  const link = /https?:\/\/\S*\/set-password\?token=[A-Za-z0-9_%-]+/.exec(mail!.text)?.[0];
  expect(link).toBeTruthy();
  const path = new URL(link!).pathname + new URL(link!).search;

  await page.goto(path);
  const set = page.getByTestId("set-password-form");
  await set.locator('input[name="password"]').fill("brand-new-pass-2");
  await set.locator('input[name="confirm"]').fill("brand-new-pass-2");
  await set.locator('button[type="submit"]').click();
  await expect(page).toHaveURL(/\/sign-in\?reset=1/);

  expect(await cookieStillWorks(browser, oldCookies)).toBe(false);
  // single use: the same link now shows the invalid-link notice and no form
  await page.goto(path);
  await expect(page.getByTestId("set-password-form")).toHaveCount(0);
  await signIn(page, email, "brand-new-pass-2", { sameAddress: true });
  await expect(page).toHaveURL(/\/tickets/);
  await ctx.close();
  await victim.close();
});

test("ASVS 5.0 V6.2.3/V7.4.3: /account changes the password with the current one; other sessions die, this one continues", async ({ browser }) => {
  const email = uniqueEmail("account");
  const other = await newContext(browser);
  await signUp(await other.newPage(), "Account Owner", email, "customer-pass-1");
  const otherCookies = await sessionCookies(other);

  const ctx = await newContext(browser);
  const page = await ctx.newPage();
  await signIn(page, email, "customer-pass-1", { sameAddress: true });
  await page.goto("/account");
  await expect(page.getByTestId("account-email")).toHaveText(email);
  const form = page.getByTestId("change-password-form");
  await form.locator('input[name="current"]').fill("not-my-password");
  await form.locator('input[name="password"]').fill("changed-pass-9");
  await form.locator('input[name="confirm"]').fill("changed-pass-9");
  await form.locator('button[type="submit"]').click();
  await expect(form).toContainText(/current password is wrong/i);
  expect(await cookieStillWorks(browser, otherCookies)).toBe(true);

  await form.locator('input[name="current"]').fill("customer-pass-1");
  await form.locator('input[name="password"]').fill("changed-pass-9");
  await form.locator('input[name="confirm"]').fill("changed-pass-9");
  await form.locator('button[type="submit"]').click();
  await expect(page.getByTestId("password-changed")).toBeVisible();
  // this browser got a fresh session; the other one is signed out
  await page.goto("/tickets");
  await expect(page).toHaveURL(/\/tickets$/);
  expect(await cookieStillWorks(browser, otherCookies)).toBe(false);
  expect(await cookieStillWorks(browser, await sessionCookies(ctx))).toBe(true);
  await ctx.close();
  await other.close();
});

test("/account needs a signed-in user", async ({ page }) => {
  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Faccount|\/sign-in\?next=\/account/);
});

test("ASVS 5.0 V6.3.1/V6.3.8: repeated failures throttle the attacker's address with a neutral message; the owner still signs in", async ({ browser }) => {
  test.setTimeout(300_000);
  const email = uniqueEmail("throttle");
  const owner = await newContext(browser);
  await signUp(await owner.newPage(), "Throttle", email, "customer-pass-1");
  await owner.close();

  async function attempt(ctx: BrowserContext, who: string, password: string) {
    const page = await ctx.newPage();
    await page.goto("/sign-in");
    const form = page.getByTestId("sign-in-form");
    await form.locator('input[name="email"]').fill(who);
    await form.locator('input[name="password"]').fill(password);
    await form.locator('button[type="submit"]').click();
    const alert = form.getByRole("alert");
    await expect(alert).toBeVisible();
    const text = (await alert.textContent())!.trim();
    await page.close();
    return text;
  }

  // the attacker guesses from one address: after 10 failures that address is throttled on the
  // account, even with the right password (issue 14.10: keyed per account and address)
  const attacker = await newContext(browser);
  const messages: string[] = [];
  for (let i = 0; i < 10; i++) messages.push(await attempt(attacker, email, `wrong-pass-${i}`));
  expect(new Set(messages).size).toBe(1);
  const invalid = messages[0]!;
  const throttled = await attempt(attacker, email, "customer-pass-1");
  expect(throttled).not.toBe(invalid);
  expect(throttled).toMatch(/too many attempts/i);
  await attacker.close();
  // ...but the owner, elsewhere, is not locked out
  await signIn(await (await newContext(browser)).newPage(), email, "customer-pass-1", { sameAddress: true });
  const ctx = await newContext(browser);
  // neutral: an account that does not exist answers the same way for the same pattern
  const ghost = uniqueEmail("ghost");
  const ghostMessages: string[] = [];
  for (let i = 0; i < 11; i++) ghostMessages.push(await attempt(ctx, ghost, `wrong-pass-${i}`));
  expect(ghostMessages.slice(0, 10).every((m) => m === invalid)).toBe(true);
  expect(ghostMessages[10]).toBe(throttled);
  await ctx.close();
});
