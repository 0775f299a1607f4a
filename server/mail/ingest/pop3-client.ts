/**
 * Minimal POP3 client (RFC 1939 + CAPA/STLS from RFC 2449/2595) over node:net / node:tls.
 *
 * Written here because no POP3 package is installed and the protocol is small. Covers what the
 * ingest job needs: USER/PASS, STAT, LIST, UIDL, RETR (dot-unstuffed, byte-exact), DELE, NOOP,
 * QUIT. One command at a time; every wait is bounded by a timeout.
 */
import net from "node:net";
import tls from "node:tls";

export class Pop3Error extends Error {
  constructor(
    message: string,
    /** where it failed: "auth" errors mean wrong credentials (or login refused) */
    readonly stage: "connect" | "greeting" | "auth" | "command" | "protocol",
    readonly code?: string,
  ) {
    super(message);
    this.name = "Pop3Error";
  }
}

export type Pop3Options = {
  host: string;
  port: number;
  /** implicit TLS (pop3s, usually 995) */
  secure: boolean;
  /** plain connections: upgrade with STLS when offered ("auto"), always, or never */
  starttls?: "auto" | "require" | "never";
  tls?: Pick<tls.ConnectionOptions, "rejectUnauthorized" | "ca">;
  /** connect + greeting budget, and the longest silence tolerated while waiting for a reply */
  timeoutMs?: number;
  /** a single response larger than this aborts the connection (runaway server guard) */
  maxResponseBytes?: number;
};

type Reply = { status: string; body: Buffer | null };
type Waiter = {
  multiline: boolean;
  inBody: boolean;
  status: string;
  parts: Buffer[];
  bytes: number;
  resolve: (r: Reply) => void;
  reject: (e: Error) => void;
};

const CRLF = Buffer.from("\r\n");

export class Pop3Client {
  capabilities: string[] = [];
  private socket!: net.Socket;
  private partial: Buffer[] = [];
  private waiter: Waiter | null = null;
  private failure: Error | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly timeoutMs: number;
  private readonly maxResponseBytes: number;

  private constructor(private readonly opts: Pop3Options) {
    this.timeoutMs = opts.timeoutMs ?? 15_000;
    this.maxResponseBytes = opts.maxResponseBytes ?? 512 * 1024 * 1024;
  }

  /** Connects, reads the greeting, reads CAPA and upgrades with STLS when appropriate. */
  static async connect(opts: Pop3Options): Promise<Pop3Client> {
    const c = new Pop3Client(opts);
    try {
      await c.open();
      return c;
    } catch (err) {
      c.destroy();
      throw err;
    }
  }

  private tlsOptions(): tls.ConnectionOptions {
    const o = this.opts;
    return {
      // SNI must not be an IP address (RFC 6066); Node still checks the IP against the cert.
      ...(net.isIP(o.host) ? {} : { servername: o.host }),
      rejectUnauthorized: o.tls?.rejectUnauthorized ?? true,
      ...(o.tls?.ca ? { ca: o.tls.ca } : {}),
    };
  }

  private async open() {
    const o = this.opts;
    const greeting = this.expect(false, "greeting");
    this.socket = o.secure
      ? tls.connect({ host: o.host, port: o.port, ...this.tlsOptions() })
      : net.connect({ host: o.host, port: o.port });
    this.attach(this.socket);
    await greeting;
    const capa = await this.command("CAPA", true).catch(() => null); // old servers: -ERR
    this.capabilities = capa?.body ? lines(capa.body) : [];
    const hasStls = this.capabilities.some((c) => c.toUpperCase() === "STLS");
    const mode = o.starttls ?? "auto";
    if (!o.secure && mode !== "never" && (hasStls || mode === "require")) {
      await this.command("STLS", false);
      await this.upgrade();
      const again = await this.command("CAPA", true).catch(() => null); // caps may change after TLS
      this.capabilities = again?.body ? lines(again.body) : this.capabilities;
    }
  }

  private async upgrade() {
    const raw = this.socket;
    this.detach(raw);
    const secure = tls.connect({ socket: raw, ...this.tlsOptions() });
    this.socket = secure;
    this.attach(secure);
    await new Promise<void>((resolve, reject) => {
      const onErr = (e: Error) => reject(e);
      secure.once("secureConnect", () => {
        secure.off("error", onErr);
        resolve();
      });
      secure.once("error", onErr);
    });
  }

  async login(user: string, pass: string): Promise<void> {
    for (const [cmd, shown] of [[`USER ${user}`, `USER ${user}`], [`PASS ${pass}`, "PASS ***"]]) {
      await this.command(cmd, false, shown).catch((e: Error) => {
        throw e instanceof Pop3Error && e.stage === "command" ? new Pop3Error(e.message, "auth") : e;
      });
    }
  }

  async stat(): Promise<{ count: number; size: number }> {
    const [count, size] = (await this.command("STAT", false)).status.split(/\s+/).slice(1).map(Number);
    if (!Number.isFinite(count)) throw new Pop3Error("malformed STAT reply", "protocol");
    return { count, size };
  }

  /** message number → size in octets */
  async list(): Promise<Array<{ n: number; size: number }>> {
    return pairs((await this.command("LIST", true)).body!).map(([n, s]) => ({ n, size: Number(s) }));
  }

  /** message number → unique id (stable across sessions) */
  async uidl(): Promise<Array<{ n: number; uidl: string }>> {
    return pairs((await this.command("UIDL", true)).body!).map(([n, uidl]) => ({ n, uidl }));
  }

  /** The message exactly as stored (CRLF lines, dot-unstuffed). */
  async retr(n: number): Promise<Buffer> {
    return (await this.command(`RETR ${n}`, true)).body!;
  }

  async dele(n: number): Promise<void> {
    await this.command(`DELE ${n}`, false);
  }

  async noop(): Promise<void> {
    await this.command("NOOP", false);
  }

  /** Ends the session (this is when the server applies DELEs) and closes the socket. */
  async quit(): Promise<void> {
    try {
      if (!this.failure) await this.command("QUIT", false);
    } finally {
      this.destroy();
    }
  }

  destroy(): void {
    this.failure ??= new Pop3Error("connection closed by client", "connect", "EConnectionClosed");
    this.socket?.destroy();
  }

  private command(line: string, multiline: boolean, shown = line): Promise<Reply> {
    const run = async () => {
      if (this.failure) throw this.failure;
      const reply = this.expect(multiline, "command", shown);
      this.socket.write(line + "\r\n");
      return reply;
    };
    const p = this.queue.then(run, run);
    this.queue = p.catch(() => {});
    return p;
  }

  private expect(multiline: boolean, stage: Pop3Error["stage"], what = "greeting"): Promise<Reply> {
    return new Promise<Reply>((resolve, reject) => {
      this.waiter = {
        multiline,
        inBody: false,
        status: "",
        parts: [],
        bytes: 0,
        resolve: (r) => {
          this.waiter = null;
          resolve(r);
        },
        reject: (e) => {
          this.waiter = null;
          reject(e instanceof Pop3Error && e.stage === "command" ? new Pop3Error(`${what}: ${e.message}`, stage) : e);
        },
      };
    });
  }

  private readonly onData = (chunk: Buffer) => {
    let start = 0;
    for (let nl = chunk.indexOf(10); nl !== -1; nl = chunk.indexOf(10, start)) {
      const piece = chunk.subarray(start, nl + 1);
      const line = this.partial.length ? Buffer.concat([...this.partial, piece]) : piece;
      this.partial = [];
      start = nl + 1;
      this.onLine(line);
    }
    if (start < chunk.length) this.partial.push(chunk.subarray(start));
  };

  private onLine(line: Buffer) {
    const w = this.waiter;
    if (!w) return this.fail(new Pop3Error(`unexpected data from server: ${trim(line)}`, "protocol"));
    if (!w.inBody) {
      const text = trim(line);
      if (text.startsWith("+OK")) {
        if (!w.multiline) return w.resolve({ status: text, body: null });
        w.status = text;
        w.inBody = true;
      } else if (text.startsWith("-ERR")) {
        w.reject(new Pop3Error(text, "command"));
      } else {
        this.fail(new Pop3Error(`malformed reply: ${text.slice(0, 200)}`, "protocol"));
      }
      return;
    }
    // Terminator is a line holding a single ".", other lines starting with "." were stuffed.
    if (line[0] === 0x2e) {
      const rest = line.subarray(1);
      if (rest.equals(CRLF) || (rest.length === 1 && rest[0] === 10)) {
        return w.resolve({ status: w.status, body: Buffer.concat(w.parts, w.bytes) });
      }
      line = rest;
    }
    w.parts.push(line);
    w.bytes += line.length;
    if (w.bytes > this.maxResponseBytes) this.fail(new Pop3Error("response too large", "protocol"));
  }

  private fail(err: Error) {
    this.failure ??= err;
    this.waiter?.reject(err);
    this.socket?.destroy();
  }

  private readonly onError = (err: Error) => this.fail(err);
  private readonly onClose = () => this.fail(new Pop3Error("connection closed by server", "connect", "EConnectionClosed"));
  private readonly onTimeout = () =>
    this.fail(new Pop3Error(`no reply within ${this.timeoutMs} ms`, "connect", "ETIMEDOUT"));

  private attach(sock: net.Socket) {
    sock.on("data", this.onData);
    sock.on("error", this.onError);
    sock.on("close", this.onClose);
    // Idle timeout also covers connect and TLS handshake (no bytes flow until they finish).
    sock.setTimeout(this.timeoutMs, this.onTimeout);
  }

  private detach(sock: net.Socket) {
    sock.off("data", this.onData);
    sock.off("error", this.onError);
    sock.off("close", this.onClose);
    sock.setTimeout(0);
    sock.removeAllListeners("timeout");
  }
}

function trim(line: Buffer): string {
  return line.toString("utf8").replace(/\r?\n$/, "");
}

function lines(body: Buffer): string[] {
  return body.toString("latin1").split(/\r?\n/).filter(Boolean);
}

function pairs(body: Buffer): Array<[number, string]> {
  return lines(body).map((l) => {
    const [n, v] = l.trim().split(/\s+/);
    if (!/^\d+$/.test(n) || v === undefined) throw new Pop3Error(`malformed listing line: ${l}`, "protocol");
    return [Number(n), v];
  });
}
