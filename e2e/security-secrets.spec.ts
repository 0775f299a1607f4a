// The mailbox and SMTP passwords never reach the browser (ASVS 5.0 V13.3.1, V8.x): an admin
// saves them through the real API, then every settings page (found on disk, so new pages are
// covered) and the settings API answer without them — neither in the HTML nor in the RSC data.
import { test, expect } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";
import { createStaff } from "./support/db";
import { signIn } from "./support/auth";

const IMAP_PASSWORD = "e2e-imap-Pa55-DO-NOT-LEAK-1b2c";
const SMTP_PASSWORD = "e2e-smtp-Pa55-DO-NOT-LEAK-3d4e";
const RESEND_KEY = "re_e2e_DO_NOT_LEAK_5f6a";

function settingsPages(): string[] {
  const root = path.resolve(import.meta.dirname, "../app/(staff)/staff/settings");
  const out: string[] = [];
  const walk = (dir: string, url: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory() && !e.name.startsWith("[") && !e.name.startsWith("_")) walk(path.join(dir, e.name), `${url}/${e.name}`);
      if (e.isFile() && e.name === "page.tsx") out.push(url);
    }
  };
  walk(root, "/staff/settings");
  return out.sort();
}

test("ASVS 5.0 V13.3.1: stored mail passwords appear on no settings page and in no API answer", async ({ browser }) => {
  const ctx = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": `10.77.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` } });
  const page = await ctx.newPage();
  const admin = await createStaff("ADMIN");
  await signIn(page, admin.email, admin.password, { sameAddress: true });

  for (const [group, values] of [
    ["mail", { host: "127.0.0.1", port: 9, secure: false, username: "support@example.test", password: IMAP_PASSWORD }],
    ["outbound", { smtpHost: "127.0.0.1", smtpPort: 9, smtpSecure: false, smtpUsername: "support@example.test", smtpPassword: SMTP_PASSWORD, resendApiKey: RESEND_KEY }],
  ] as const) {
    const res = await page.request.post("/api/trpc/settings.update", { data: { json: { group, values } }, headers: { "x-helpdesk-request": "1" } });
    expect(res.status(), await res.text()).toBe(200);
    const body = await res.text();
    for (const p of [IMAP_PASSWORD, SMTP_PASSWORD, RESEND_KEY]) expect(body).not.toContain(p);
    const get = await page.request.get(`/api/trpc/settings.get?input=${encodeURIComponent(JSON.stringify({ json: { group } }))}`);
    expect(get.status()).toBe(200);
    const got = await get.text();
    for (const p of [IMAP_PASSWORD, SMTP_PASSWORD, RESEND_KEY]) expect(got).not.toContain(p);
  }

  const pages = settingsPages();
  expect(pages).toEqual(expect.arrayContaining(["/staff/settings", "/staff/settings/outbound"]));
  for (const url of pages) {
    const res = await page.goto(url);
    expect(res?.status(), url).toBe(200);
    const raw = await res!.text();
    await page.waitForLoadState("load");
    await page.waitForTimeout(300);
    const dom = await page.content();
    for (const p of [IMAP_PASSWORD, SMTP_PASSWORD, RESEND_KEY]) {
      expect(raw.includes(p), `${url} HTML contains a password`).toBe(false);
      expect(dom.includes(p), `${url} DOM contains a password`).toBe(false);
    }
    // password inputs stay empty: the form shows "set" instead of the value
    for (const input of await page.locator('input[type="password"]').all()) expect(await input.inputValue()).toBe("");
  }
  await ctx.close();
});
