// API reads with a Bearer token, and anonymous reads without any cookie (a visitor's knowledge-
// base search), are answered by tRPC's node adapter straight from bin/serve.ts
// (server/api/direct-reads.ts), not through Next's route pipeline. This proves that door keeps
// the rules of the other: the same authorization in the procedure, revoked tokens refused,
// no mutation through GET, batching, superjson's wire format and the security headers.
import crypto from "node:crypto";
import { test, expect } from "@playwright/test";
import superjson from "superjson";
import { e2eDb, createStaff, uniqueEmail } from "./support/db";
import { hashToken } from "../server/auth/token-hash";
import { seedKb } from "./support/kb";

async function tokenFor(email: string) {
  const user = await e2eDb().user.findUniqueOrThrow({ where: { email } });
  const token = `hd_${crypto.randomBytes(24).toString("base64url")}`;
  const row = await e2eDb().apiToken.create({ data: { name: "e2e", prefix: token.slice(0, 10), tokenHash: hashToken(token), userId: user.id } });
  return { token, id: row.id, userId: user.id };
}

const get = (proc: string, input?: unknown) =>
  `/api/trpc/${proc}${input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`}`;
const bearer = (t: string) => ({ authorization: `Bearer ${t}` });

test("a staff token reads the queue; dates arrive as Dates; security headers are sent", async ({ request }) => {
  const staff = await createStaff("AGENT");
  const { token, userId } = await tokenFor(staff.email);
  const customer = await e2eDb().user.create({ data: { email: uniqueEmail("api-reads"), name: "API Reader", role: "CUSTOMER" } });
  const status = await e2eDb().status.findFirstOrThrow({ where: { isClosed: false } });
  const category = await e2eDb().category.findFirstOrThrow();
  const title = `Direct read ${Date.now()}`;
  const ticket = await e2eDb().ticket.create({ data: { title, body: "b", bodyHtml: "<p>b</p>", statusId: status.id, categoryId: category.id, requesterId: customer.id, assigneeId: userId } });

  const res = await request.get(get("ticket.list", { limit: 50, assignee: "me" }), { headers: bearer(token) });
  expect(res.status()).toBe(200);
  expect(res.headers()["x-content-type-options"]).toBe("nosniff");
  expect(res.headers()["x-frame-options"]).toBe("DENY");
  const data = superjson.deserialize<{ items: Array<{ id: number; title: string; createdAt: Date }> }>((await res.json()).result.data);
  const item = data.items.find((i) => i.id === ticket.id);
  expect(item?.title).toBe(title);
  expect(item?.createdAt).toBeInstanceOf(Date);
  expect(item?.createdAt.getTime()).toBe(ticket.createdAt.getTime());
});

test("batched reads answer each procedure in order", async ({ request }) => {
  const staff = await createStaff("AGENT");
  const { token } = await tokenFor(staff.email);
  const input = encodeURIComponent(JSON.stringify({ 0: superjson.serialize(undefined), 1: superjson.serialize({ limit: 1 }) }));
  const res = await request.get(`/api/trpc/ticket.counts,ticket.list?batch=1&input=${input}`, { headers: bearer(token) });
  expect(res.status()).toBe(200);
  const [counts, list] = (await res.json()) as Array<{ result: { data: unknown } }>;
  expect(superjson.deserialize<{ open: number }>(counts!.result.data as never).open).toEqual(expect.any(Number));
  expect(superjson.deserialize<{ items: unknown[] }>(list!.result.data as never).items.length).toBeLessThanOrEqual(1);
});

test("a customer's token is refused staff reads; a revoked token and a wrong one are anonymous", async ({ request }) => {
  const customer = await e2eDb().user.create({ data: { email: uniqueEmail("api-cust"), name: "Customer", role: "CUSTOMER" } });
  const { token } = await tokenFor(customer.email);
  const asCustomer = await request.get(get("ticket.counts"), { headers: bearer(token) });
  expect(asCustomer.status()).toBe(403);
  expect((await asCustomer.json()).error.json.message).toBe("STAFF_ONLY");

  const staff = await createStaff("AGENT");
  const t = await tokenFor(staff.email);
  expect((await request.get(get("ticket.counts"), { headers: bearer(t.token) })).status()).toBe(200);
  await e2eDb().apiToken.update({ where: { id: t.id }, data: { revokedAt: new Date() } });
  expect((await request.get(get("ticket.counts"), { headers: bearer(t.token) })).status()).toBe(401);
  expect((await request.get(get("ticket.counts"), { headers: bearer("hd_wrong") })).status()).toBe(401);
});

test("a mutation cannot be sent as a GET with a token", async ({ request }) => {
  const staff = await createStaff("AGENT");
  const { token } = await tokenFor(staff.email);
  const res = await request.get(get("ticket.reply", { ticketId: 1, body: "sneaky" }), { headers: bearer(token) });
  expect(res.status()).toBe(405);
  expect(await e2eDb().message.count({ where: { bodyText: "sneaky" } })).toBe(0);
});

test("a malformed path or an unknown procedure gets an error answer, and the server stays up", async ({ request }) => {
  const staff = await createStaff("AGENT");
  const { token } = await tokenFor(staff.email);
  expect((await request.get("/api/trpc/ticket.%E0%A4%A", { headers: bearer(token) })).status()).toBe(400);
  expect((await request.get(get("ticket.nope"), { headers: bearer(token) })).status()).toBe(404);
  expect((await request.get(get("ticket.counts"), { headers: bearer(token) })).status()).toBe(200);
});

test("an anonymous visitor's read without cookies answers as through Next: KB search, staff reads refused", async ({ request }) => {
  const tag = `d${Date.now() % 1e6}`;
  await seedKb(tag);
  // no cookie at all: the direct path; the same calls with an unrelated cookie go through Next
  const throughNext = { headers: { cookie: "theme=dark" } };
  const search = get("kb.search", { q: `password ${tag}`, lang: "en", limit: 5 });
  const direct = await request.get(search);
  const viaNext = await request.get(search, throughNext);
  expect(direct.status()).toBe(200);
  expect(viaNext.status()).toBe(200);
  expect(direct.headers()["x-content-type-options"]).toBe("nosniff");
  expect(direct.headers()["x-frame-options"]).toBe("DENY");
  type Hits = { items: Array<{ title: string }> };
  const a = superjson.deserialize<Hits>((await direct.json()).result.data);
  const b = superjson.deserialize<Hits>((await viaNext.json()).result.data);
  expect(a.items.map((i) => i.title)).toContain(`How to reset your password ${tag}`);
  // staff-only articles stay hidden from visitors on either path
  expect(a.items.map((i) => i.title)).not.toContain(`Internal password escalation ${tag}`);
  expect(a).toEqual(b);

  for (const opts of [{}, throughNext]) {
    const counts = await request.get(get("ticket.counts"), opts);
    expect(counts.status()).toBe(401);
    expect((await counts.json()).error.json.data.code).toBe("UNAUTHORIZED");
    expect((await request.get(get("ticket.reply", { ticketId: 1, body: "anon" }), opts)).status()).toBe(405);
  }
});
