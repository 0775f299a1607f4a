// Integration: testConnection()/openMailbox() error classification against a real Dovecot —
// certificate validation (implicit TLS and STARTTLS/STLS), wrong password, refused port,
// a server that never greets, TLS spoken to a plain port, missing folder.
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDovecot, type DovecotInstance } from "@/server/testing/dovecot";
import { makeSelfSignedCert } from "@/server/testing/dovecot-config";
import { freePort } from "@/server/testing/free-port";
import { openMailbox, testConnection } from "./mailbox-source";
import { MailboxError, type MailboxConfig } from "./mailbox-types";

let plain: DovecotInstance;
let tls: DovecotInstance;
let otherCa: string;
let silent: net.Server;
let silentPort: number;

beforeAll(async () => {
  // One after the other: if the second start fails, afterAll still stops the first.
  plain = await startDovecot();
  tls = await startDovecot({ tls: true });
  const mail = "From: a@example.test\r\nSubject: hi\r\nMessage-ID: <c1@example.test>\r\n\r\nhello\r\n";
  await plain.append(mail);
  await plain.append(mail);
  await tls.append(mail);
  const caDir = fs.mkdtempSync(path.join(os.tmpdir(), "helpdesk-ca-"));
  otherCa = await makeSelfSignedCert(caDir); // valid cert, but not the one Dovecot uses
  fs.rmSync(caDir, { recursive: true, force: true });
  // Accepts TCP connections and never says a word: a firewall/hung-server stand-in.
  silent = net.createServer(() => {});
  await new Promise<void>((r) => silent.listen(0, "127.0.0.1", () => r()));
  silentPort = (silent.address() as net.AddressInfo).port;
});
afterAll(async () => {
  await Promise.all([plain?.stop(), tls?.stop()]);
  silent?.close();
});

describe.each(["imap", "pop3"] as const)("%s", (protocol) => {
  const ports = (d: DovecotInstance) =>
    protocol === "imap" ? { plain: d.imapPort, tls: d.imapsPort! } : { plain: d.pop3Port, tls: d.pop3sPort! };
  const cfg = (d: DovecotInstance, over: Partial<MailboxConfig> = {}): MailboxConfig => ({
    protocol, host: d.host, port: ports(d).plain, secure: false, allowInvalidCertificate: false,
    username: d.user, password: d.password, connectTimeoutMs: 5_000, ...over,
  });

  it("ok on a plain port, with the message count", async () => {
    expect(await testConnection(cfg(plain))).toEqual({ ok: true, folder: "INBOX", messages: 2 });
  });

  it("wrong password → AUTH (and openMailbox throws MailboxError AUTH)", async () => {
    const r = await testConnection(cfg(plain, { password: "wrong" }));
    expect(r).toMatchObject({ ok: false, code: "AUTH" });
    const err = await openMailbox(cfg(plain, { password: "wrong" })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MailboxError);
    expect((err as MailboxError).code).toBe("AUTH");
  });

  describe("implicit TLS with a self-signed certificate", () => {
    const tlsCfg = (over: Partial<MailboxConfig> = {}) => cfg(tls, { port: ports(tls).tls, secure: true, ...over });

    it("refused when validation is on → CERTIFICATE", async () => {
      const r = await testConnection(tlsCfg());
      expect(r).toMatchObject({ ok: false, code: "CERTIFICATE" });
      expect(await testConnection(tlsCfg({ caPem: otherCa }))).toMatchObject({ ok: false, code: "CERTIFICATE" });
    });
    it("accepted with allowInvalidCertificate", async () => {
      expect(await testConnection(tlsCfg({ allowInvalidCertificate: true }))).toEqual({ ok: true, folder: "INBOX", messages: 1 });
    });
    it("accepted with the server's certificate as caPem", async () => {
      expect(await testConnection(tlsCfg({ caPem: tls.caPem }))).toEqual({ ok: true, folder: "INBOX", messages: 1 });
    });
    it("wrong password over TLS → AUTH", async () => {
      expect(await testConnection(tlsCfg({ caPem: tls.caPem, password: "nope" }))).toMatchObject({ ok: false, code: "AUTH" });
    });
  });

  it("STARTTLS/STLS on the plain port is validated too", async () => {
    // Dovecot with ssl=yes offers STARTTLS (IMAP) / STLS (POP3) on the plain port; both
    // clients upgrade when offered, so the certificate rules apply there as well.
    expect(await testConnection(cfg(tls))).toMatchObject({ ok: false, code: "CERTIFICATE" });
    expect(await testConnection(cfg(tls, { caPem: tls.caPem }))).toEqual({ ok: true, folder: "INBOX", messages: 1 });
  });

  it("nothing listening → CONNECT", async () => {
    const r = await testConnection(cfg(plain, { port: await freePort() }));
    expect(r).toMatchObject({ ok: false, code: "CONNECT" });
  });

  it("server accepts but never greets → TIMEOUT within connectTimeoutMs", async () => {
    const t0 = Date.now();
    const r = await testConnection(cfg(plain, { port: silentPort, connectTimeoutMs: 500 }));
    expect(r).toMatchObject({ ok: false, code: "TIMEOUT" });
    expect(Date.now() - t0).toBeLessThan(4_000);
  });

  it("TLS spoken to a plain port → PROTOCOL (not a hang)", async () => {
    const r = await testConnection(cfg(plain, { secure: true }));
    expect(r).toMatchObject({ ok: false, code: "PROTOCOL", message: expect.stringMatching(/TLS handshake failed \(wrong version number\)/) });
  });

  it("unknown host → CONNECT", async () => {
    expect(await testConnection(cfg(plain, { host: "no-such-host.invalid" }))).toMatchObject({ ok: false, code: "CONNECT" });
  });

  if (protocol === "imap") {
    it("missing folder → PROTOCOL naming the problem", async () => {
      const r = await testConnection(cfg(plain, { folder: "NoSuchFolder" }));
      expect(r).toMatchObject({ ok: false, code: "PROTOCOL" });
      expect(!r.ok && r.message).toMatch(/NoSuchFolder|exist/i);
    });
  }
});
