import { describe, it, expect } from "vitest";
import { secretStrength, generateSecret, safeEqual } from "./secrets";

describe("secretStrength (ASVS 5.0 V13.3.1: secrets are strong)", () => {
  it.each([
    ["changeme", false],
    ["a".repeat(64), false],
    ["0123456789abcdef".repeat(2), false], // 32 hex chars = 16 bytes
    ["0123456789abcdef".repeat(4), true], // 64 hex chars = 32 bytes
    [generateSecret(), true],
    ["correct horse battery staple!!", false], // 30 bytes
    ["correct horse battery staple, but longer & random-ish 42", true],
    ["abababababababababababababababababababababab", false],
  ])("%s → %s", (value, ok) => {
    expect(secretStrength(value).ok).toBe(ok);
  });

  it("generated secrets are 32 random bytes and differ", () => {
    const a = generateSecret();
    expect(Buffer.from(a, "base64url")).toHaveLength(32);
    expect(a).not.toBe(generateSecret());
  });

  it("safeEqual compares whole strings", () => {
    expect(safeEqual("abc", "abc")).toBe(true);
    expect(safeEqual("abc", "abd")).toBe(false);
    expect(safeEqual("abc", "abcd")).toBe(false);
    expect(safeEqual("", "")).toBe(true);
  });
});
