import { describe, expect, it } from "vitest";
import { normaliseAddress, sameAddress, splitAddress, stripPlusTag } from "./addresses";

describe("normaliseAddress", () => {
  it.each([
    ["anna@example.com", "anna@example.com"],
    ["  Anna@Example.COM  ", "anna@example.com"],
    ["Anna Smith <Anna@Example.com>", "anna@example.com"],
    ['"Smith, Anna" <anna@example.com>', "anna@example.com"],
    ['"a <b@c.d>" <anna@example.com>', "anna@example.com"],
    ["anna@example.com (Anna Smith)", "anna@example.com"],
    ["mailto:anna@example.com", "anna@example.com"],
    ["Anna anna@example.com", "anna@example.com"],
    ["<>", ""],
    ["", ""],
    [null, ""],
    [undefined, ""],
  ])("%s → %s", (input, expected) => {
    expect(normaliseAddress(input)).toBe(expected);
  });
});

describe("sameAddress", () => {
  it.each([
    ["anna@example.com", "Anna <ANNA@example.com>", true],
    ["anna@example.com", "anna@example.org", false],
    ["anna@example.com", "anna+x@example.com", false],
    ["", "", false],
    [null, "anna@example.com", false],
  ])("%s ~ %s → %s", (a, b, expected) => {
    expect(sameAddress(a, b)).toBe(expected);
  });
});

describe("stripPlusTag / splitAddress", () => {
  it("removes a sub-address", () => {
    expect(stripPlusTag("Support+T12-ab@Example.com")).toBe("support@example.com");
    expect(stripPlusTag("support@example.com")).toBe("support@example.com");
  });

  it("splits at the last @", () => {
    expect(splitAddress("Support <Support@Example.com>")).toEqual({ local: "support", domain: "example.com" });
    expect(splitAddress("no-at-sign")).toBeNull();
    expect(splitAddress("@example.com")).toBeNull();
  });
});
