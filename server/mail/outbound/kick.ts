// Runs the delivery worker after the current request has answered (Next's `after()`), so the
// mail a request enqueued leaves without waiting for the cron. Outside a request (CLI, tests)
// it does nothing: the cron route /cron/deliver_mail or an explicit deliverDue() picks it up.
// Concurrent runs are safe: the worker claims rows with FOR UPDATE SKIP LOCKED.
import { logger } from "@/server/logger";

export function kickDelivery(): void {
  if (process.env.HELPDESK_NO_KICK === "1") return;
  void (async () => {
    let after: ((task: () => Promise<void>) => void) | undefined;
    try {
      ({ after } = await import("next/server"));
      after(async () => {
        try {
          const { deliverDue } = await import("./deliver");
          await deliverDue({ timeBudgetMs: 20_000 });
        } catch (e) {
          logger.error("outbound delivery after request failed", { error: String(e) });
        }
      });
    } catch {
      // not inside a request scope (or not running under Next): the cron delivers
    }
  })();
}
