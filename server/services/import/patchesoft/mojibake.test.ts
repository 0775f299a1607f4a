import { describe, expect, it } from "vitest";
import { doubleEncode, repairText } from "./mojibake";

describe("repairText", () => {
  const cases: Array<[string, string]> = [
    ["Тест", "Тест"],
    ["Принтер не печатает, ёлки", "Принтер не печатает, ёлки"],
    ["Заявка №5 — «срочно»", "Заявка №5 — «срочно»"],
    ["РСЯ ЪЬ ЭЮ щ", "РСЯ ЪЬ ЭЮ щ"],
  ];
  it.each(cases)("repairs double-encoded %s", (plain, expected) => {
    expect(repairText(doubleEncode(plain))).toBe(expected);
  });
  it.each(["Тест уже в порядке", "Café crème", "plain ascii", "", "Ð alone", "mixed Ð¢ and Т"])("leaves %s alone", (s) => {
    expect(repairText(s)).toBe(s);
  });
});
