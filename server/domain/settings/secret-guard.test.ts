import { describe, it, expect } from "vitest";
import { secretReentryNeeded } from "./secret-guard";

const stored = { host: "imap.a.test", port: 993, secure: true, allowInvalidCertificate: false, caPem: "", username: "u@a.test", protocol: "imap", password: "p" };

describe("secretReentryNeeded (ASVS 5.0 V13.3.1, V1.3.6: stored credentials do not follow any changed connection field)", () => {
  it.each([
    [{ host: "evil.test" }, "password"],
    [{ host: "IMAP.A.TEST.evil" }, "password"],
    [{ username: "other@a.test" }, "password"],
    [{ port: 995, protocol: "pop3" }, "password"], // another service on the same host
    [{ port: 143 }, "password"],
    [{ protocol: "pop3" }, "password"],
    [{ secure: false }, "password"], // the password in cleartext to the same host
    [{ allowInvalidCertificate: true }, "password"], // or to whoever answers for it
    [{ caPem: "-----BEGIN CERTIFICATE-----" }, "password"],
    [{ secure: true, allowInvalidCertificate: false, port: 993 }, null], // unchanged values
    [{ host: "evil.test", password: "" }, "password"],
    [{ host: "evil.test", password: "typed-again" }, null],
    [{ host: "imap.a.test" }, null], // unchanged value
    [{ defaultTitle: "x", folder: "Archive" }, null], // not a connection field
  ])("%j → %s", (patch, expected) => {
    expect(secretReentryNeeded("mail", stored, patch)).toBe(expected);
  });

  it("nothing to protect when no password is stored, and other groups are free", () => {
    expect(secretReentryNeeded("mail", { ...stored, password: "" }, { host: "x" })).toBeNull();
    expect(secretReentryNeeded("tickets", {}, { allowRating: false })).toBeNull();
    expect(secretReentryNeeded("outbound", { smtpHost: "a", smtpPassword: "p" }, { smtpHost: "b" })).toBe("smtpPassword");
    for (const patch of [{ smtpPort: 25 }, { smtpSecure: false }]) {
      expect(secretReentryNeeded("outbound", { smtpHost: "a", smtpPort: 465, smtpSecure: true, smtpPassword: "p" }, patch)).toBe("smtpPassword");
    }
  });
});
