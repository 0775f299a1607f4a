// API calls answered straight from bin/serve.ts, without Next's route pipeline: for an
// integration polling the queue, creating tickets and replying, or a visitor's knowledge-base
// search, that pipeline costs more CPU than the SQL itself (bench/).
//  - reads (GET /api/trpc/<query>, batched or not) with a Bearer token, or with no cookie at
//    all (an anonymous visitor: sessions and guest links are cookies, so without one the
//    actor is anonymous — decided here, as auth() reads cookies through Next, which is not
//    in this path): tRPC's node:http adapter;
//  - mutations (POST with a Bearer token and no cookie): the very handler Next's route runs
//    (trpc-fetch-handler.ts: cross-site refusal, bounded body, fetch adapter), inside an
//    after-response scope so the mail kick still runs once the answer is out.
// Sessions read cookies through next/headers, so anything with a cookie — signed-in browsers,
// guests, pages — goes through Next as before. Authorization is the same procedure code either way.
import type http from "node:http";
import { Readable } from "node:stream";
import { nodeHTTPRequestHandler } from "@trpc/server/adapters/node-http";
import { appRouter } from "./root";
import { createContext } from "./trpc";
import { anonymous } from "@/server/domain/actor";
import { baseSecurityHeaders } from "@/server/security/headers";
import { env } from "@/server/env";
import { trpcFetchHandler } from "./trpc-fetch-handler";
import { withAfterResponse } from "@/server/after-response";
import { logger } from "@/server/logger";

const PREFIX = "/api/trpc/";

export function isDirectApiRead(req: http.IncomingMessage): boolean {
  return req.method === "GET" && !!req.url?.startsWith(PREFIX) && (/^Bearer\s/i.test(req.headers.authorization ?? "") || req.headers.cookie === undefined);
}

/** No token and no cookie: no session, no guest link — nothing to look up. */
const isAnonymousRead = (req: http.IncomingMessage) => req.headers.authorization === undefined && req.headers.cookie === undefined;

/** A Bearer-token POST to tRPC without a cookie (a cookie means a browser session: Next answers it). */
export function isDirectApiWrite(req: http.IncomingMessage): boolean {
  return req.method === "POST" && !!req.url?.startsWith(PREFIX) && /^Bearer\s/i.test(req.headers.authorization ?? "") && req.headers.cookie === undefined;
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
let securityHeaders: ReturnType<typeof baseSecurityHeaders> | undefined;
const headersOnce = () => (securityHeaders ??= baseSecurityHeaders({ production: env().NODE_ENV === "production", appUrl: env().APP_URL }));

export async function handleDirectApiRead(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  for (const h of headersOnce()) res.setHeader(h.key, h.value);
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
    createContext: () => createContext({ headers: headersOf(req), actor: isAnonymousRead(req) ? anonymous : undefined }),
  });
}

/** A mutation through trpc-fetch-handler.ts, its answer written back to the node response. */
export async function handleDirectApiWrite(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  try {
    const request = new Request(`http://${req.headers.host ?? "localhost"}${req.url}`, {
      method: "POST",
      headers: headersOf(req),
      body: Readable.toWeb(req) as ReadableStream<Uint8Array>,
      duplex: "half",
    } as RequestInit);
    const answer = await withAfterResponse((run) => res.once("finish", run), async () => {
      const r = await trpcFetchHandler(request);
      return { r, body: Buffer.from(await r.arrayBuffer()) };
    });
    for (const h of headersOnce()) res.setHeader(h.key, h.value);
    answer.r.headers.forEach((v, k) => {
      if (k !== "set-cookie") res.setHeader(k, v);
    });
    const cookies = answer.r.headers.getSetCookie();
    if (cookies.length) res.setHeader("set-cookie", cookies);
    res.setHeader("content-length", answer.body.length);
    res.statusCode = answer.r.status;
    res.end(answer.body);
  } catch (e) {
    // never thrown into the server's request listener; the procedures log their own errors
    logger.error("direct API write failed", { error: String(e) });
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  }
}
