import { describe, expect, it } from "vitest";
import type { Actor } from "../actor";
import { canEditView, canSeeView, canShareViews, viewFilter, viewParams } from "./saved-view";

const user = (role: "AGENT" | "ADMIN" | "MANAGER" | "CUSTOMER", userId = 1): Actor => ({ kind: "user", userId, role, email: "x@example.test", name: "X", locale: "en", via: "session" });
const own = { ownerId: 1, teamIds: [] };
const shared = { ownerId: 9, teamIds: [3] };

describe("saved view rules", () => {
  it.each([
    ["owner agent sees own", user("AGENT"), own, [], true],
    ["agent in the team sees shared", user("AGENT"), shared, [3], true],
    ["agent outside the team does not", user("AGENT"), shared, [4], false],
    ["admin outside the team does not list it", user("ADMIN"), shared, [], false],
    ["customer never", user("CUSTOMER"), own, [], false],
  ] as const)("see: %s", (_, a, v, teams, want) => expect(canSeeView(a, v, [...teams])).toBe(want));

  it.each([
    ["owner", user("AGENT"), own, true],
    ["team member of a shared view", user("AGENT", 2), shared, false],
    ["admin on a shared view", user("ADMIN", 2), shared, true],
    ["admin on someone's private view", user("ADMIN", 2), own, false],
    ["manager on a shared view", user("MANAGER", 2), shared, false],
  ] as const)("edit: %s", (_, a, v, want) => expect(canEditView(a, v)).toBe(want));

  it.each([["AGENT", false], ["MANAGER", true], ["ADMIN", true], ["CUSTOMER", false]] as const)("share: %s → %s", (role, want) => expect(canShareViews(user(role))).toBe(want));
});

describe("viewParams / viewFilter", () => {
  it("keeps the queue's parameters and drops unknown ones", () => {
    expect(viewParams.parse({ status: 3, assignee: "me", sort: "priority", cursor: "x", evil: 1 })).toEqual({ status: 3, assignee: "me", sort: "priority" });
  });
  it("defaults to open tickets of anyone", () => expect(viewFilter(viewParams.parse({}))).toMatchObject({ open: true, assignee: "any" }));
  it("makes `to` inclusive and pairs the field filter", () => {
    const f = viewFilter(viewParams.parse({ status: "all", to: "2026-01-31", field: 4, fv: "x" }));
    expect(f.to?.toISOString()).toBe("2026-02-01T00:00:00.000Z");
    expect(f).toMatchObject({ fieldId: 4, fieldValue: "x" });
    expect("open" in f).toBe(false);
  });
  it("refuses a bad status", () => expect(() => viewParams.parse({ status: "closed" })).toThrow());
});
