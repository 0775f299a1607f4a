import { describe, it, expect } from "vitest";
import { reportRange, presetRange } from "./report-range";

const now = new Date("2026-03-15T12:00:00Z");

describe("report range", () => {
  it("defaults to the last 30 days, inclusive", () => {
    const r = reportRange({}, now);
    expect(r).toMatchObject({ from: "2026-02-14", to: "2026-03-15" });
    expect(r.toDate.toISOString()).toBe("2026-03-16T00:00:00.000Z");
  });
  it("swaps reversed dates, caps at a year, ignores junk", () => {
    expect(reportRange({ from: "2026-03-10", to: "2026-03-01" }, now)).toMatchObject({ from: "2026-03-01", to: "2026-03-10" });
    expect(reportRange({ from: "2020-01-01", to: "2026-03-01" }, now).from).toBe("2025-03-01");
    expect(reportRange({ from: "soon", to: "x" }, now)).toMatchObject({ from: "2026-02-14", to: "2026-03-15" });
  });
  it("presets", () => expect(presetRange(7, now)).toEqual({ from: "2026-03-09", to: "2026-03-15" }));
});
