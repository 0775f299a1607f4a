// The published client as another project uses it (tests/consumer, set up by
// e2e/support/client-consumer.ts): installed from its tarball, type-checked under nodenext and
// bundler with strict and skipLibCheck false (its @ts-expect-error lines must stay errors), then
// run against this server with a staff token. A second test drives the REST routes with plain
// fetch, taking every path from /api/openapi.json.
import crypto from "node:crypto";
import fs from "node:fs";
import { test, expect } from "@playwright/test";
import { e2eDb, createStaff } from "./support/db";
import { signIn } from "./support/auth";
import { setUpConsumer, tsc, run } from "./support/client-consumer";
import { hashToken } from "../server/auth/token-hash";

test.describe.configure({ timeout: 300_000 });

async function staffToken() {
  const staff = await createStaff("AGENT");
  const user = await e2eDb().user.findUniqueOrThrow({ where: { email: staff.email } });
  const token = `hd_${crypto.randomBytes(24).toString("base64url")}`;
  await e2eDb().apiToken.create({ data: { name: "client e2e", prefix: token.slice(0, 10), tokenHash: hashToken(token), userId: user.id } });
  return { token, userId: user.id };
}

let dir = "";
test.afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test("the built client installs offline, type-checks under nodenext and bundler, and calls the app", async ({ baseURL }) => {
  dir = setUpConsumer();
  for (const config of ["tsconfig.nodenext.json", "tsconfig.bundler.json"]) {
    const r = tsc(dir, config);
    expect(`${config}: ${r.stdout}${r.stderr}`).toBe(`${config}: `);
    expect(r.status).toBe(0);
  }

  const { token, userId } = await staffToken();
  const env = { HELPDESK_URL: baseURL!, HELPDESK_TOKEN: token, HELPDESK_TAG: crypto.randomUUID() };
  const main = run("node", ["out/main.js"], dir, env);
  expect(main.stderr).toBe("");
  const seen = JSON.parse(main.stdout);
  expect(seen.listed).toBe(true);
  expect(seen.createdAtIsDate).toBe(true);
  expect(seen.notFound).toEqual({ code: "NOT_FOUND", reason: "TICKET_NOT_FOUND", fieldErrors: null });
  expect(seen.invalid).toEqual({ code: "BAD_REQUEST", reason: "INVALID_INPUT", fieldErrors: { title: "TOO_SHORT" } });
  expect(seen.stale).toMatchObject({ code: "CONFLICT", reason: "STALE_UPDATE" });
  expect(seen.statuses).toBeGreaterThan(0);

  // what the calls did, read from the database
  const ticket = await e2eDb().ticket.findUniqueOrThrow({ where: { id: seen.created.id }, include: { messages: { orderBy: { id: "asc" } } } });
  expect(ticket.requesterId).toBe(userId);
  expect(ticket.source).toBe("API");
  expect(ticket.messages.map((m) => ({ id: m.id, internal: m.isInternal, author: m.authorId }))).toEqual([
    { id: seen.reply.id, internal: false, author: userId },
    { id: seen.note.id, internal: true, author: userId },
  ]);
  expect(seen.messages).toEqual([{ id: seen.reply.id, internal: false, staff: true }]);

  // the require() side of the exports map
  const cjs = run("node", ["out/require.cjs"], dir, env);
  expect(cjs.stderr).toBe("");
  expect(JSON.parse(cjs.stdout)).toEqual({ categories: expect.any(Number), errorClass: "function" });

  // timeouts and retries, against a server that never answers
  const retries = run("node", ["out/retries.js"], dir);
  expect(JSON.parse(retries.stdout)).toEqual({
    read: "TIMEOUT", readAttempts: 3, write: "TIMEOUT", writeAttempts: 1, aborted: "ABORTED",
    paths: ["GET /api/trpc/ticket.list", "POST /api/trpc/ticket.reply"],
  });
});

type Op = { operationId: string; parameters?: Array<{ name: string; in: string }> };
type Doc = { openapi: string; paths: Record<string, Record<string, Op>> };

test("the OpenAPI routes answer plain fetch, with paths taken from /api/openapi.json", async ({ baseURL }) => {
  const doc = (await (await fetch(`${baseURL}/api/openapi.json`)).json()) as Doc;
  expect(doc.openapi).toBe("3.1.0");
  const route = (operationId: string) => {
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) if (op.operationId === operationId) return { path, method: method.toUpperCase() };
    }
    throw new Error(`no operation ${operationId}`);
  };
  const { token } = await staffToken();
  const call = async (operationId: string, params: Record<string, string | number> = {}, body?: unknown, auth = `Bearer ${token}`) => {
    const r = route(operationId);
    const url = new URL(r.path.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k])), baseURL);
    if (r.method === "GET") for (const [k, v] of Object.entries(params)) if (!r.path.includes(`{${k}}`)) url.searchParams.set(k, String(v));
    const res = await fetch(url, { method: r.method, headers: { authorization: auth, ...(body ? { "content-type": "application/json" } : {}) }, body: body ? JSON.stringify(body) : undefined });
    return { status: res.status, body: await res.json() };
  };

  const categories = await call("meta_categories");
  expect(categories.status).toBe(200);
  const title = `REST ticket ${crypto.randomUUID()}`;
  const created = await call("ticket_create", {}, { title, body: "Opened over REST.", categoryId: categories.body[0].id });
  expect(created).toMatchObject({ status: 200, body: { id: expect.any(Number), number: expect.any(Number) } });
  const id = created.body.id as number;
  const reply = await call("ticket_reply", { ticketId: id }, { body: "A REST reply." });
  expect(reply).toMatchObject({ status: 200, body: { id: expect.any(Number) } });
  const list = await call("ticket_list", { limit: 100, open: "true" });
  expect(list.status).toBe(200);
  expect(list.body.items.find((t: { id: number }) => t.id === id)).toMatchObject({ title, createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
  const one = await call("ticket_byId", { id });
  expect(one.body.messages.map((m: { id: number; bodyText: string }) => [m.id, m.bodyText])).toEqual([[reply.body.id, "A REST reply."]]);

  // errors a caller can switch on
  expect(await call("ticket_byId", { id: 999_999_999 })).toMatchObject({ status: 404, body: { error: { code: "NOT_FOUND", reason: "TICKET_NOT_FOUND" } } });
  expect(await call("ticket_reply", { ticketId: id }, { body: "" })).toMatchObject({ status: 400, body: { error: { code: "BAD_REQUEST", reason: "INVALID_INPUT", fieldErrors: { body: "REQUIRED" } } } });
  expect(await call("ticket_list", {}, undefined, "")).toMatchObject({ status: 401, body: { error: { reason: "TOKEN_REQUIRED" } } });
  expect(await call("meta_categories", {}, undefined, "Bearer hd_not-a-real-token")).toMatchObject({ status: 401, body: { error: { reason: "INVALID_TOKEN" } } });
  expect(await e2eDb().message.count({ where: { ticketId: id } })).toBe(1);
});

for (const [locale, heading, body] of [["en", "API reference", "Request body (JSON)"], ["ru", "Справочник API", "Тело запроса (JSON)"]] as const) {
  test(`admins read the API reference rendered from the OpenAPI document (${locale}); agents do not`, async ({ page }, info) => {
    const admin = await createStaff("ADMIN", locale);
    await signIn(page, admin.email, admin.password);
    await page.goto("/staff/settings/api-docs");
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expect(page.locator("#ticket_reply")).toContainText("/api/v1/tickets/{ticketId}/replies");
    await expect(page.locator("#ticket_reply")).toContainText(body);
    await expect(page.getByRole("link", { name: "/api/openapi.json" })).toHaveAttribute("href", "/api/openapi.json");
    await page.screenshot({ path: info.outputPath(`api-docs-${locale}-desktop.png`), fullPage: false });
    await page.locator("#ticket_byId").screenshot({ path: info.outputPath(`api-docs-${locale}-operation.png`) });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: info.outputPath(`api-docs-${locale}-phone.png`), fullPage: false });

    await page.context().clearCookies();
    const agent = await createStaff("AGENT", locale);
    await signIn(page, agent.email, agent.password);
    const res = await page.goto("/staff/settings/api-docs");
    expect(res?.status()).toBe(404);
  });
}
