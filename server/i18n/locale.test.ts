import { describe, it, expect } from "vitest";
import { fromAcceptLanguage } from "./locale";

describe("fromAcceptLanguage", () => {
  it.each([
    [null, "ru"],
    ["", "ru"],
    ["en-US,en;q=0.9", "en"],
    ["ru-RU,ru;q=0.9,en;q=0.8", "ru"],
    ["de-DE,en;q=0.5,ru;q=0.4", "en"],
    ["de-DE,fr;q=0.5", "ru"],
    ["en;q=0.1,ru;q=0.9", "ru"],
  ])("%s → %s", (header, expected) => {
    expect(fromAcceptLanguage(header)).toBe(expected);
  });
});
