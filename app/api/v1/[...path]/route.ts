// REST routes of the public API (see /api/openapi.json): thin — server/api/openapi-rest.ts maps
// each to its tRPC procedure.
import { handleRestRequest } from "@/server/api/openapi-rest";

export const dynamic = "force-dynamic";

export { handleRestRequest as GET, handleRestRequest as POST };
