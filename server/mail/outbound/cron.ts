// GET/POST /cron/deliver_mail: runs the delivery worker once, behind the shared cron check
// (server/cron/verify-cron.ts: `Authorization: Bearer <CRON_SECRET>` or `?token=`, constant-time, 401).
import { cronAuthorized, cronUnauthorized } from "@/server/cron/verify-cron";
import { logger } from "@/server/logger";
import { CRON_MAX_DURATION_S, STOP_BEFORE_MS } from "@/server/cron/limits";
import { deliverDue } from "./deliver";

export async function handleDeliverCron(req: Request): Promise<Response> {
  if (!cronAuthorized(req)) return cronUnauthorized();
  const headers = { "cache-control": "no-store" };
  try {
    // stops taking mails STOP_BEFORE_MS before the route's maxDuration ends the function
    const result = await deliverDue({ timeBudgetMs: CRON_MAX_DURATION_S.deliver_mail * 1000 - STOP_BEFORE_MS });
    return Response.json({ ok: true, ...result }, { headers });
  } catch (e) {
    logger.error("cron deliver_mail failed", { error: String(e) });
    return Response.json({ ok: false, error: "INTERNAL" }, { status: 500, headers });
  }
}
