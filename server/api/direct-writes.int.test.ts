// Bearer-token mutations answered by bin/serve.ts's direct door (direct-reads.ts →
// trpc-fetch-handler.ts), over a real node:http server and database: the same guards as Next's
// route (cross-site refusal, form posts, bounded body), the procedure's own authorization,
// and the rows a create writes (ticket, history, acknowledgement in the outbox).
import http from "node:http";
import crypto from "node:crypto";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import superjson from "superjson";
import { db } from "@/server/db/client";
import { hashToken } from "@/server/auth/token-hash";
import { makeActor, firstCategoryId } from "@/server/testing/factories";
import { handleDirectApiWrite, isDirectApiWrite } from "./direct-reads";

let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (isDirectApiWrite(req)) void handleDirectApiWrite(req, res);
    else {
      res.statusCode = 418; // would have gone to Next
      res.end();
    }
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

async function tokenFor(userId: number) {
  const token = `hd_${crypto.randomBytes(24).toString("base64url")}`;
  await db().apiToken.create({ data: { name: "direct", prefix: token.slice(0, 10), tokenHash: hashToken(token), userId } });
  return token;
}

const post = (proc: string, input: unknown, headers: Record<string, string>, body?: string) =>
  fetch(`${base}/api/trpc/${proc}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: body ?? JSON.stringify(superjson.serialize(input)) });

describe("direct door for Bearer-token mutations", () => {
  it("a customer's token creates a ticket: the ticket, its history and the acknowledgement are written", async () => {
    const c = await makeActor("CUSTOMER");
    const token = await tokenFor(c.user.id);
    const res = await post("ticket.create", { title: "Direct create", body: "It broke", categoryId: await firstCategoryId() }, { authorization: `Bearer ${token}` });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    const { id } = superjson.deserialize<{ id: number }>((await res.json()).result.data);
    const t = await db().ticket.findUniqueOrThrow({ where: { id } });
    expect(t).toMatchObject({ title: "Direct create", requesterId: c.user.id, source: "API" });
    expect(await db().auditEvent.count({ where: { ticketId: id, type: "ticket.created" } })).toBe(1);
    expect(await db().outboxMail.count({ where: { ticketId: id, toEmail: c.user.email } })).toBe(1);
  });

  it("keeps the route's guards: a foreign Origin, a form post and an oversized body are refused before any write", async () => {
    const c = await makeActor("CUSTOMER");
    const token = await tokenFor(c.user.id);
    const input = { title: "Should not exist", body: "x", categoryId: await firstCategoryId() };
    const auth = { authorization: `Bearer ${token}` };
    expect((await post("ticket.create", input, { ...auth, origin: "https://evil.example" })).status).toBe(403);
    expect((await post("ticket.create", input, { ...auth, "content-type": "text/plain" })).status).toBe(415);
    const big = JSON.stringify(superjson.serialize({ ...input, body: "x".repeat(2 * 1024 * 1024) }));
    expect((await post("ticket.create", null, auth, big)).status).toBe(413);
    expect(await db().ticket.count({ where: { title: "Should not exist" } })).toBe(0);
  });

  it("the procedure's authorization holds: a customer's token cannot change a status, a wrong token is anonymous", async () => {
    const c = await makeActor("CUSTOMER");
    const token = await tokenFor(c.user.id);
    const denied = await post("ticket.setStatus", { ticketId: 1, version: 0, statusId: 1 }, { authorization: `Bearer ${token}` });
    expect(denied.status).toBe(403);
    const anon = await post("ticket.create", { title: "anon", body: "x", categoryId: await firstCategoryId() }, { authorization: "Bearer hd_wrong" });
    expect(anon.status).toBe(401);
  });

  it("only Bearer POSTs without a cookie take the door; browsers keep going through Next", async () => {
    const c = await makeActor("CUSTOMER");
    const token = await tokenFor(c.user.id);
    const withCookie = await post("ticket.create", {}, { authorization: `Bearer ${token}`, cookie: "authjs.session-token=x" });
    expect(withCookie.status).toBe(418);
    expect((await post("ticket.create", {}, {})).status).toBe(418);
  });
});
