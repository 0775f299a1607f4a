import { describe, expect, it } from "vitest";
import superjson from "superjson";
import { serialize } from "./transformer";

const d = new Date("2026-11-25T12:00:00.000Z");
const shared = { x: 1 };

// [name, value, whether the fast path must produce superjson's exact output]
const cases: Array<[string, unknown, boolean]> = [
  ["plain object", { a: 1, b: "x", c: true, d: null }, true],
  ["queue page", { items: [{ id: 1, createdAt: d, assignee: null, status: { name: { ru: "Открыта", en: "Open" } } }], nextCursor: null }, true],
  ["nested arrays with dates", [[new Date(d)], { at: [new Date(d), new Date(d)] }], true],
  ["undefined field", { a: undefined, b: 2 }, true],
  ["empty object and array", { o: {}, a: [] }, true],
  ["unicode and escapes", { s: "«кавычки» \n \"q\" \u2028", n: -1.5e-7 }, true],
  ["null prototype", Object.assign(Object.create(null), { a: d }), true],
  ["root array", [1, "2", new Date(d)], true],
  ["root date", d, true],
  ["root string", "just text", true],
  ["root undefined", undefined, true],
  // fallbacks: superjson decides
  ["Map", { m: new Map([["k", 1]]) }, true],
  ["Set", { s: new Set([1, 2]) }, true],
  ["bigint", { b: 10n }, true],
  ["NaN and Infinity", { n: NaN, i: Infinity }, true],
  ["negative zero", { z: -0 }, true],
  ["invalid date", { d: new Date("nope") }, true],
  ["dotted key", { "a.b": d }, true],
  ["backslash key", { "a\\b": d }, true],
  ["class instance", { e: new URL("https://example.test/") }, true],
  ["shared reference", { p: shared, q: shared }, false],
];

describe("serialize (superjson wire format, fast path)", () => {
  it.each(cases)("%s: the client gets back what superjson would give it", (_name, value, exact) => {
    const fast = serialize(value);
    const reference = superjson.serialize(value);
    expect(superjson.deserialize(JSON.parse(JSON.stringify(fast)))).toEqual(superjson.deserialize(JSON.parse(JSON.stringify(reference))));
    if (exact) expect(fast).toEqual(reference);
  });

  it("writes Dates as ISO strings with a Date marker per path", () => {
    expect(serialize({ items: [{ at: d }] })).toEqual({ json: { items: [{ at: d.toISOString() }] }, meta: { values: { "items.0.at": ["Date"] }, v: 1 } });
  });

  it("sends shared sub-objects as equal copies", () => {
    const out = superjson.deserialize<{ p: object; q: object }>(serialize({ p: shared, q: shared }));
    expect(out.p).toEqual(shared);
    expect(out.q).toEqual(shared);
  });
});
