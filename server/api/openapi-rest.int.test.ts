// The REST routes of the public API against a real database: every contract route has its row
// in ROUTE_TABLE; each is called with no token, an unknown token, and the tokens of customer B,
// customer A, an agent and an admin, with ids that belong to customer A (inputs from
// AUTHORIZATION_TABLE). Allowed → 200 with the procedure's answer as JSON; denied → 401/403/404.
import crypto from "node:crypto";
import { describe, expect, it, beforeEach } from "vitest";
import { contract, type ContractProcedure } from "@/packages/client/src/contract";
import { db } from "@/server/db/client";
import { hashToken } from "@/server/auth/token-hash";
import { makeActor, firstCategoryId, statusByKey } from "@/server/testing/factories";
import { openTicketAs } from "@/server/testing/portal-helpers";
import { AUTHORIZATION_TABLE, ALLOWED, ROUTE_TABLE, type World } from "@/server/security/authorization-table";
import { handleRestRequest } from "./openapi-rest";
import { REST_PREFIX, pathParams } from "./openapi";

const BASE = "http://helpdesk.test";
type Who = "none" | "unknown" | "customerB" | "customerA" | "agent" | "admin";
const WHO: Who[] = ["none", "unknown", "customerB", "customerA", "agent", "admin"];

async function tokenFor(userId: number) {
  const token = `hd_${crypto.randomBytes(24).toString("base64url")}`;
  await db().apiToken.create({ data: { name: "rest", prefix: token.slice(0, 10), tokenHash: hashToken(token), userId } });
  return token;
}

let w: World;
let tokens: Record<Who, string>;

// the setup file empties the tables before each test: every test builds its own world
async function buildWorld() {
  const [a, b, agent, admin] = [await makeActor("CUSTOMER"), await makeActor("CUSTOMER"), await makeActor("AGENT"), await makeActor("ADMIN")];
  const ticketA = (await openTicketAs(a.actor, "A's REST ticket")).id;
  w = {
    ticketA,
    ticketAVersion: async () => (await db().ticket.findUniqueOrThrow({ where: { id: ticketA }, select: { version: true } })).version,
    agentId: agent.user.id,
    customerAId: a.user.id,
    categoryId: await firstCategoryId(),
    statusId: (await statusByKey("new")).id,
    otherStatusId: (await statusByKey("in_progress")).id,
    priorityId: (await db().priority.findUniqueOrThrow({ where: { key: "high" } })).id,
    customFieldId: (await db().customField.create({ data: { type: "text", nameRu: "Сайт", nameEn: "Site" } })).id,
  } as World;
  tokens = { none: "", unknown: "hd_unknown-token", customerA: await tokenFor(a.user.id), customerB: await tokenFor(b.user.id), agent: await tokenFor(agent.user.id), admin: await tokenFor(admin.user.id) };
}

async function callRoute(p: ContractProcedure, input: Record<string, unknown>, who: Who) {
  const url = new URL(`${REST_PREFIX}${p.rest.path.replace(/\{(\w+)\}/g, (_, k: string) => String(input[k]))}`, BASE);
  const rest = Object.fromEntries(Object.entries(input).filter(([k]) => !pathParams(p.rest.path).includes(k)));
  if (p.rest.method === "GET") for (const [k, v] of Object.entries(rest)) url.searchParams.set(k, String(v));
  const headers: Record<string, string> = p.rest.method === "POST" ? { "content-type": "application/json" } : {};
  if (who !== "none") headers.authorization = `Bearer ${tokens[who]}`;
  const res = await handleRestRequest(new Request(url, { method: p.rest.method, headers, body: p.rest.method === "POST" ? JSON.stringify(rest) : undefined }));
  return { status: res.status, body: (await res.json()) as { error?: { code: string; reason: string } } };
}

describe("REST routes: one rule per route, the procedure's own authorization", () => {
  const entries = Object.entries(contract) as Array<[string, ContractProcedure]>;

  it("every contract route has its row in ROUTE_TABLE, naming its procedure", () => {
    for (const [path, p] of entries) {
      expect(ROUTE_TABLE[`${p.rest.method} ${REST_PREFIX}${p.rest.path}`], path).toMatchObject({ procedure: path, tokenOnly: true });
    }
  });

  it.each(entries)("%s", async (path, p) => {
    await buildWorld();
    const entry = ROUTE_TABLE[`${p.rest.method} ${REST_PREFIX}${p.rest.path}`]!;
    const outcomes: Record<string, string> = {};
    const expected: Record<string, string> = {};
    for (const who of WHO) {
      const input = ((await AUTHORIZATION_TABLE[path]!.input(w)) ?? {}) as Record<string, unknown>;
      const r = await callRoute(p, input, who);
      const allowed = who !== "none" && who !== "unknown" && (ALLOWED[entry.rule] as string[]).includes(who);
      outcomes[who] = r.status === 200 ? "allowed" : [401, 403, 404].includes(r.status) ? `denied ${r.body.error?.reason}` : `${r.status} ${JSON.stringify(r.body)}`;
      expected[who] = allowed ? "allowed" : who === "none" ? "denied TOKEN_REQUIRED" : who === "unknown" ? "denied INVALID_TOKEN" : outcomes[who]!.startsWith("denied") ? outcomes[who]! : "denied";
    }
    expect(outcomes).toEqual(expected);
  });
});

describe("REST input and errors", () => {
  beforeEach(buildWorld);

  it("query strings are coerced by the input schema; dates answer as ISO strings", async () => {
    const r = await callRoute(contract["ticket.list"], { limit: 5, open: true, assignee: "any" }, "agent");
    expect(r.status).toBe(200);
    const items = (r.body as unknown as { items: Array<{ id: number; createdAt: string }> }).items;
    expect(items.find((t) => t.id === w.ticketA)?.createdAt).toMatch(/^\d{4}-\d\d-\d\dT.*Z$/);
  });

  it("bad JSON, wrong method, unknown route and an oversized body answer clear errors", async () => {
    const auth = { authorization: `Bearer ${tokens.agent}` };
    const bad = await handleRestRequest(new Request(`${BASE}/api/v1/tickets`, { method: "POST", headers: auth, body: "{not json" }));
    expect([bad.status, (await bad.json()).error.reason]).toEqual([400, "INVALID_JSON"]);
    const put = await handleRestRequest(new Request(`${BASE}/api/v1/tickets/${w.ticketA}`, { method: "POST", headers: auth, body: "{}" }));
    expect([put.status, (await put.json()).error.code]).toEqual([405, "METHOD_NOT_SUPPORTED"]);
    const none = await handleRestRequest(new Request(`${BASE}/api/v1/nothing`, { headers: auth }));
    expect([none.status, (await none.json()).error.reason]).toEqual([404, "ROUTE_NOT_FOUND"]);
    const big = await handleRestRequest(new Request(`${BASE}/api/v1/tickets/${w.ticketA}/replies`, { method: "POST", headers: auth, body: JSON.stringify({ body: "x".repeat(300_000) }) }));
    expect([big.status, (await big.json()).error.reason]).toEqual([413, "BODY_TOO_LARGE"]);
  });

  it("a revoked token is refused", async () => {
    const agent = await makeActor("AGENT");
    const token = await tokenFor(agent.user.id);
    await db().apiToken.updateMany({ where: { userId: agent.user.id }, data: { revokedAt: new Date() } });
    const r = await handleRestRequest(new Request(`${BASE}/api/v1/categories`, { headers: { authorization: `Bearer ${token}` } }));
    expect([r.status, (await r.json()).error.reason]).toEqual([401, "INVALID_TOKEN"]);
  });
});
