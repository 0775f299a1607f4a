// Next 16 proxy (formerly middleware): a fresh CSP nonce per request (ASVS 5.0 V3.4.3). The
// nonce travels to the renderer in the request headers (`x-nonce` and the CSP itself, from
// which Next takes the nonce for its scripts) and to the browser in the response CSP.
// Not an authorization guard: pages and procedures check access themselves.
import { NextResponse, type NextRequest } from "next/server";
import { buildCsp, newNonce } from "@/server/security/headers";
import { env } from "@/server/env";

export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const { NODE_ENV, APP_URL } = env();
  const csp = buildCsp({
    nonce,
    dev: NODE_ENV === "development",
    https: APP_URL.startsWith("https://"),
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  // next.config.ts decides HSTS at build time; here it follows the running APP_URL too
  if (NODE_ENV === "production" && APP_URL.startsWith("https://")) {
    response.headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  }
  return response;
}

export const config = {
  matcher: [
    {
      // everything except machine endpoints (cron, tRPC, Auth.js) and static assets
      source: "/((?!cron(?:/|$)|api/trpc(?:/|$)|api/auth(?:/|$)|_next/static|_next/image|favicon\\.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
