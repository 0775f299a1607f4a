// Mail commands of the admin CLI: `cron:run ticket_create|ticket_replies` runs the ingest pass
// the cron URLs run; `mail:inspect <file.eml> [--json]` shows what ingest would do with a mail
// without touching anything.
import fs from "node:fs/promises";
import type { Args } from "./cli-commands";
import { runIngest } from "@/server/mail/ingest/run-ingest";
import { formatInspection, inspectMail } from "@/server/mail/ingest/inspect-mail";

type Register = (name: string, c: { help: string; run: (a: Args) => Promise<void> }) => void;

export async function cronRun(a: Args) {
  const job = a._[0];
  if (job !== "ticket_create" && job !== "ticket_replies") throw new Error("usage: cron:run ticket_create|ticket_replies");
  const result = await runIngest();
  console.log(JSON.stringify({ job, ...result }));
}

export async function mailInspect(a: Args) {
  const file = a._[0] ?? (typeof a.flags.json === "string" ? a.flags.json : undefined);
  if (!file) throw new Error("usage: mail:inspect <file.eml> [--json]");
  const result = await inspectMail(await fs.readFile(file));
  console.log(a.flags.json ? JSON.stringify(result, null, 2) : formatInspection(result));
}

export function registerMailCommands(register: Register) {
  register("cron:run", { help: "ticket_create|ticket_replies  run a mail cron job once (both run the same ingest pass)", run: cronRun });
  register("mail:inspect", { help: "<file.eml> [--json]  what ingest would do with a mail; touches nothing", run: mailInspect });
}
