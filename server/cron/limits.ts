// How long each cron job may run. A serverless platform (Vercel) kills a function at its route's
// `maxDuration`; the job's own time budget must end before that, and a lease it holds (the mail
// ingest's mailbox lease) must never reach past it — else a killed run would block the next
// ones until the lease expired. Next.js reads `maxDuration` only as a literal in each route file,
// so the routes repeat these numbers and app/cron/cron-limits.test.ts checks they agree.

/** seconds each cron route declares as `maxDuration` (Vercel: Hobby and Pro allow 300 with Fluid compute) */
export const CRON_MAX_DURATION_S = {
  ticket_create: 300,
  ticket_replies: 300,
  deliver_mail: 60,
  auto_close: 300,
  cleanup: 300,
} as const;

export type CronJob = keyof typeof CRON_MAX_DURATION_S;

/** The job stops taking new work this long before the function would be killed. */
export const STOP_BEFORE_MS = 20_000;
/** The lease ends this long before the kill: covers the cold start before the handler ran. */
export const LEASE_MARGIN_MS = 10_000;

/** the moment (ms since epoch) a cron function that started at `startedAt` is killed */
export function killedAt(job: CronJob, startedAt: number): number {
  return startedAt + CRON_MAX_DURATION_S[job] * 1000;
}

/**
 * A run's time budget and the length of its lease when renewed at `now`: within the configured
 * budget, and — when the caller is killed at `endBy` — stopping STOP_BEFORE_MS before it, with
 * a lease that ends LEASE_MARGIN_MS before it however late it is renewed.
 */
export function runWindow(configuredBudgetMs: number, startedAt: number, endBy?: number) {
  if (endBy === undefined) return { budgetMs: configuredBudgetMs, leaseMs: (_now: number) => configuredBudgetMs + 60_000 };
  const budgetMs = Math.max(0, Math.min(configuredBudgetMs, endBy - STOP_BEFORE_MS - startedAt));
  return { budgetMs, leaseMs: (now: number) => Math.max(1000, endBy - LEASE_MARGIN_MS - now) };
}
