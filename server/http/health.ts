// Liveness + database check for load balancers: 200 when PostgreSQL answers, 503 otherwise.
import { db } from "@/server/db/client";

export async function healthResponse(): Promise<Response> {
  try {
    await db().$queryRaw`SELECT 1`;
    return Response.json({ ok: true });
  } catch {
    return Response.json({ ok: false, reason: "database" }, { status: 503 });
  }
}
