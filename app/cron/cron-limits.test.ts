// Every cron route is scheduled on Vercel, declares the maxDuration of server/cron/limits.ts, and
// the jobs' time windows end before the function is killed (the ingest lease never outlives it).
import { describe, it, expect } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { CRON_MAX_DURATION_S, LEASE_MARGIN_MS, STOP_BEFORE_MS, killedAt, runWindow, type CronJob } from "@/server/cron/limits";

const dir = path.resolve(import.meta.dirname);
const routes = fs.readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, "route.ts"))).map((d) => d.name);
const vercel = JSON.parse(fs.readFileSync(path.resolve(dir, "../../vercel.json"), "utf8")) as { crons: { path: string; schedule: string }[] };

describe("cron routes and vercel.json", () => {
  it("schedules every cron route, and nothing else", () => {
    expect(routes.length).toBeGreaterThanOrEqual(4);
    expect(vercel.crons.map((c) => c.path).sort()).toEqual(routes.map((r) => `/cron/${r}`).sort());
  });

  it.each(Object.entries(CRON_MAX_DURATION_S))("%s declares maxDuration = %i", (job, seconds) => {
    const src = fs.readFileSync(path.join(dir, job, "route.ts"), "utf8");
    expect(/export const maxDuration = (\d+);/.exec(src)?.[1]).toBe(String(seconds));
  });
});

describe("a job's window inside its function", () => {
  const t0 = 1_700_000_000_000;
  it.each([
    ["ticket_create", 50_000],
    ["ticket_create", 600_000],
    ["ticket_replies", 295_000],
  ] as [CronJob, number][])("%s with a configured budget of %i ms", (job, configured) => {
    const end = killedAt(job, t0);
    const w = runWindow(configured, t0 + 50, end);
    expect(w.budgetMs).toBeLessThanOrEqual(configured);
    expect(t0 + 50 + w.budgetMs).toBeLessThanOrEqual(end - STOP_BEFORE_MS);
    // however late the lease is renewed, it ends before the kill
    for (const at of [t0, t0 + w.budgetMs, end - STOP_BEFORE_MS + 5_000]) expect(at + w.leaseMs(at)).toBeLessThanOrEqual(end - LEASE_MARGIN_MS);
  });

  it("outside a function (CLI, self-hosted cron runner) the configured budget and the old lease apply", () => {
    const w = runWindow(600_000, t0);
    expect(w.budgetMs).toBe(600_000);
    expect(w.leaseMs(t0)).toBe(660_000);
  });

  it("the delivery budget ends before deliver_mail's maxDuration", () => {
    expect(CRON_MAX_DURATION_S.deliver_mail * 1000 - STOP_BEFORE_MS).toBeGreaterThan(0);
  });
});
