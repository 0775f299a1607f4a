// GET /api/health: liveness + database check (server/http/health.ts).
import { healthResponse } from "@/server/http/health";

export const dynamic = "force-dynamic";

export async function GET() {
  return healthResponse();
}
