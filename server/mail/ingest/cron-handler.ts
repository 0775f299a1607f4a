// The shared body of the two mail cron URLs. Both run the same single ingest pass (see
// run-ingest.ts), so each URL does its named job and no mail is skipped or handled twice.
// Refused calls get 401 before anything runs; an unconfigured mailbox answers 200
// `{ configured: false }` so a cron does not alarm.
import { cronAuthorized, cronUnauthorized } from "@/server/cron/verify-cron";
import { logger } from "@/server/logger";
import { killedAt } from "@/server/cron/limits";
import { MailboxError } from "./mailbox-source";
import { runIngest } from "./run-ingest";

export type MailJob = "ticket_create" | "ticket_replies";

const json = (body: unknown, status = 200) => Response.json(body, { status, headers: { "cache-control": "no-store" } });

export async function handleMailCron(req: Request, job: MailJob): Promise<Response> {
  const started = Date.now();
  if (!cronAuthorized(req)) return cronUnauthorized();
  try {
    const result = await runIngest({ endBy: killedAt(job, started) });
    return json({ job, ...result });
  } catch (e) {
    const code = e instanceof MailboxError ? e.code : "INTERNAL";
    logger.error("mail cron failed", { job, code, error: String((e as Error)?.message ?? e) });
    return json({ job, configured: true, error: code, message: e instanceof MailboxError ? e.message : "ingest failed" }, 502);
  }
}
