// public/ (issue 19): the app icon, robots.txt and the web manifest are served and linked from
// every page's head.
import { test, expect } from "@playwright/test";

test("robots.txt keeps crawlers out of the staff area and the API", async ({ request }) => {
  const res = await request.get("/robots.txt");
  expect(res.status()).toBe(200);
  const body = await res.text();
  expect(body).toMatch(/^Disallow: \/staff$/m);
  expect(body).toMatch(/^Disallow: \/api$/m);
});

test("the manifest names the app and its icons, and every icon is served", async ({ request }) => {
  const res = await request.get("/manifest.webmanifest");
  expect(res.status()).toBe(200);
  const m = (await res.json()) as { name: string; icons: Array<{ src: string; type: string }> };
  expect(m.name).toBe("Helpdesk");
  expect(m.icons.map((i) => i.src)).toEqual(["/icon.svg", "/icon-192.png", "/icon-512.png"]);
  for (const icon of [...m.icons.map((i) => i.src), "/apple-touch-icon.png", "/favicon.ico"]) {
    const r = await request.get(icon);
    expect(r.status(), icon).toBe(200);
    expect(r.headers()["content-type"], icon).toMatch(/^image\//);
  }
});

test("pages link the manifest and the icon", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page.locator('head link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
  await expect(page.locator('head link[rel="icon"][type="image/svg+xml"]')).toHaveAttribute("href", "/icon.svg");
  await expect(page.locator('head link[rel="apple-touch-icon"]')).toHaveAttribute("href", "/apple-touch-icon.png");
});
