// Every cron job by name: what the cron URLs (app/cron/<job>/route.ts through ./cron-route.ts)
// and `helpdesk cron:run <job>` run. `endBy` is when a serverless platform kills the function
// (./limits.ts); absent (the CLI), each job uses its own configured budget.
import { runIngest } from "@/server/mail/ingest/run-ingest";
import { deliverDue } from "@/server/mail/outbound/deliver";
import { runAutoClose } from "@/server/services/tickets/auto-close";
import { runCleanup } from "@/server/services/uploads/cleanup";
import { STOP_BEFORE_MS, type CronJob } from "./limits";

export type JobRun = (opts: { endBy?: number }) => Promise<object>;

export const CRON_JOBS: Record<CronJob, JobRun> = {
  // both mail URLs run the same single ingest pass, so nothing is skipped or handled twice
  ticket_create: ({ endBy }) => runIngest({ endBy }),
  ticket_replies: ({ endBy }) => runIngest({ endBy }),
  // stops taking mails STOP_BEFORE_MS before the function would be killed
  deliver_mail: ({ endBy }) => deliverDue(endBy === undefined ? {} : { timeBudgetMs: Math.max(0, endBy - STOP_BEFORE_MS - Date.now()) }),
  auto_close: () => runAutoClose(),
  cleanup: () => runCleanup(),
};

export function isCronJob(name: string | undefined): name is CronJob {
  return !!name && Object.hasOwn(CRON_JOBS, name);
}
