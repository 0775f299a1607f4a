// Runs the delivery worker after the current request has answered (Next's `after()`, or the
// direct API path's own after-response scope, server/after-response.ts), so the mail a request
// enqueued leaves without waiting for the cron. Outside a request (CLI, tests) it does nothing:
// the cron route /cron/deliver_mail or an explicit deliverDue() picks it up.
// Concurrent runs are safe: the worker claims rows with FOR UPDATE SKIP LOCKED.
import { logger } from "@/server/logger";
import { deliveryKickDisabled } from "@/server/env";
import { scheduleAfterResponse } from "@/server/after-response";

async function deliverNow(): Promise<void> {
  try {
    const { deliverDue } = await import("./deliver");
    await deliverDue({ timeBudgetMs: 20_000 });
  } catch (e) {
    logger.error("outbound delivery after request failed", { error: String(e) });
  }
}

export function kickDelivery(): void {
  if (deliveryKickDisabled()) return;
  if (scheduleAfterResponse(deliverNow)) return;
  void (async () => {
    try {
      const { after } = await import("next/server");
      after(deliverNow);
    } catch {
      // not inside a request scope (or not running under Next): the cron delivers
    }
  })();
}
