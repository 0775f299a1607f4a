// ASVS 5.0 V3.7.2: after sign-in the browser goes only to a path on APP_URL's origin. A table
// of tricky `next` values (the review's "/%09/evil.example" among them); each is resolved the
// way a browser would, so the table also says where a browser would have landed.
import { describe, expect, it } from "vitest";
import { sameOriginPath } from "@/server/auth/safe-next";

const APP = "https://help.example.test";

const refused: [string, unknown][] = [
  ["tab after the slash (the review's case)", "/\t/evil.example"],
  ["tab before the second slash", "/\t\t/evil.example"],
  ["LF", "/\n/evil.example"],
  ["CR", "/\r/evil.example"],
  ["CR LF", "/\r\n/evil.example"],
  ["NUL", "/\u0000/evil.example"],
  ["protocol-relative", "//evil.example"],
  ["protocol-relative with path", "//evil.example/tickets"],
  ["backslash", "/\\evil.example"],
  ["two backslashes", "\\\\evil.example"],
  ["backslash later", "/tickets\\..\\..\\\\evil.example"],
  ["encoded slash", "/%2F%2Fevil.example"],
  ["encoded slash, lower case", "/%2f/evil.example"],
  ["encoded backslash", "/%5Cevil.example"],
  ["dot segments to protocol-relative", "/..//evil.example"],
  ["javascript:", "javascript:alert(1)"],
  ["data:", "data:text/html,<script>alert(1)</script>"],
  ["absolute https elsewhere", "https://evil.example/"],
  ["absolute http to our host (other origin)", "http://help.example.test/tickets"],
  ["userinfo", "https://help.example.test@evil.example/"],
  ["userinfo on our origin", "https://user:pass@help.example.test/tickets"],
  ["no leading slash", "tickets"],
  ["empty", ""],
  ["not a string", 42],
  ["null", null],
  ["too long", "/" + "a".repeat(5000)],
];

const kept: [string, string, string][] = [
  ["a plain path", "/tickets", "/tickets"],
  ["path with query and fragment", "/tickets/new?x=1#top", "/tickets/new?x=1#top"],
  ["encoded characters in a segment", "/tickets/%D0%B0", "/tickets/%D0%B0"],
  ["dot segments that stay on the site", "/staff/../tickets", "/tickets"],
  ["a colon later in the path", "/tickets/a:b", "/tickets/a:b"],
];

describe("ASVS 5.0 V3.7.2: sign-in redirect (`next`) stays on APP_URL's origin", () => {
  it.each(refused)("refuses %s", (_name, value) => {
    expect(sameOriginPath(value, APP)).toBeNull();
  });

  it.each(kept)("keeps %s", (_name, value, expected) => {
    expect(sameOriginPath(value, APP)).toBe(expected);
    // and a browser resolving the answer stays on the site
    expect(new URL(sameOriginPath(value, APP)!, APP).origin).toBe(APP);
  });

  it("the review's value would have left the site before the fix: the browser strips the tab", () => {
    expect(new URL("/\t/evil.example", APP).host).toBe("evil.example");
    expect(sameOriginPath("/\t/evil.example", APP)).toBeNull();
  });
});
