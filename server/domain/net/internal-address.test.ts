// ASVS 5.0 V1.3.6 / V13.2.4: a table of addresses "test connection" must not reach unless listed.
import { describe, expect, it } from "vitest";
import { connectionAllowed, isInternalAddress, parseAllowList } from "./internal-address";

describe("ASVS 5.0 V1.3.6: internal addresses are recognised", () => {
  it.each([
    "127.0.0.1", "127.1.2.3", "10.0.0.5", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1", "255.255.255.255",
    "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:7f00:1", "::ffff:169.254.169.254", "64:ff9b::10.0.0.1", "not-an-ip",
  ])("%s is internal", (ip) => expect(isInternalAddress(ip)).toBe(true));

  it.each(["93.184.216.34", "8.8.8.8", "172.32.0.1", "2606:4700::1111", "::ffff:8.8.8.8"])("%s is public", (ip) => expect(isInternalAddress(ip)).toBe(false));
});

describe("ASVS 5.0 V13.2.4: the allow-list names internal servers meant to be reached", () => {
  const allow = parseAllowList("127.0.0.1, 10.1.0.0/16, mail.lan, ::1");
  it.each([
    ["imap.example.com", ["93.184.216.34"], true],
    ["localhost", ["127.0.0.1"], true],
    ["localhost", ["127.0.0.2"], false],
    ["db", ["10.1.2.3"], true],
    ["db", ["10.2.0.1"], false],
    ["mail.lan", ["192.168.0.9"], true],
    ["MAIL.LAN.", ["192.168.0.9"], true],
    ["rebind.example", ["93.184.216.34", "169.254.169.254"], false],
    ["v6", ["::1"], true],
    ["mapped", ["::ffff:127.0.0.1"], true],
    ["nothing", [], false],
  ] as const)("%s → %j: %s", (host, addrs, expected) => {
    expect(connectionAllowed(host, [...addrs], allow)).toBe(expected);
  });

  it("an empty allow-list lets only public addresses through", () => {
    expect(connectionAllowed("x", ["127.0.0.1"], parseAllowList(""))).toBe(false);
    expect(connectionAllowed("x", ["8.8.8.8"], parseAllowList(""))).toBe(true);
  });
});
