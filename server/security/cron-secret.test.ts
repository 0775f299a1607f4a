// The cron secret check (ASVS 5.0 V13.2.1, V11.x): only `Authorization: Bearer <secret>`
// or `?token=<secret>` is accepted; missing, wrong, wrong-length, look-alike secrets and the
// right secret in any other place are refused; the comparison is constant-time for any input.
import { describe, it, expect, beforeAll, afterEach, vi } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import crypto from "node:crypto";
import { resetEnvCache } from "@/server/env";
import { resetSecretsCache, safeEqual } from "@/server/secrets";
import { cronAuthorized, withCronAuth } from "@/server/cron/verify-cron";

const SECRET = crypto.randomBytes(32).toString("base64url");
const URL_ = "https://support.example.test/cron/ticket_create";

beforeAll(() => {
  process.env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "hd-cron-secret-"));
  process.env.CRON_SECRET = SECRET;
  resetEnvCache();
  resetSecretsCache();
});

afterEach(() => vi.restoreAllMocks());

const get = (init: RequestInit = {}, query = "") => new Request(URL_ + query, init);
const post = (init: RequestInit = {}, query = "") => new Request(URL_ + query, { method: "POST", ...init });
const flip = (s: string) => (s[0] === "A" ? "B" : "A") + s.slice(1);

const refused: [string, () => Request][] = [
  ["no credentials at all", () => get()],
  ["an empty Bearer", () => get({ headers: { authorization: "Bearer " } })],
  ["a wrong secret of the same length", () => get({ headers: { authorization: `Bearer ${flip(SECRET)}` } })],
  ["the secret minus its last character", () => get({ headers: { authorization: `Bearer ${SECRET.slice(0, -1)}` } })],
  ["the secret plus one character", () => get({ headers: { authorization: `Bearer ${SECRET}x` } })],
  ["the secret twice", () => get({ headers: { authorization: `Bearer ${SECRET}${SECRET}` } })],
  ["a 1 MB token", () => get({ headers: { authorization: `Bearer ${"a".repeat(1_000_000)}` } })],
  // a header cannot carry non-Latin-1 text, so a look-alike arrives through the query string
  ["a Unicode look-alike (Cyrillic а)", () => get({}, `?token=${encodeURIComponent(`а${SECRET.slice(1)}`)}`)],
  ["the right secret as Basic auth", () => get({ headers: { authorization: `Basic ${Buffer.from(`cron:${SECRET}`).toString("base64")}` } })],
  ["the right secret without the Bearer scheme", () => get({ headers: { authorization: SECRET } })],
  ["the right secret in a cookie named token", () => get({ headers: { cookie: `token=${SECRET}` } })],
  ["the right secret in a cookie named CRON_SECRET", () => get({ headers: { cookie: `CRON_SECRET=${SECRET}` } })],
  ["the right secret in an X-Cron-Secret header", () => get({ headers: { "x-cron-secret": SECRET } })],
  ["the right secret as ?secret=", () => get({}, `?secret=${SECRET}`)],
  ["the right secret as ?TOKEN= (other case)", () => get({}, `?TOKEN=${SECRET}`)],
  ["the right secret in a POST form field token", () => post({ headers: { "content-type": "application/x-www-form-urlencoded" }, body: `token=${SECRET}` })],
  ["the right secret in a POST JSON body", () => post({ headers: { "content-type": "application/json" }, body: JSON.stringify({ token: SECRET, secret: SECRET }) })],
  ["a wrong Bearer next to the right ?token= (no fallback)", () => get({ headers: { authorization: "Bearer wrong" } }, `?token=${SECRET}`)],
  ["an empty ?token=", () => get({}, "?token=")],
  ["a wrong ?token=", () => get({}, `?token=${flip(SECRET)}`)],
];

describe("cron secret", () => {
  it.each(refused)("ASVS 5.0 V13.2.1: refuses %s", (_, make) => {
    expect(cronAuthorized(make())).toBe(false);
  });

  it.each([
    ["Bearer header", () => get({ headers: { authorization: `Bearer ${SECRET}` } })],
    ["Bearer header, any case of the scheme", () => get({ headers: { authorization: `bearer ${SECRET}` } })],
    ["Bearer header on POST", () => post({ headers: { authorization: `Bearer ${SECRET}` } })],
    ["?token= query (for wget-style crons)", () => get({}, `?token=${encodeURIComponent(SECRET)}`)],
  ] as [string, () => Request][])("accepts the right secret in the %s", (_, make) => {
    expect(cronAuthorized(make())).toBe(true);
  });

  it.each(refused)("ASVS 5.0 V13.2.1: withCronAuth answers 401 and runs nothing for %s", async (_, make) => {
    const job = vi.fn(async () => "ran");
    const res = await withCronAuth(make(), job);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ ok: false, error: "UNAUTHORIZED" });
    expect(job).not.toHaveBeenCalled();
  });

  it("ASVS 5.0 V11.2.4: every comparison goes through timingSafeEqual on fixed-length digests, whatever the input length", () => {
    const spy = vi.spyOn(crypto, "timingSafeEqual");
    const inputs = ["", "x", SECRET.slice(0, -1), flip(SECRET), SECRET + "x", "a".repeat(10_000)];
    for (const given of inputs) {
      spy.mockClear();
      cronAuthorized(get({ headers: { authorization: `Bearer ${given}` } }));
      // the empty Bearer never reaches a comparison; every other candidate is compared in constant time
      if (given === "") continue;
      expect(spy, given.slice(0, 12)).toHaveBeenCalledTimes(1);
      const [a, b] = spy.mock.calls[0]! as unknown as [Buffer, Buffer];
      expect(a.length).toBe(32);
      expect(b.length).toBe(32);
    }
  });

  it("ASVS 5.0 V11.2.4: safeEqual is exact", () => {
    expect(safeEqual(SECRET, SECRET)).toBe(true);
    expect(safeEqual(SECRET, SECRET + "\0")).toBe(false);
    expect(safeEqual("", "")).toBe(true);
    expect(safeEqual("a", "b")).toBe(false);
  });
});
