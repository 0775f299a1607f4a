// Table test of category scoping: every role × team membership × category link.
import { describe, it, expect } from "vitest";
import type { Actor, Role } from "./actor";
import { inScope, staffScope, type ScopeFacts } from "./scope";

const user = (role: Role): Actor => ({ kind: "user", userId: 1, role, email: "x@x.test", name: "X", locale: "en", via: "session" });
// categories 1..4; team 10 ↔ 1, team 11 ↔ 2 and 3; category 4 linked to no team
const facts = (myTeamIds: number[]): ScopeFacts => ({ categoryIds: [1, 2, 3, 4], links: [{ teamId: 10, categoryId: 1 }, { teamId: 11, categoryId: 2 }, { teamId: 11, categoryId: 3 }], myTeamIds });

describe("staffScope", () => {
  it.each<[string, Actor, number[], number[] | "all"]>([
    ["admin sees all", user("ADMIN"), [], "all"],
    ["manager sees all", user("MANAGER"), [], "all"],
    ["agent in no team: only unlinked categories", user("AGENT"), [], [4]],
    ["agent in team 10", user("AGENT"), [10], [1, 4]],
    ["agent in team 11", user("AGENT"), [11], [2, 3, 4]],
    ["agent in both teams sees all (unrestricted plan)", user("AGENT"), [10, 11], "all"],
    ["customer sees nothing through staff scoping", user("CUSTOMER"), [10], []],
    ["anonymous", { kind: "anonymous" }, [], []],
    ["system is not staff", { kind: "system" }, [], []],
  ])("%s", (_n, actor, teams, want) => {
    const s = staffScope(actor, facts(teams));
    expect(s.all ? "all" : s.categoryIds).toEqual(want);
    for (const c of [1, 2, 3, 4]) expect(inScope(s, c)).toBe(want === "all" || want.includes(c));
  });

  it("no teams at all: every agent sees every category (installs before issue 16)", () => {
    expect(staffScope(user("AGENT"), { categoryIds: [1, 2], links: [], myTeamIds: [] })).toEqual({ all: true });
  });
});
