import { describe, expect, it } from "vitest";
import type { Scope } from "../scope";
import { mayReceive, parseLiveEvent, sseFrame } from "./ticket-event";

describe("parseLiveEvent", () => {
  it.each([
    ['{"t":5,"k":"message","v":3,"a":2,"c":7}', { t: 5, k: "message", v: 3, a: 2, c: 7 }],
    ['{"t":5,"k":"ticket","v":4,"a":null,"c":7}', { t: 5, k: "ticket", v: 4, a: null, c: 7 }],
    ['{"t":5,"k":"typing","v":null,"a":2,"c":7,"n":"Anna"}', { t: 5, k: "typing", v: null, a: 2, c: 7, n: "Anna" }],
  ])("accepts %s", (p, want) => expect(parseLiveEvent(p)).toEqual(want));

  it.each([
    ["not json", "{"],
    ["unknown kind", '{"t":5,"k":"drop","v":1,"a":1,"c":1}'],
    ["no ticket", '{"k":"ticket","v":1,"a":1,"c":1}'],
    ["negative id", '{"t":-1,"k":"ticket","v":1,"a":1,"c":1}'],
    ["no category", '{"t":5,"k":"ticket","v":1,"a":1}'],
    ["typing without name", '{"t":5,"k":"typing","v":null,"a":2,"c":7}'],
    ["typing without actor", '{"t":5,"k":"typing","v":null,"a":null,"c":7,"n":"x"}'],
    ["oversized", `{"t":5,"k":"ticket","v":1,"a":1,"c":1,"x":"${"a".repeat(2000)}"}`],
    ["null", "null"],
  ])("drops %s", (_, p) => expect(parseLiveEvent(p)).toBeNull());
});

describe("mayReceive", () => {
  const e = { t: 1, k: "ticket" as const, v: 1, a: null, c: 7 };
  it.each<[Scope, boolean]>([
    [{ all: true }, true],
    [{ all: false, categoryIds: [7, 8] }, true],
    [{ all: false, categoryIds: [8] }, false],
    [{ all: false, categoryIds: [] }, false],
  ])("scope %j → %s", (scope, want) => expect(mayReceive(scope, e)).toBe(want));
});

it("frames typing apart from changes", () => {
  expect(sseFrame({ t: 1, k: "typing", v: null, a: 2, c: 3, n: "A" })).toMatch(/^event: typing\ndata: \{.*\}\n\n$/);
  expect(sseFrame({ t: 1, k: "message", v: 2, a: 2, c: 3 })).toMatch(/^event: change\n/);
});
