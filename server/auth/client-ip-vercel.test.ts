// On Vercel no bin/serve.ts sets CLIENT_IP_HEADER, so a client could send it: the address comes
// from the edge's x-real-ip instead (Vercel replaces a client-sent one), never from the header.
import { describe, it, expect, afterEach } from "vitest";
import { CLIENT_IP_HEADER, clientIp } from "./client-ip";

describe("clientIp on Vercel", () => {
  afterEach(() => {
    delete process.env.VERCEL;
  });

  it("takes x-real-ip and ignores a client-sent CLIENT_IP_HEADER", () => {
    process.env.VERCEL = "1";
    expect(clientIp(new Headers({ "x-real-ip": "198.51.100.7", [CLIENT_IP_HEADER]: "1.2.3.4" }))).toBe("198.51.100.7");
    expect(clientIp(new Headers({ [CLIENT_IP_HEADER]: "1.2.3.4" }))).toBe("unknown");
  });

  it("elsewhere keeps the address bin/serve.ts computed", () => {
    expect(clientIp(new Headers({ "x-real-ip": "198.51.100.7", [CLIENT_IP_HEADER]: "203.0.113.9" }))).toBe("203.0.113.9");
  });
});
