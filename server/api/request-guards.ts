// Checks every route handler runs before it reads or acts on a request body.
//  - Body size (ASVS 5.0 V15.2.2, V5.2.1): `Content-Length` first, then the streamed bytes are
//    counted, so a body without a length (chunked) or with a false one is cut off too. Nothing
//    is parsed before the check, and anonymous callers get a small limit.
//  - Cross-site requests (ASVS 5.0 V3.5.1, V3.5.2): a state-changing call must come from this
//    site (`Origin` = APP_URL's origin or the request's own) or carry a header a cross-site form
//    cannot send; form encodings (what an HTML <form> can post without a CORS preflight) are
//    refused outright.
import { env } from "@/server/env";

/** Anonymous JSON bodies (sign-in, guest tickets, sign-up): a ticket body is ≤ 50,000 characters. */
export const ANONYMOUS_BODY_BYTES = 256 * 1024;
/** Signed-in JSON bodies (everything but the base64 upload, which gets its own limit). */
export const SIGNED_IN_BODY_BYTES = 1024 * 1024;
/** What an API client sends instead of `Origin` (and what no HTML form can send). */
export const CSRF_HEADER = "x-helpdesk-request";

export class BodyTooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super("BODY_TOO_LARGE");
  }
}

/** The body as bytes, refused past `maxBytes` by its declared length or by counting. */
export async function readBodyCapped(req: Request, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (!Number.isFinite(declared) || declared > maxBytes) throw new BodyTooLarge(maxBytes);
  if (!req.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = req.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new BodyTooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** The same request with its body already read (and bounded), for handlers that read it again. */
export async function withBoundedBody(req: Request, maxBytes: number): Promise<Request> {
  if (req.method === "GET" || req.method === "HEAD") return req;
  const body = await readBodyCapped(req, maxBytes);
  const headers = new Headers(req.headers);
  headers.delete("transfer-encoding");
  headers.set("content-length", String(body.length));
  return new Request(req.url, { method: req.method, headers, body: new Uint8Array(body), signal: req.signal });
}

export function payloadTooLarge(maxBytes: number): Response {
  return Response.json({ error: { reason: "BODY_TOO_LARGE", details: { maxBytes } } }, { status: 413, headers: { "cache-control": "no-store", connection: "close" } });
}

const FORM_TYPES = /^(multipart\/form-data|application\/x-www-form-urlencoded|text\/plain)\b/i;

function sameSite(origin: string, req: Request): boolean {
  if (origin === new URL(env().APP_URL).origin) return true;
  try {
    return origin === new URL(req.url).origin;
  } catch {
    return false;
  }
}

/**
 * Why a state-changing request is refused as possibly cross-site, or null when it may go on.
 * GET/HEAD are not state-changing here (tRPC refuses mutations over GET).
 */
export function crossSiteRefusal(req: Request): "FORM_POST" | "CROSS_SITE" | null {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return null;
  const type = req.headers.get("content-type") ?? "";
  if (type === "" || FORM_TYPES.test(type.trim())) return "FORM_POST";
  if (req.headers.get("sec-fetch-site") === "cross-site") return "CROSS_SITE";
  const origin = req.headers.get("origin");
  if (origin !== null) return sameSite(origin, req) ? null : "CROSS_SITE";
  // no Origin: not a browser's fetch (they always send it on POST) — an API client, which must
  // say so with a header a form cannot set (a Bearer token is such a header too)
  if (req.headers.get(CSRF_HEADER) !== null || /^Bearer\s/i.test(req.headers.get("authorization") ?? "")) return null;
  return "CROSS_SITE";
}

export function forbiddenCrossSite(reason: string): Response {
  return Response.json({ error: { reason } }, { status: reason === "FORM_POST" ? 415 : 403, headers: { "cache-control": "no-store" } });
}
