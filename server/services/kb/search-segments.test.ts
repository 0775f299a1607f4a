import { describe, it, expect } from "vitest";
import { toSegments } from "./search-kb";

describe("toSegments", () => {
  it("splits ts_headline output at the control-character markers", () => {
    expect(toSegments("a \u0001hit\u0002 b \u0001two\u0002")).toEqual([
      { text: "a ", hit: false },
      { text: "hit", hit: true },
      { text: " b ", hit: false },
      { text: "two", hit: true },
    ]);
    expect(toSegments("plain")).toEqual([{ text: "plain", hit: false }]);
  });
});
