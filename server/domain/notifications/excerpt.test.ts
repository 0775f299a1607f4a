import { describe, it, expect } from "vitest";
import { excerpt, EXCERPT_CHARS } from "./excerpt";

describe("excerpt", () => {
  it.each([
    ["short text stays", "Hello\r\nworld", "Hello\nworld"],
    ["blank lines collapse", "a\n\n\n\nb", "a\n\nb"],
  ])("%s", (_n, input, want) => expect(excerpt(input)).toBe(want));

  it("cuts a long text at a word boundary near the limit, with an ellipsis", () => {
    const long = "word ".repeat(1000);
    const e = excerpt(long);
    expect(e.length).toBeLessThanOrEqual(EXCERPT_CHARS + 2);
    expect(e.length).toBeGreaterThan(EXCERPT_CHARS * 0.8);
    expect(e.endsWith("word …")).toBe(true);
  });

  it("a text with no spaces is cut at the limit; emoji are never split", () => {
    expect(excerpt("x".repeat(3000))).toBe(`${"x".repeat(EXCERPT_CHARS)} …`);
    const e = excerpt("😀".repeat(2000), 10);
    expect(e).toBe(`${"😀".repeat(10)} …`);
  });
});
