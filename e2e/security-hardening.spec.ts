// Web hardening, second pass (issue 14) in a real browser against bin/serve.ts:
//  - ASVS 5.0 V3.7.2: sign-in with a tricky `next` stays on the site;
//  - ASVS 5.0 V3.5.3: the guest link sets no cookie on a GET — a visitor confirms first;
//  - ASVS 5.0 V3.5.1/V3.5.2: tRPC mutations from another origin or as a form post are refused;
//  - ASVS 5.0 V2.4.1: the Markdown preview is for signed-in users only (the tab, and the API);
//  - ASVS 5.0 V4.1.3: a client's own x-helpdesk-client-ip does not pick its rate-limit bucket.
import { test, expect } from "@playwright/test";
import { e2eDb } from "./support/db";
import { englishContext } from "./support/portal";
import { createCustomer, createTicket, shoot } from "./support/staff";
import { useServerSecrets } from "./support/mail";
import { signLink } from "../server/auth/signed-links";

const input = (v: unknown) => encodeURIComponent(JSON.stringify({ json: v }));

test("ASVS 5.0 V3.7.2: sign-in with next=/%09/evil.example lands on the site, a plain next still works", async ({ browser }) => {
  test.setTimeout(150_000);
  const c = await createCustomer("Nina Next");
  for (const [next, expected] of [["/%09/evil.example", /\/tickets$/], ["/%5Cevil.example", /\/tickets$/], ["/tickets/new", /\/tickets\/new$/]] as const) {
    const ctx = await englishContext(browser);
    const page = await ctx.newPage();
    await page.goto(`/sign-in?next=${next}`);
    const form = page.getByTestId("sign-in-form");
    await form.locator('input[name="email"]').fill(c.email);
    await form.locator('input[name="password"]').fill(c.password);
    await form.locator('button[type="submit"]').click();
    // sign-in hashes with argon2: slow on a loaded machine
    await expect(page).toHaveURL(expected, { timeout: 30_000 });
    expect(new URL(page.url()).host).toBe(new URL(test.info().project.use.baseURL!).host);
    await ctx.close();
  }
});

test("ASVS 5.0 V3.5.3: the guest link asks before it signs the browser in to the ticket", async ({ browser, request }) => {
  useServerSecrets();
  const c = await createCustomer("Gina Guest");
  const ticketId = await createTicket(c.id, "Guest link ticket");
  const link = `/t/${signLink("ticket", ticketId, c.id)}`;
  // a GET (what an attacker's page can make a browser do) sets no cookie
  const plain = await request.get(link, { maxRedirects: 0 });
  expect(plain.status()).toBe(200);
  expect(plain.headers()["set-cookie"] ?? "").not.toMatch(/hd_guest/);

  const ctx = await englishContext(browser);
  const page = await ctx.newPage();
  await page.goto(link);
  await expect(page.getByTestId("guest-link-confirm")).toContainText(`#${ticketId}`);
  expect((await ctx.cookies()).some((k) => k.name === "hd_guest")).toBe(false);
  await shoot(page, "guest-link-confirm");
  await page.getByTestId("guest-link-open").click();
  await expect(page).toHaveURL(new RegExp(`/tickets/${ticketId}$`));
  await expect(page.getByTestId("ticket-title")).toHaveText("Guest link ticket");
  expect((await ctx.cookies()).find((k) => k.name === "hd_guest")).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  await ctx.close();

  // a bad link goes to sign-in, no cookie
  const bad = await browser.newContext();
  const p2 = await bad.newPage();
  await p2.goto(`/t/${ticketId}.${c.id}.9999999999.${"A".repeat(32)}`);
  await expect(p2).toHaveURL(/\/sign-in\?reason=link/);
  await bad.close();
});

test("ASVS 5.0 V3.5.1/V3.5.2: a signed-in browser's cookies do not carry a cross-site or form-encoded mutation", async ({ browser }) => {
  const c = await createCustomer("Cora Csrf");
  const ctx = await englishContext(browser);
  const page = await ctx.newPage();
  await page.goto("/sign-in");
  const form = page.getByTestId("sign-in-form");
  await form.locator('input[name="email"]').fill(c.email);
  await form.locator('input[name="password"]').fill(c.password);
  await form.locator('button[type="submit"]').click();
  await expect(page).toHaveURL(/\/tickets$/, { timeout: 30_000 });
  const category = await e2eDb().category.findFirstOrThrow({ where: { archivedAt: null } });
  const data = { json: { title: "Forged from elsewhere", body: "x", categoryId: category.id } };
  const post = (headers: Record<string, string>, body: string | Record<string, unknown> = data) =>
    page.request.post("/api/trpc/ticket.create", { headers, ...(typeof body === "string" ? { data: body } : { data: body }) });
  expect((await post({ origin: "https://evil.example" })).status()).toBe(403);
  expect((await post({ "content-type": "text/plain" }, JSON.stringify(data))).status()).toBe(415);
  expect((await post({ "content-type": "application/x-www-form-urlencoded" }, "title=x")).status()).toBe(415);
  expect((await post({})).status()).toBe(403); // no Origin and no API header
  expect(await e2eDb().ticket.count({ where: { requesterId: c.id } })).toBe(0);
  // the app itself (same origin) still works: a ticket through the real form
  await page.goto("/tickets/new");
  const f = page.getByTestId("new-ticket-form");
  await f.locator('input[name="title"]').fill("Made on the site");
  await f.locator('textarea[name="body"]').fill("With **bold** text.");
  await f.getByTestId("preview-tab").click(); // signed in: the preview is there and renders
  await expect(f.getByTestId("markdown-preview").locator("strong")).toHaveText("bold");
  await f.getByRole("button", { name: "Send ticket" }).click();
  await expect(page).toHaveURL(/\/tickets\/\d+$/);
  await ctx.close();
});

test("ASVS 5.0 V2.4.1: ticket.previewMarkdown is refused to anonymous callers, the tab is hidden", async ({ browser, request }) => {
  const res = await request.get(`/api/trpc/ticket.previewMarkdown?input=${input({ body: "*_a".repeat(4000) })}`);
  expect(res.status()).toBe(401);
  const ctx = await englishContext(browser);
  const page = await ctx.newPage();
  await page.goto("/tickets/new");
  const form = page.getByTestId("new-ticket-form");
  if (await form.count()) await expect(form.getByTestId("preview-tab")).toHaveCount(0);
  await ctx.close();
});

test("ASVS 5.0 V4.1.3: a forged x-helpdesk-client-ip does not pick the rate-limit bucket", async ({ request, baseURL }) => {
  // the guest form allows 5 tickets an hour per address; each call claims a new address in the
  // internal header, the server entry overwrites it with the real one (here: the test's proxy
  // hop in X-Forwarded-For), so the sixth is still refused
  const ip = `10.77.${Math.floor(Math.random() * 250) + 1}.${Math.floor(Math.random() * 250) + 1}`;
  const category = await e2eDb().category.findFirstOrThrow({ where: { archivedAt: null } });
  const statuses: number[] = [];
  for (let i = 0; i < 6; i++) {
    const res = await request.post("/api/trpc/ticket.createGuest", {
      headers: { origin: baseURL!, "x-forwarded-for": ip, "x-helpdesk-client-ip": `198.51.100.${i + 1}` },
      data: { json: { title: "Rate limited guest", body: "x", categoryId: category.id, name: "Guest", email: `ip-${Date.now()}-${i}@example.test` } },
    });
    statuses.push(res.status());
  }
  expect(statuses.slice(0, 5).every((s) => s === 200)).toBe(true);
  expect(statuses[5]).toBe(429);
});
