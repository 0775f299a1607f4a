// The type check of a spooled attachment sees only its first bytes: a text file must not be
// refused because that head ends in the middle of a multi-byte character.
import { describe, expect, it } from "vitest";
import { wholeUtf8 } from "./store-attachments";

describe("wholeUtf8", () => {
  it("drops a character cut off at the end, keeps complete ones", () => {
    const text = Buffer.from("заказ №1 €𝄞", "utf8");
    for (let cut = 1; cut <= text.length; cut++) {
      const head = wholeUtf8(text.subarray(0, cut));
      expect(() => new TextDecoder("utf-8", { fatal: true }).decode(head)).not.toThrow();
      expect(text.subarray(0, cut).length - head.length).toBeLessThan(4);
    }
    expect(wholeUtf8(text).equals(text)).toBe(true);
    expect(wholeUtf8(Buffer.from("plain ascii")).toString()).toBe("plain ascii");
  });
});
