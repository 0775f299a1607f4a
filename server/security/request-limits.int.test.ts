// Request bodies and cross-site calls, through the real route handlers (the review's points 3
// and 5). Bodies (ASVS 5.0 V15.2.2, V5.2.1): every route handler found on disk is sent 8 MiB
// that it must not read past its limit — declared in Content-Length or streamed without one —
// anonymous callers get a small limit, and attachment.upload's base64 is bounded by
// maxUploadMb. Cross-site (ASVS 5.0 V3.5.1, V3.5.2): tRPC mutations refuse form encodings and
// other origins, so a cross-site <form> or fetch cannot act as the signed-in user.
// As in uploads-attacks.int.test.ts, the session is the one thing faked (Auth.js needs Next's
// request scope); Auth.js' own handlers are replaced by a stand-in that reads the whole body.
import fs from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/server/db/client";
import { firstCategoryId, makeActor, setTicketSettings } from "@/server/testing/factories";
import { PNG_1x1 } from "@/server/testing/portal-helpers";
import { ANONYMOUS_BODY_BYTES, CSRF_HEADER, SIGNED_IN_BODY_BYTES } from "@/server/api/request-guards";
import type { Actor } from "@/server/domain/actor";

const session = vi.hoisted(() => ({ current: null as null | { user: Record<string, unknown> } }));
vi.mock("@/server/auth/config", () => {
  const readAll = async (req: Request) => Response.json({ read: (await req.arrayBuffer()).byteLength });
  return { auth: async () => session.current, handlers: { GET: readAll, POST: readAll } };
});

const APP = process.env.APP_URL!;
const CHUNK = 64 * 1024;
const BIG = 8 * 1024 * 1024;
/** what the Request's own stream reads ahead of the handler (a few chunks), whatever the handler does */
const READ_AHEAD = 4 * CHUNK;

type UserActor = Extract<Actor, { kind: "user" }>;
function signInAs(a: Actor | null) {
  const u = a as UserActor | null;
  session.current = u ? { user: { id: u.userId, role: u.role, email: u.email, name: u.name, locale: u.locale } } : null;
}
beforeEach(() => signInAs(null));

/** A body of `total` bytes made on demand; `pulled()` says how much the handler consumed. */
function meteredBody(total: number, byte = 0x41) {
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(c) {
      if (sent >= total) return c.close();
      const n = Math.min(CHUNK, total - sent);
      sent += n;
      c.enqueue(new Uint8Array(n).fill(byte));
    },
  });
  return { stream, pulled: () => sent };
}

const ROUTE_FILES = (function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(path.join(dir, d.name)) : d.name === "route.ts" ? [path.join(dir, d.name)] : []));
})(path.resolve(import.meta.dirname, "../../app"));

const paramsFor = (file: string) => ({ params: Promise.resolve({ id: "x", token: "x", trpc: "ticket.create", nextauth: ["callback", "credentials"] }) , file });
const urlFor = (file: string) => "http://localhost/" + path.relative(path.resolve(import.meta.dirname, "../../app"), path.dirname(file)).replace(/\([^)]*\)\//g, "").replace("[trpc]", "ticket.create").replace("[...nextauth]", "callback/credentials").replace(/\[[^\]]+\]/g, "x");

type Handler = (req: Request, ctx: unknown) => Promise<Response> | Response;

describe("ASVS 5.0 V15.2.2: every route handler bounds the body it reads", () => {
  it("finds the route handlers (tRPC, Auth.js, uploads, cron …)", () => {
    expect(ROUTE_FILES.length).toBeGreaterThanOrEqual(10);
  });

  it.each(ROUTE_FILES.map((f) => [path.relative(process.cwd(), f), f]))("%s: 8 MiB from an anonymous caller is never read past the anonymous limit", async (_name, file) => {
    const mod = (await import(file)) as Record<string, unknown>;
    for (const method of ["POST", "PUT", "PATCH", "DELETE"].filter((m) => typeof mod[m] === "function")) {
      for (const declared of [true, false]) {
        const body = meteredBody(BIG);
        const headers: Record<string, string> = { "content-type": "application/json", origin: APP, "x-file-name": "a.png" };
        if (declared) headers["content-length"] = String(BIG);
        const res = await (mod[method] as Handler)(new Request(urlFor(file), { method, headers, body: body.stream, duplex: "half" } as RequestInit), paramsFor(file));
        expect(res.status, `${method} ${file} declared=${declared}`).toBeGreaterThanOrEqual(400);
        expect(body.pulled(), `${method} ${file} declared=${declared}`).toBeLessThanOrEqual(ANONYMOUS_BODY_BYTES + READ_AHEAD);
      }
    }
  });

  it("tRPC: 413 for an anonymous body past the limit (declared or counted), and a signed-in one past its own", async () => {
    const { POST } = await import("@/app/api/trpc/[trpc]/route");
    const send = async (size: number, declared: boolean) => {
      const body = meteredBody(size, 0x20);
      const headers: Record<string, string> = { "content-type": "application/json", origin: APP };
      if (declared) headers["content-length"] = String(size);
      const res = await POST(new Request(`${APP}/api/trpc/ticket.create`, { method: "POST", headers, body: body.stream, duplex: "half" } as RequestInit));
      return { status: res.status, pulled: body.pulled() };
    };
    const declared = await send(ANONYMOUS_BODY_BYTES + 1, true);
    expect(declared.status).toBe(413);
    expect(declared.pulled).toBeLessThanOrEqual(READ_AHEAD); // refused on the header, the body never read
    expect((await send(ANONYMOUS_BODY_BYTES * 4, false)).status).toBe(413);
    signInAs((await makeActor("CUSTOMER")).actor);
    // whitespace of a size a signed-in user may send: parsed (and refused as invalid JSON input), not cut off
    expect((await send(ANONYMOUS_BODY_BYTES * 2, false)).status).toBe(400);
    expect((await send(SIGNED_IN_BODY_BYTES + 1, true)).status).toBe(413);
  });

  it("attachment.upload: base64 larger than maxUploadMb is refused (anonymous before any parsing)", async () => {
    await setTicketSettings({ allowUploads: true, maxUploadMb: 1 });
    const { POST } = await import("@/app/api/trpc/[trpc]/route");
    const upload = (b64: string) =>
      POST(new Request(`${APP}/api/trpc/attachment.upload`, { method: "POST", headers: { "content-type": "application/json", origin: APP }, body: JSON.stringify({ json: { fileName: "a.png", contentBase64: b64 } }) }));
    const tooBig = Buffer.concat([PNG_1x1, Buffer.alloc(1024 * 1024)]).toString("base64");
    expect((await upload(tooBig)).status).toBe(413); // anonymous: the body limit
    const { actor } = await makeActor("CUSTOMER");
    signInAs(actor);
    const res = await upload(tooBig);
    expect(res.status).toBe(413);
    expect(await db().attachment.count()).toBe(0);
    expect((await upload(PNG_1x1.toString("base64"))).status).toBe(200);
  });
});

describe("ASVS 5.0 V3.5.1/V3.5.2: tRPC mutations refuse form posts and other sites", () => {
  async function reply(headers: Record<string, string>, body?: BodyInit) {
    const { POST } = await import("@/app/api/trpc/[trpc]/route");
    const res = await POST(new Request(`${APP}/api/trpc/ticket.create`, { method: "POST", headers, body: body ?? JSON.stringify({ json: { title: "Forged ticket", body: "from elsewhere", categoryId: await firstCategoryId() } }) }));
    return res.status;
  }

  it("form encodings a cross-site <form> can send are refused, and nothing is created", async () => {
    signInAs((await makeActor("CUSTOMER")).actor);
    const fd = new FormData();
    fd.set("title", "Forged ticket");
    expect(await reply({ origin: APP }, fd)).toBe(415); // multipart/form-data (fetch sets the boundary)
    expect(await reply({ "content-type": "application/x-www-form-urlencoded", origin: APP }, "title=Forged+ticket")).toBe(415);
    expect(await reply({ "content-type": "text/plain", origin: APP })).toBe(415);
    expect(await reply({ "content-type": "text/plain;charset=UTF-8" })).toBe(415);
    expect(await reply({})).toBe(415);
    expect(await db().ticket.count({ where: { title: "Forged ticket" } })).toBe(0);
  });

  it("another origin, a cross-site fetch, or no origin without the API header is refused; this site and API clients pass", async () => {
    signInAs((await makeActor("CUSTOMER")).actor);
    const json = { "content-type": "application/json" };
    expect(await reply({ ...json, origin: "https://evil.example" })).toBe(403);
    expect(await reply({ ...json, origin: "null" })).toBe(403);
    expect(await reply({ ...json, origin: APP, "sec-fetch-site": "cross-site" })).toBe(403);
    expect(await reply({ ...json })).toBe(403);
    expect(await db().ticket.count({ where: { title: "Forged ticket" } })).toBe(0);
    expect(await reply({ ...json, origin: APP })).toBe(200);
    expect(await reply({ ...json, [CSRF_HEADER]: "1" })).toBe(200);
  });
});
