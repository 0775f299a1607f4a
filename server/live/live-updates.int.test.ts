// Issue 16.5 end to end below the browser: a write (service, mail-style raw SQL, typing ping)
// → the trigger's NOTIFY → this process's one LISTEN connection → an HTTP SSE stream read here
// with fetch, filtered by the listener's scope. Also the versioned reply and bulk update.
import { describe, it, expect, afterEach } from "vitest";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { db } from "@/server/db/client";
import { anonymous } from "@/server/domain/actor";
import { hashToken } from "@/server/auth/token-hash";
import { actorFromHeaders } from "@/server/auth/actor";
import { callerFor } from "@/server/testing/caller";
import { makeActor, firstCategoryId, statusByKey } from "@/server/testing/factories";
import { openLiveStream } from "./sse-stream";
import { listenerStats } from "./ticket-listener";
import { MAX_STREAMS_PER_USER } from "@/server/domain/live/ticket-event";

const servers: http.Server[] = [];
afterEach(async () => { for (const s of servers.splice(0)) { s.closeAllConnections(); await new Promise((r) => s.close(r)); } });

/** A tiny HTTP server that hands each request to the SSE handler, as app/api/live/route.ts does. */
async function serve(): Promise<string> {
  const server = http.createServer(async (req, res) => {
    const ac = new AbortController();
    res.on("close", () => ac.abort());
    // tokens only here: a cookie session needs Next's request scope (the e2e spec covers that door)
    const actor = req.headers.authorization ? await actorFromHeaders(new Headers(req.headers as Record<string, string>)) : anonymous;
    const r = await openLiveStream(actor, ac.signal);
    res.writeHead(r.status, Object.fromEntries(r.headers));
    if (!r.body) return res.end();
    const reader = r.body.getReader();
    for (;;) { const { done, value } = await reader.read(); if (done) break; res.write(value); }
    res.end();
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

/** Opens a stream and collects its frames (event name + parsed data) until closed. */
async function listen(url: string, token: string) {
  const ac = new AbortController();
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: ac.signal });
  const frames: Array<{ event: string; data: Record<string, unknown> }> = [];
  const ready = new Promise<void>((resolve) => {
    void (async () => {
      const dec = new TextDecoder();
      let buf = "";
      try {
        for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
          buf += dec.decode(chunk, { stream: true });
          let i;
          while ((i = buf.indexOf("\n\n")) >= 0) {
            const block = buf.slice(0, i); buf = buf.slice(i + 2);
            const event = /^event: (.*)$/m.exec(block)?.[1];
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (event === "ready") resolve();
            if (event && data) frames.push({ event, data: JSON.parse(data) });
          }
        }
      } catch { /* aborted */ }
    })();
  });
  if (res.status === 200) await ready;
  return { status: res.status, frames, close: () => ac.abort() };
}

async function until<T>(f: () => T | undefined, what: string): Promise<T> {
  for (let i = 0; i < 100; i++) { const v = f(); if (v) return v; await new Promise((r) => setTimeout(r, 50)); }
  throw new Error(`never saw ${what}`);
}

async function world() {
  const [admin, agent, foreign, customer] = [await makeActor("ADMIN"), await makeActor("AGENT"), await makeActor("AGENT"), await makeActor("CUSTOMER")];
  const catA = await firstCategoryId();
  const catB = (await db().category.create({ data: { nameRu: "Б", nameEn: "Billing", sortOrder: 50 } })).id;
  await db().team.create({ data: { name: "First line", members: { create: [{ userId: agent.user.id }] }, categories: { create: [{ categoryId: catA }] } } });
  await db().team.create({ data: { name: "Billing", members: { create: [{ userId: foreign.user.id }] }, categories: { create: [{ categoryId: catB }] } } });
  const token = async (userId: number) => (await callerFor(admin.actor).apiToken.create({ name: `t${userId}`, userId, scope: "read-write", expiresInDays: 1 })).token;
  const inA = (await callerFor(customer.actor).ticket.create({ title: "Printer in A", body: "x", categoryId: catA })).id;
  const inB = (await callerFor(customer.actor).ticket.create({ title: "Invoice in B", body: "x", categoryId: catB })).id;
  return { admin, agent, foreign, customer, catA, token, inA, inB };
}

describe("NOTIFY → LISTEN → SSE", () => {
  it("streams scoped changes from every door and typing pings; one LISTEN per process", async () => {
    const w = await world();
    const url = await serve();
    const agentStream = await listen(url, await w.token(w.agent.user.id));
    const foreignStream = await listen(url, await w.token(w.foreign.user.id));
    expect(listenerStats()).toEqual({ subscribers: 2, listening: true });

    // web door: the customer replies on A
    await callerFor(w.customer.actor).ticket.reply({ ticketId: w.inA, body: "Any news?" });
    const msg = await until(() => agentStream.frames.find((f) => f.event === "change" && f.data.k === "message" && f.data.t === w.inA), "the reply");
    expect(msg.data).toMatchObject({ a: w.customer.user.id, c: w.catA });
    expect(Object.keys(msg.data).sort()).toEqual(["a", "c", "k", "t", "v"]); // tiny payload

    // the mail ingest writes with raw SQL: the trigger still fires
    await db().$executeRaw`INSERT INTO messages (ticket_id, body_text, body_html) VALUES (${w.inB}, 'by mail', 'by mail')`;
    await until(() => foreignStream.frames.find((f) => f.data.t === w.inB && f.data.k === "message"), "the mail message on B");

    // a staff write from another door (status change) and a typing ping
    const version = (await callerFor(w.admin.actor).ticket.byId({ id: w.inA })).version;
    await callerFor(w.admin.actor).ticket.setStatus({ ticketId: w.inA, version, statusId: (await statusByKey("in_progress")).id });
    await until(() => agentStream.frames.find((f) => f.data.k === "ticket" && f.data.t === w.inA && f.data.v === version + 1), "the status change");
    expect(await callerFor(w.admin.actor).live.typing({ ticketId: w.inA })).toEqual({ sent: true });
    expect(await callerFor(w.admin.actor).live.typing({ ticketId: w.inA })).toEqual({ sent: false }); // rate-limited
    const typing = await until(() => agentStream.frames.find((f) => f.event === "typing"), "the typing ping");
    expect(typing.data).toMatchObject({ t: w.inA, a: w.admin.user.id, n: w.admin.user.name });
    expect(agentStream.frames.filter((f) => f.event === "typing")).toHaveLength(1);
    expect((await callerFor(w.agent.actor).live.ticketState({ ticketId: w.inA })).typing).toEqual([{ userId: w.admin.user.id, name: w.admin.user.name }]);
    expect((await callerFor(w.admin.actor).live.ticketState({ ticketId: w.inA })).typing).toEqual([]); // not oneself

    // scope: the agent never heard of B, the foreign agent never heard of A
    await callerFor(w.customer.actor).ticket.reply({ ticketId: w.inB, body: "sync marker" });
    await until(() => foreignStream.frames.find((f) => f.data.t === w.inB && f.data.a === w.customer.user.id), "the marker on B");
    expect(agentStream.frames.filter((f) => f.data.t === w.inB)).toEqual([]);
    expect(foreignStream.frames.filter((f) => f.data.t === w.inA)).toEqual([]);
    await expect(callerFor(w.foreign.actor).live.typing({ ticketId: w.inA })).rejects.toMatchObject({ code: "NOT_FOUND" });

    agentStream.close(); foreignStream.close();
    await until(() => listenerStats().subscribers === 0 || undefined, "the unsubscribe");
    expect(listenerStats().listening).toBe(false);
  });

  it("refuses anonymous and customers, and bounds streams per user", async () => {
    const w = await world();
    const url = await serve();
    expect((await fetch(url)).status).toBe(401);
    // the API refuses to mint a customer token; a row made by hand shows the stream refuses too
    const customerToken = "hd_customer_forged_token_0123456789";
    await db().apiToken.create({ data: { name: "c", prefix: "hd_c", tokenHash: hashToken(customerToken), userId: w.customer.user.id } });
    expect((await listen(url, customerToken)).status).toBe(403);
    const token = await w.token(w.agent.user.id);
    const open = [];
    for (let i = 0; i < MAX_STREAMS_PER_USER; i++) open.push(await listen(url, token));
    expect(open.every((s) => s.status === 200)).toBe(true);
    expect((await listen(url, token)).status).toBe(429);
    open.forEach((s) => s.close());
  });
});

describe("versioned replies and bulk updates", () => {
  it("a stale reply answers TICKET_CHANGED with the current version and writes nothing; the new version sends", async () => {
    const w = await world();
    const api = callerFor(w.agent.actor);
    const v0 = (await api.ticket.byId({ id: w.inA })).version;
    await callerFor(w.customer.actor).ticket.reply({ ticketId: w.inA, body: "A new message" });
    const before = await db().message.count({ where: { ticketId: w.inA } });
    await expect(api.ticket.reply({ ticketId: w.inA, body: "Stale answer", version: v0 })).rejects.toMatchObject({
      code: "CONFLICT", cause: { reason: "TICKET_CHANGED", details: { version: v0 + 1 } },
    });
    expect(await db().message.count({ where: { ticketId: w.inA } })).toBe(before);
    const sent = await api.ticket.reply({ ticketId: w.inA, body: "Send anyway", version: v0 + 1 });
    expect(sent.version).toBe(v0 + 2);
    expect((await api.ticket.byId({ id: w.inA })).version).toBe(v0 + 2);
    // API callers without a version are not checked (backward compatible)
    await expect(api.ticket.reply({ ticketId: w.inA, body: "No version" })).resolves.toMatchObject({ version: v0 + 3 });
  });

  it("bulk update with a stale version changes nothing and names the stale tickets", async () => {
    const w = await world();
    const api = callerFor(w.admin.actor);
    const inA2 = (await callerFor(w.customer.actor).ticket.create({ title: "Second in A", body: "x", categoryId: w.catA })).id;
    const [va, vb] = [(await api.ticket.byId({ id: w.inA })).version, (await api.ticket.byId({ id: inA2 })).version];
    await callerFor(w.customer.actor).ticket.reply({ ticketId: inA2, body: "Changed meanwhile" });
    const target = (await statusByKey("waiting")).id;
    await expect(api.ticket.bulkUpdate({ ticketIds: [w.inA, inA2], versions: [va, vb], statusId: target })).rejects.toMatchObject({
      code: "CONFLICT", cause: { reason: "STALE_UPDATE", details: { staleIds: [inA2] } },
    });
    expect(await db().ticket.count({ where: { statusId: target } })).toBe(0);
    await expect(api.ticket.bulkUpdate({ ticketIds: [w.inA], versions: [va, vb], statusId: target })).rejects.toMatchObject({ cause: { reason: "VERSIONS_MISMATCH" } });
    expect(await api.ticket.bulkUpdate({ ticketIds: [w.inA, inA2], versions: [va, vb + 1], statusId: target })).toEqual({ updated: 2 });
  });
});
