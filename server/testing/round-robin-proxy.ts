/**
 * A small HTTP reverse proxy for tests (node:http only): each request goes to the next target in
 * turn, and every request line is recorded. Stands for a load balancer in front of several app
 * instances, and lets a test see what went over the wire (e.g. the parts of a multipart upload).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export type Proxy = { url: string; seen: { method: string; url: string; target: string }[]; close: () => Promise<void> };

export async function startRoundRobinProxy(targets: string[]): Promise<Proxy> {
  let next = 0;
  const seen: Proxy["seen"] = [];
  const server = http.createServer((req, res) => {
    const target = new URL(targets[next++ % targets.length]!);
    seen.push({ method: req.method ?? "GET", url: req.url ?? "/", target: target.origin });
    const upstream = http.request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on("error", () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    }),
  };
}
