// Auth.js endpoints. Their POST bodies are small forms (sign-out, credentials callback):
// bounded before Auth.js parses them (ASVS 5.0 V15.2.2); Auth.js checks its own CSRF token.
import { NextRequest } from "next/server";
import { handlers } from "@/server/auth/config";
import { BodyTooLarge, payloadTooLarge, readBodyCapped } from "@/server/api/request-guards";

const AUTH_BODY_BYTES = 16 * 1024;

export const { GET } = handlers;

export async function POST(req: NextRequest): Promise<Response> {
  let body: Buffer;
  try {
    body = await readBodyCapped(req, AUTH_BODY_BYTES);
  } catch (e) {
    if (e instanceof BodyTooLarge) return payloadTooLarge(e.maxBytes);
    throw e;
  }
  const headers = new Headers(req.headers);
  headers.delete("transfer-encoding");
  headers.set("content-length", String(body.length));
  return handlers.POST(new NextRequest(req.url, { method: "POST", headers, body: new Uint8Array(body) }));
}
