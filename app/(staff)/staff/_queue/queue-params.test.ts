import { describe, it, expect } from "vitest";
import { parseQueueParams, queueHref } from "./queue-params";
import { toListInput } from "./list-input";

describe("queue URL params", () => {
  it("defaults to all open, anyone", () => {
    expect(parseQueueParams({})).toEqual({ status: "open", assignee: "any", q: undefined, category: undefined, requester: undefined, from: undefined, to: undefined, cursor: undefined });
    expect(queueHref(parseQueueParams({}))).toBe("/staff");
  });
  it("round-trips a full view and drops bad values", () => {
    const p = parseQueueParams({ q: "принтер", status: "3", category: "2", assignee: "me", requester: "a@b.c", from: "2026-01-01", to: "2026-01-31", cursor: "abc" });
    expect(parseQueueParams(Object.fromEntries(new URL(queueHref(p, { cursor: "abc" }), "http://x").searchParams))).toEqual(p);
    expect(parseQueueParams({ status: "-1", category: "x", assignee: "nobody", from: "yesterday" })).toMatchObject({ status: "open", category: undefined, assignee: "any", from: undefined });
  });
  it("makes the date range inclusive", () => {
    const i = toListInput(parseQueueParams({ from: "2026-01-01", to: "2026-01-31", status: "all" }), 50);
    expect(i.from?.toISOString()).toBe("2026-01-01T00:00:00.000Z");
    expect(i.to?.toISOString()).toBe("2026-02-01T00:00:00.000Z");
    expect(i).not.toHaveProperty("open");
  });
});
