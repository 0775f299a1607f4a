// API reads with a Bearer token (GET /api/trpc/<query>, batched or not) answered by tRPC's
// node:http adapter straight from bin/serve.ts, without Next's route pipeline: for an
// integration polling the queue that pipeline costs more CPU than the query itself (bench/).
// Only reads take this door: they need no request scope (mutations kick the mail worker with
// Next's after(), and sessions read cookies through next/headers), so everything else —
// browsers, mutations, pages — goes through Next as before. Authorization is the same
// procedure code either way.
import type http from "node:http";
import { nodeHTTPRequestHandler } from "@trpc/server/adapters/node-http";
import { appRouter } from "./root";
import { createContext } from "./trpc";
import { baseSecurityHeaders } from "@/server/security/headers";

const PREFIX = "/api/trpc/";

export function isDirectApiRead(req: http.IncomingMessage): boolean {
  return req.method === "GET" && !!req.url?.startsWith(PREFIX) && /^Bearer\s/i.test(req.headers.authorization ?? "");
}

function headersOf(req: http.IncomingMessage): Headers {
  const h = new Headers();
  for (const [k, v] of Object.entries(req.headers)) {
    if (v === undefined) continue;
    if (Array.isArray(v)) for (const x of v) h.append(k, x);
    else h.set(k, v);
  }
  return h;
}

// the same baseline headers next.config.ts sends on every response (ASVS 5.0 V3.4)
const securityHeaders = baseSecurityHeaders({ production: process.env.NODE_ENV === "production", appUrl: process.env.APP_URL ?? "" });

export async function handleDirectApiRead(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  for (const h of securityHeaders) res.setHeader(h.key, h.value);
  let path: string;
  try {
    path = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname.slice(PREFIX.length));
  } catch {
    // a malformed %-escape: answered, never thrown into the server's request listener
    res.statusCode = 400;
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ error: { message: "Malformed request path", code: "BAD_REQUEST" } }));
    return;
  }
  await nodeHTTPRequestHandler({
    req,
    res,
    path,
    router: appRouter,
    // queries only: a mutation sent as GET is refused by tRPC itself (METHOD_NOT_SUPPORTED)
    allowMethodOverride: false,
    createContext: () => createContext({ headers: headersOf(req) }),
  });
}
