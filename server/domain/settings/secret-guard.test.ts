import { describe, it, expect } from "vitest";
import { secretReentryNeeded } from "./secret-guard";

const stored = { host: "imap.a.test", port: 993, username: "u@a.test", protocol: "imap", password: "p" };

describe("secretReentryNeeded (ASVS 5.0 V13.3: stored credentials do not follow a changed server)", () => {
  it.each([
    [{ host: "evil.test" }, "password"],
    [{ host: "IMAP.A.TEST.evil" }, "password"],
    [{ username: "other@a.test" }, "password"],
    [{ port: 995, protocol: "pop3" }, null], // same host, other protocol: the password may stay
    [{ host: "evil.test", password: "" }, "password"],
    [{ host: "evil.test", password: "typed-again" }, null],
    [{ host: "imap.a.test" }, null], // unchanged value
    [{ defaultTitle: "x", secure: false }, null], // not a guarded field
  ])("%j → %s", (patch, expected) => {
    expect(secretReentryNeeded("mail", stored, patch)).toBe(expected);
  });

  it("nothing to protect when no password is stored, and other groups are free", () => {
    expect(secretReentryNeeded("mail", { ...stored, password: "" }, { host: "x" })).toBeNull();
    expect(secretReentryNeeded("tickets", {}, { allowRating: false })).toBeNull();
    expect(secretReentryNeeded("outbound", { smtpHost: "a", smtpPassword: "p" }, { smtpHost: "b" })).toBe("smtpPassword");
  });
});
