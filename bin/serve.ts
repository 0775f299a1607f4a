// The production server entry: Next.js behind a plain node:http server, so the client's
// address comes from the socket (and TRUSTED_PROXY_HOPS), not from a header the client sent.
// The address goes to the app in CLIENT_IP_HEADER with a key made at this boot: whatever a
// client put under that name is overwritten, and the app believes only values with the key
// (server/auth/client-ip.ts), so the header means nothing on a server started another way.
import http from "node:http";
import path from "node:path";
import next from "next";
import { CLIENT_IP_HEADER, bootClientIpKey, clientIpHeaderValue, resolveClientAddress } from "@/server/auth/client-ip";
import { env } from "@/server/env";
import { secrets } from "@/server/secrets";

const root = path.resolve(import.meta.dirname, "..");
const { PORT: port, HOST: hostname, TRUSTED_PROXY_HOPS: hops } = env();

async function main() {
  secrets(); // a missing or weak secret stops the start here, not in the first request
  const app = next({ dev: false, dir: root, hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  // after prepare(): the server code imports next/headers, which needs Next's AsyncLocalStorage
  const { isDirectApiRead, handleDirectApiRead, isDirectApiWrite, handleDirectApiWrite } = await import("@/server/api/direct-reads");
  const key = bootClientIpKey();
  const server = http.createServer((req, res) => {
    const xff = req.headers["x-forwarded-for"];
    req.headers[CLIENT_IP_HEADER] = clientIpHeaderValue(key, resolveClientAddress(Array.isArray(xff) ? xff.join(",") : xff, req.socket.remoteAddress, hops));
    if (isDirectApiRead(req)) void handleDirectApiRead(req, res);
    else if (isDirectApiWrite(req)) void handleDirectApiWrite(req, res);
    else void handle(req, res);
  });
  server.listen(port, hostname, () => console.log(`✓ Ready on http://${hostname}:${port}`));
  const stop = () => server.close(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
