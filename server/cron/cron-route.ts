// The one handler behind every cron URL (app/cron/<job>/route.ts): verify the secret → run the
// named job (./jobs.ts) within the route's time limit → the one JSON shape of withCronAuth.
import { withCronAuth } from "./verify-cron";
import { killedAt, type CronJob } from "./limits";
import { CRON_JOBS } from "./jobs";

/** The GET/POST handler of /cron/<job>. */
export function cronRoute(job: CronJob): (req: Request) => Promise<Response> {
  return (req) => {
    const started = Date.now();
    return withCronAuth(req, () => CRON_JOBS[job]({ endBy: killedAt(job, started) }), job);
  };
}
