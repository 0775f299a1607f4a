// GET/POST /cron/deliver_mail: runs the delivery worker once, behind the shared cron check
// (server/cron/verify-cron.ts: `Authorization: Bearer <CRON_SECRET>` or `?token=`, constant-time, 401).
import { cronAuthorized, cronUnauthorized } from "@/server/cron/verify-cron";
import { logger } from "@/server/logger";
import { deliverDue } from "./deliver";

export async function handleDeliverCron(req: Request): Promise<Response> {
  if (!cronAuthorized(req)) return cronUnauthorized();
  const headers = { "cache-control": "no-store" };
  try {
    const result = await deliverDue({ timeBudgetMs: 50_000 });
    return Response.json({ ok: true, ...result }, { headers });
  } catch (e) {
    logger.error("cron deliver_mail failed", { error: String(e) });
    return Response.json({ ok: false, error: "INTERNAL" }, { status: 500, headers });
  }
}
