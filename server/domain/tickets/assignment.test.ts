import { describe, it, expect } from "vitest";
import { pickAssignee, type AssignmentFacts } from "./assignment";

const c = (id: number, open = 0, away = false) => ({ id, open, away });
const f = (over: Partial<AssignmentFacts>): AssignmentFacts => ({ rule: "NONE", candidates: [c(1), c(2), c(3)], defaultAssigneeId: null, lastAssigneeId: null, ...over });

describe("pickAssignee", () => {
  it.each<[string, Partial<AssignmentFacts>, number | null]>([
    ["none: nobody", {}, null],
    ["none: the default assignee", { defaultAssigneeId: 2 }, 2],
    ["round-robin: first", { rule: "ROUND_ROBIN" }, 1],
    ["round-robin: after the last", { rule: "ROUND_ROBIN", lastAssigneeId: 1 }, 2],
    ["round-robin: wraps", { rule: "ROUND_ROBIN", lastAssigneeId: 3 }, 1],
    ["round-robin: skips the away", { rule: "ROUND_ROBIN", lastAssigneeId: 1, candidates: [c(1), c(2, 0, true), c(3)] }, 3],
    ["round-robin: the last left the team", { rule: "ROUND_ROBIN", lastAssigneeId: 2, candidates: [c(1), c(3)] }, 3],
    ["fewest open", { rule: "FEWEST_OPEN", candidates: [c(1, 5), c(2, 1), c(3, 3)] }, 2],
    ["fewest open: skips the away", { rule: "FEWEST_OPEN", candidates: [c(1, 5), c(2, 1, true), c(3, 3)] }, 3],
    ["fewest open: ties take turns", { rule: "FEWEST_OPEN", lastAssigneeId: 1, candidates: [c(1, 2), c(2, 4), c(3, 2)] }, 3],
    ["everyone away: nobody", { rule: "ROUND_ROBIN", defaultAssigneeId: 2, candidates: [c(1, 0, true), c(2, 0, true)] }, null],
    ["no candidates: nobody", { rule: "FEWEST_OPEN", candidates: [], defaultAssigneeId: 9 }, null],
  ])("%s", (_n, over, want) => {
    expect(pickAssignee(f(over))).toBe(want);
  });
});
