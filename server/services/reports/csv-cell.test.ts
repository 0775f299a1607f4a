// ASVS 5.0 V1.2.10: CSV cells that a spreadsheet would evaluate are neutralized.
import { describe, expect, it } from "vitest";
import { csvCell } from "./csv-cell";

describe("ASVS 5.0 V1.2.10: CSV and formula injection", () => {
  it.each([
    ["=HYPERLINK(\"http://evil.example\",\"x\")", `"'=HYPERLINK(""http://evil.example"",""x"")"`],
    ["+1+cmd|' /C calc'!A0", `"'+1+cmd|' /C calc'!A0"`],
    ["-2+3", `"'-2+3"`],
    ["@SUM(A1:A2)", `"'@SUM(A1:A2)"`],
    ["\t=1+1", `"'\t=1+1"`],
    ["\r=1+1", `"'\r=1+1"`],
    ["\u0000=1", `"'\u0000=1"`],
  ])("prefixes a quote to %j", (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it.each([
    ["Anna", "Anna"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["line\nbreak", '"line\nbreak"'],
    ["a = b", "a = b"],
    ["", ""],
  ])("quotes %j per RFC 4180 only", (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it("keeps the app's own numbers as numbers (negative ones too) and empty for null", () => {
    expect(csvCell(-3)).toBe("-3");
    expect(csvCell(4.5)).toBe("4.5");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
  });
});
