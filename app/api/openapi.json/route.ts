// The OpenAPI 3.1 document of the token-authenticated API. Public on purpose: it describes
// routes that answer nothing without a token, and tools fetch it unauthenticated.
import { buildOpenApiDocument } from "@/server/api/openapi";
import { env } from "@/server/env";

export const dynamic = "force-dynamic";

export function GET() {
  return Response.json(buildOpenApiDocument(env().APP_URL), { headers: { "cache-control": "public, max-age=300" } });
}
