// `cron:run <job>`: runs one cron job once, the same code the cron URL /cron/<job> runs
// (server/cron/jobs.ts), without a time limit of the serverless kind. Prints the job's summary.
import type { Args, CommandTable } from "@/server/cli-args";
import { CRON_JOBS, isCronJob } from "@/server/cron/jobs";

const JOB_NAMES = Object.keys(CRON_JOBS).join("|");

export async function cronRun(a: Args) {
  const job = a._[0];
  if (!isCronJob(job)) throw new Error(`usage: cron:run ${JOB_NAMES}`);
  const result = await CRON_JOBS[job]({});
  console.log(JSON.stringify({ job, ...result }));
}

export const cronCommands: CommandTable = {
  "cron:run": { help: `${JOB_NAMES}  run a cron job once (ticket_create and ticket_replies run the same ingest pass)`, run: cronRun },
};
