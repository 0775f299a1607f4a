/**
 * In-memory SMTP server for tests: accepts every message on a free loopback port and keeps the
 * envelope, the raw source and the mailparser result, so a test can assert on exactly what an
 * SMTP transport (nodemailer) put on the wire.
 */
import type { AddressInfo } from "node:net";
import { SMTPServer, type SMTPServerSession } from "smtp-server";
import { simpleParser, type ParsedMail } from "mailparser";

export type SinkMessage = {
  envelope: { mailFrom: string | null; rcptTo: string[] };
  /** authenticated user name, when the client logged in */
  user: string | null;
  raw: Buffer;
  parsed: ParsedMail;
  receivedAt: Date;
};

export type SmtpSink = {
  host: "127.0.0.1";
  port: number;
  messages: SinkMessage[];
  /** Resolves with the first message (already received or arriving later) matching `predicate`. */
  waitFor(predicate?: (m: SinkMessage) => boolean, timeoutMs?: number): Promise<SinkMessage>;
  /** Reject the next `n` messages at end of DATA with this SMTP code (4xx = retry later). */
  failNext(n: number, responseCode?: number, message?: string): void;
  clear(): void;
  stop(): Promise<void>;
};

export async function startSmtpSink(
  opts: {
    /** implicit TLS with smtp-server's bundled self-signed cert (clients: rejectUnauthorized false) */
    secure?: boolean;
    /** offer STARTTLS on a plain port (off by default so clients don't trip on the test cert) */
    starttls?: boolean;
    auth?: { user: string; pass: string };
  } = {},
): Promise<SmtpSink> {
  const messages: SinkMessage[] = [];
  const waiters = new Set<(m: SinkMessage) => void>();
  let failures: Array<{ code: number; message: string }> = [];

  const server = new SMTPServer({
    secure: !!opts.secure,
    authOptional: !opts.auth,
    allowInsecureAuth: true, // tests log in over plain loopback connections
    disabledCommands: [...(opts.auth ? [] : ["AUTH"]), ...(opts.secure || opts.starttls ? [] : ["STARTTLS"])],
    authMethods: ["PLAIN", "LOGIN"],
    logger: false,
    // Drop idle connections fast, so stop() does not wait on pooled transports.
    socketTimeout: 10_000,
    closeTimeout: 1_000,
    onAuth(auth, _session, cb) {
      if (opts.auth && auth.username === opts.auth.user && auth.password === opts.auth.pass) {
        return cb(null, { user: auth.username });
      }
      return cb(Object.assign(new Error("Invalid username or password"), { responseCode: 535 }));
    },
    onData(stream, session: SMTPServerSession, cb) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("error", cb);
      stream.on("end", () => {
        const fail = failures.shift();
        if (fail) return cb(Object.assign(new Error(fail.message), { responseCode: fail.code }));
        const raw = Buffer.concat(chunks);
        simpleParser(raw, { skipTextToHtml: true, skipTextLinks: true })
          .then((parsed) => {
            const msg: SinkMessage = {
              envelope: {
                mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
                rcptTo: session.envelope.rcptTo.map((r) => r.address),
              },
              user: typeof session.user === "string" ? session.user : null,
              raw,
              parsed,
              receivedAt: new Date(),
            };
            messages.push(msg);
            for (const w of [...waiters]) w(msg);
            cb();
          })
          .catch(cb);
      });
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  server.on("error", () => {}); // client-side socket errors must not crash the test process
  const port = (server.server.address() as AddressInfo).port;

  const waitFor = (predicate: (m: SinkMessage) => boolean = () => true, timeoutMs = 5_000) => {
    const hit = messages.find(predicate);
    if (hit) return Promise.resolve(hit);
    return new Promise<SinkMessage>((resolve, reject) => {
      const onMsg = (m: SinkMessage) => {
        if (!predicate(m)) return;
        waiters.delete(onMsg);
        clearTimeout(timer);
        resolve(m);
      };
      const timer = setTimeout(() => {
        waiters.delete(onMsg);
        reject(new Error(`smtp-sink: no matching message within ${timeoutMs} ms (${messages.length} received)`));
      }, timeoutMs);
      waiters.add(onMsg);
    });
  };

  return {
    host: "127.0.0.1",
    port,
    messages,
    waitFor,
    failNext(n, responseCode = 451, message = "Temporary failure, try again later") {
      failures = Array.from({ length: n }, () => ({ code: responseCode, message }));
    },
    clear() {
      messages.length = 0; // keep the array identity: tests may hold a reference
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
