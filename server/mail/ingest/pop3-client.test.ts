// Unit: the POP3 client's framing against a scripted loopback server that sends its replies
// one byte at a time — terminators and CRLFs split across reads, dot-unstuffing, 8-bit bytes,
// -ERR replies, a silent server (timeout) and a server that hangs up.
import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { Pop3Client, Pop3Error } from "./pop3-client";

type Script = Record<string, Buffer | string>;
const servers: net.Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

/** Greets, then answers each command line from `script` (by its first word), byte by byte. */
async function fakeServer(script: Script, greeting = "+OK ready\r\n"): Promise<number> {
  const server = net.createServer((sock) => {
    sock.on("error", () => {});
    const send = async (data: Buffer | string) => {
      for (const b of Buffer.from(data)) {
        if (sock.destroyed) return;
        sock.write(Buffer.from([b]));
        await new Promise((r) => setImmediate(r));
      }
    };
    let buf = "";
    let chain = send(greeting);
    sock.on("data", (d) => {
      buf += d.toString("latin1");
      for (let i = buf.indexOf("\r\n"); i !== -1; i = buf.indexOf("\r\n")) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 2);
        const verb = line.split(" ")[0].toUpperCase();
        const key = script[line] !== undefined ? line : verb;
        if (key === "HANGUP" || script[key] === "HANGUP") {
          sock.destroy();
          return;
        }
        const reply = script[key] ?? "-ERR unknown command\r\n";
        chain = chain.then(() => send(reply)).then(() => (verb === "QUIT" ? void sock.end() : undefined));
      }
    });
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  return (server.address() as net.AddressInfo).port;
}

const base = { host: "127.0.0.1", secure: false, timeoutMs: 2_000 };
const message = Buffer.concat([
  Buffer.from("Subject: dots\r\n\r\n.leading dot\r\n..two\r\n.\r\n"),
  Buffer.from([0xff, 0xfe, 0x80, 0x0d, 0x0a]), // 8-bit bytes must come through untouched
  Buffer.from("last\r\n"),
]);
const stuffed = Buffer.concat([
  Buffer.from("Subject: dots\r\n\r\n..leading dot\r\n...two\r\n..\r\n"),
  Buffer.from([0xff, 0xfe, 0x80, 0x0d, 0x0a]),
  Buffer.from("last\r\n"),
]);

describe("Pop3Client", () => {
  it("logs in, lists, and retrieves byte-exact with dot-unstuffing across split reads", async () => {
    const port = await fakeServer({
      CAPA: "+OK\r\nUSER\r\nUIDL\r\n.\r\n",
      USER: "+OK\r\n",
      PASS: "+OK logged in\r\n",
      STAT: "+OK 2 320\r\n",
      LIST: "+OK 2 messages\r\n1 120\r\n2 200\r\n.\r\n",
      UIDL: "+OK\r\n1 abc\r\n2 def.ghi\r\n.\r\n",
      "RETR 2": Buffer.concat([Buffer.from("+OK 200 octets\r\n"), stuffed, Buffer.from(".\r\n")]),
      "RETR 1": "+OK\r\n.\r\n",
      QUIT: "+OK bye\r\n",
    });
    const c = await Pop3Client.connect({ ...base, port });
    expect(c.capabilities).toEqual(["USER", "UIDL"]);
    await c.login("u", "p");
    expect(await c.stat()).toEqual({ count: 2, size: 320 });
    expect(await c.list()).toEqual([{ n: 1, size: 120 }, { n: 2, size: 200 }]);
    expect(await c.uidl()).toEqual([{ n: 1, uidl: "abc" }, { n: 2, uidl: "def.ghi" }]);
    const [two, one] = await Promise.all([c.retr(2), c.retr(1)]); // queued, not interleaved
    expect(two.equals(message)).toBe(true);
    expect(one.length).toBe(0);
    await c.quit();
  });

  it("a rejected PASS is an auth error and does not leak the password", async () => {
    const port = await fakeServer({ CAPA: "-ERR\r\n", USER: "+OK\r\n", PASS: "-ERR [AUTH] Authentication failed.\r\n" });
    const c = await Pop3Client.connect({ ...base, port });
    const err = await c.login("u", "hunter2").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Pop3Error);
    expect((err as Pop3Error).stage).toBe("auth");
    expect((err as Error).message).not.toContain("hunter2");
    c.destroy();
  });

  it("a -ERR greeting fails connect", async () => {
    const port = await fakeServer({}, "-ERR go away\r\n");
    await expect(Pop3Client.connect({ ...base, port })).rejects.toMatchObject({ stage: "greeting" });
  });

  it("times out on a silent server and fails pending commands when the server hangs up", async () => {
    const silent = net.createServer(() => {});
    servers.push(silent);
    await new Promise<void>((r) => silent.listen(0, "127.0.0.1", () => r()));
    const t0 = Date.now();
    await expect(
      Pop3Client.connect({ ...base, port: (silent.address() as net.AddressInfo).port, timeoutMs: 200 }),
    ).rejects.toMatchObject({ code: "ETIMEDOUT" });
    expect(Date.now() - t0).toBeLessThan(2_000);

    const port = await fakeServer({ CAPA: "-ERR\r\n", USER: "+OK\r\n", PASS: "+OK\r\n", UIDL: "HANGUP" });
    const c = await Pop3Client.connect({ ...base, port });
    await c.login("u", "p");
    await expect(c.uidl()).rejects.toMatchObject({ code: "EConnectionClosed" });
    await expect(c.stat()).rejects.toBeInstanceOf(Pop3Error); // stays failed, no hang
  });
});
