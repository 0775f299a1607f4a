// Every cron URL refuses calls without the cron secret and runs nothing (ASVS 5.0 V13.2.1).
// The routes are discovered from app/cron/*/route.ts, so a new cron cannot be forgotten. "Runs
// nothing" is checked as a fingerprint of every table: work is waiting for each job (a ticket
// due for auto-close, mail in the outbox, a configured mailbox), and not one row may change.
import { describe, it, expect } from "vitest";
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { db } from "@/server/db/client";
import { secrets } from "@/server/secrets";
import { statusByKey, setTicketSettings } from "@/server/testing/factories";
import { openTicket, staffWorld } from "@/server/testing/staff-helpers";
import { updateSettings } from "@/server/platform/settings/settings-store";

const CRON_DIR = path.resolve(import.meta.dirname, "../../app/cron");
const ROUTES = fs
  .readdirSync(CRON_DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory() && fs.existsSync(path.join(CRON_DIR, d.name, "route.ts")))
  .map((d) => d.name)
  .sort();

type Handler = (req: Request) => Promise<Response> | Response;
async function handlersOf(name: string): Promise<[string, Handler][]> {
  const mod = (await import(path.join(CRON_DIR, name, "route.ts"))) as Record<string, unknown>;
  return ["GET", "POST", "PUT", "PATCH", "DELETE"].filter((m) => typeof mod[m] === "function").map((m) => [m, mod[m] as Handler]);
}

/** One digest per table of the whole database (except the migrations log). */
async function fingerprint(): Promise<Record<string, string>> {
  const tables = await db().$queryRaw<{ t: string }[]>`
    SELECT table_name::text AS t FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY 1`;
  const out: Record<string, string> = {};
  for (const { t } of tables) {
    const [row] = await db().$queryRawUnsafe<{ h: string }[]>(`SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM "${t}" x`);
    out[t] = row!.h;
  }
  return out;
}

async function workForEveryJob() {
  const w = await staffWorld();
  const waiting = await statusByKey("waiting");
  await setTicketSettings({ autoCloseDays: 1, autoCloseStatusId: waiting.id });
  const id = await openTicket(w.customer);
  await db().ticket.update({ where: { id }, data: { statusId: waiting.id, lastCustomerAt: new Date(Date.now() - 5 * 86_400_000), statusChangedAt: new Date(Date.now() - 5 * 86_400_000) } });
  // a mailbox that is configured (nothing listens there: a run would record its failure)
  await updateSettings("mail", { host: "127.0.0.1", port: 9, secure: false, username: "support@example.test", password: "mailbox-password" });
  expect(await db().outboxMail.count({ where: { status: "PENDING" } })).toBeGreaterThan(0);
  // an upload never attached, two days old (for /cron/cleanup)
  await db().attachment.create({ data: { uploaderId: w.customerUser.id, fileName: "old.png", contentType: "image/png", size: 1, sha256: "0", storageKey: "zz/never-attached", createdAt: new Date(Date.now() - 2 * 86_400_000) } });
}

const flip = (s: string) => (s[0] === "A" ? "B" : "A") + s.slice(1);
function badRequests(name: string, method: string): [string, Request][] {
  const url = `http://localhost/cron/${name}`;
  const s = secrets().CRON_SECRET;
  const body = method === "GET" ? {} : { method };
  return [
    ["no secret", new Request(url, body)],
    ["a wrong Bearer", new Request(url, { ...body, headers: { authorization: `Bearer ${flip(s)}` } })],
    ["a Bearer of the wrong length", new Request(url, { ...body, headers: { authorization: `Bearer ${s}0` } })],
    ["a wrong ?token=", new Request(`${url}?token=${encodeURIComponent(s.slice(0, -1))}`, body)],
    ["the secret in a cookie", new Request(url, { ...body, headers: { cookie: `token=${s}; CRON_SECRET=${s}` } })],
    ["the secret in an X-Cron-Secret header", new Request(url, { ...body, headers: { "x-cron-secret": s } })],
    ...(method === "GET"
      ? []
      : ([
          ["the secret as a form field token", new Request(url, { method, headers: { "content-type": "application/x-www-form-urlencoded" }, body: `token=${encodeURIComponent(s)}` })],
          ["the secret in a JSON body", new Request(url, { method, headers: { "content-type": "application/json" }, body: JSON.stringify({ token: s }) })],
        ] as [string, Request][])),
  ];
}

describe("cron routes", () => {
  it("finds the cron routes (auto_close, cleanup, deliver_mail, ticket_create, ticket_replies at least)", () => {
    expect(ROUTES).toEqual(expect.arrayContaining(["auto_close", "cleanup", "deliver_mail", "ticket_create", "ticket_replies"]));
  });

  it.each(ROUTES)("ASVS 5.0 V13.2.1: /cron/%s answers 401 to every call without the secret and changes nothing", async (name) => {
    await workForEveryJob();
    const handlers = await handlersOf(name);
    expect(handlers.length).toBeGreaterThan(0);
    const before = await fingerprint();
    for (const [method, handler] of handlers) {
      for (const [what, req] of badRequests(name, method)) {
        const res = await handler(req);
        expect(res.status, `${method} /cron/${name} with ${what}`).toBe(401);
        const text = await res.text();
        expect(text).not.toContain(secrets().CRON_SECRET);
        expect(text.length).toBeLessThan(200);
      }
    }
    expect(await fingerprint()).toEqual(before);
  });

  it("the fingerprint notices a job that runs (control: auto_close with the right secret)", async () => {
    await workForEveryJob();
    const before = await fingerprint();
    const { GET } = (await import("@/app/cron/auto_close/route")) as { GET: Handler };
    const res = await GET(new Request("http://localhost/cron/auto_close", { headers: { authorization: `Bearer ${secrets().CRON_SECRET}` } }));
    expect(res.status).toBe(200);
    const after = await fingerprint();
    expect(after.tickets).not.toBe(before.tickets);
  });

  it("ASVS 5.0 V13.2.3: the cron secret is a generated 256-bit value, not a default", () => {
    const s = secrets().CRON_SECRET;
    expect(Buffer.from(s, "base64url").length).toBeGreaterThanOrEqual(32);
    expect(s).not.toBe(crypto.createHash("sha256").update("").digest("base64url"));
  });
});
