import { describe, it, expect } from "vitest";
import { resolveClientAddress } from "./client-ip";

describe("resolveClientAddress (ASVS 5.0 V6.3.1: per-IP limits cannot be dodged with a forged header)", () => {
  it.each([
    // [X-Forwarded-For as received, socket address, trusted proxy hops, client]
    [undefined, "203.0.113.9", 0, "203.0.113.9"],
    ["1.2.3.4", "203.0.113.9", 0, "203.0.113.9"], // forged header ignored without proxies
    ["1.2.3.4, 5.6.7.8", "203.0.113.9", 0, "203.0.113.9"],
    ["198.51.100.7", "10.0.0.2", 1, "198.51.100.7"], // one proxy: its XFF entry is the client
    ["1.2.3.4, 198.51.100.7", "10.0.0.2", 1, "198.51.100.7"], // client-prepended junk ignored
    ["1.2.3.4, 198.51.100.7, 10.0.0.3", "10.0.0.2", 2, "198.51.100.7"],
    [undefined, "10.0.0.2", 3, "10.0.0.2"], // misconfigured hops: never beyond the chain
  ])("xff=%j socket=%s hops=%i → %s", (xff, socket, hops, expected) => {
    expect(resolveClientAddress(xff, socket, hops)).toBe(expected);
  });
});
