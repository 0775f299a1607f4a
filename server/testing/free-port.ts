/**
 * Free TCP ports for throwaway test servers (Dovecot needs fixed ports in its config file, so
 * it cannot simply bind port 0 itself).
 */
import net from "node:net";

/**
 * Returns `count` distinct ports that were free a moment ago on `host`. All probe sockets stay
 * open until every port is picked, so the same port is never handed out twice in one call.
 * Someone else may still bind one before the caller does: callers retry on EADDRINUSE.
 */
// Ports handed out recently by this process: never hand one out twice in a row, even across
// calls (two instances started in parallel would otherwise race for the same port).
const recent: number[] = [];

export async function freePorts(count: number, host = "127.0.0.1"): Promise<number[]> {
  const servers: net.Server[] = [];
  const picked: number[] = [];
  try {
    while (picked.length < count) {
      const srv = net.createServer();
      servers.push(srv);
      await new Promise<void>((resolve, reject) => {
        srv.once("error", reject);
        srv.listen(0, host, () => resolve());
      });
      const port = (srv.address() as net.AddressInfo).port;
      if (!recent.includes(port)) picked.push(port);
    }
    recent.push(...picked);
    recent.splice(0, Math.max(0, recent.length - 256));
    return picked;
  } finally {
    await Promise.all(servers.map((s) => new Promise<void>((r) => s.close(() => r()))));
  }
}

export async function freePort(host = "127.0.0.1"): Promise<number> {
  const [port] = await freePorts(1, host);
  return port;
}

/** Resolves once `host:port` accepts a TCP connection, or rejects after `timeoutMs`. */
export async function waitForPort(port: number, host = "127.0.0.1", timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const sock = net.connect({ port, host });
      sock.once("connect", () => {
        sock.destroy();
        resolve(true);
      });
      sock.once("error", () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`port ${host}:${port} did not open within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
