// Admin "test connection" (mail.testConnection) is not a probe of the internal network
// (ASVS 5.0 V1.3.6, V13.2.4), answers with a code and nothing the server said (V16.5.1-style
// generic errors), and the stored password never goes out over a changed connection field
// (V13.3.1). A plain TCP listener on 127.0.0.1 stands in for an internal service: it counts
// connections and greets with a banner that must not come back.
import net from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { callerFor } from "@/server/testing/caller";
import { makeActor } from "@/server/testing/factories";
import { updateSettings } from "@/server/platform/settings/settings-store";
import { resetEnvCache } from "@/server/env";

const BANNER = "* OK internal-service-7f3a ready";
let server: net.Server;
let port = 0;
let connections = 0;

beforeAll(async () => {
  server = net.createServer((s) => {
    connections += 1;
    s.on("error", () => {});
    s.write(`${BANNER}\r\n`);
    s.on("data", () => s.end(`${BANNER} BYE garbage\r\n`));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as net.AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const allowList = (v: string) => {
  process.env.MAIL_TEST_ALLOW_HOSTS = v;
  resetEnvCache();
};
afterEach(() => allowList("127.0.0.1"));

async function admin() {
  return callerFor((await makeActor("ADMIN")).actor);
}

describe("ASVS 5.0 V1.3.6: test connection refuses internal addresses unless allow-listed", () => {
  it.each(["127.0.0.1", "localhost", "::1", "169.254.169.254", "10.0.0.1", "192.168.1.1", "0.0.0.0", "::ffff:127.0.0.1"])("%s → ADDRESS_NOT_ALLOWED, nothing dialled", async (host) => {
    allowList("");
    const api = await admin();
    const before = connections;
    const r = await api.mail.testConnection({ protocol: "imap", host, port, secure: false, username: "probe", password: "probe" });
    expect(r).toEqual({ ok: false, code: "ADDRESS_NOT_ALLOWED", message: "" });
    expect(connections).toBe(before);
  });

  it("an allow-listed internal server is dialled, and its words never come back", async () => {
    allowList("127.0.0.1");
    const api = await admin();
    const before = connections;
    const r = await api.mail.testConnection({ protocol: "imap", host: "127.0.0.1", port, secure: false, username: "probe", password: "probe" });
    expect(connections).toBeGreaterThan(before);
    expect(r.ok).toBe(false);
    expect(JSON.stringify(r)).not.toContain("internal-service-7f3a");
    expect(r).toMatchObject({ message: "" });
  });
});

describe("ASVS 5.0 V13.3.1: the stored password follows no changed connection field", () => {
  it.each([
    ["port", { port: port + 1 }],
    ["protocol", { protocol: "pop3" as const }],
    ["TLS off", { secure: false }],
    ["certificate checks off", { allowInvalidCertificate: true }],
    ["another CA", { caPem: "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----" }],
    ["host", { host: "127.0.0.2" }],
    ["user", { username: "other@example.test" }],
  ])("%s changed without the password → PASSWORD_REQUIRED, nothing dialled", async (_name, change) => {
    await updateSettings("mail", { protocol: "imap", host: "127.0.0.1", port: 993, secure: true, allowInvalidCertificate: false, caPem: "", username: "support@example.test", password: "stored-secret" });
    const api = await admin();
    const before = connections;
    const err = await api.mail.testConnection(change).catch((e: { cause?: { reason?: string } }) => e);
    expect((err as { cause?: { reason?: string } }).cause?.reason).toBe("PASSWORD_REQUIRED");
    expect(connections).toBe(before);
  });
});
