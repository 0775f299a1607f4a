// Mail commands of the admin CLI: `mail:inspect <file.eml> [--json]` shows what ingest would do
// with a mail without touching anything. (`cron:run` is in ./cli-cron.ts.)
import fs from "node:fs/promises";
import type { Args, CommandTable } from "@/server/cli-args";
import { formatInspection, inspectMail } from "@/server/mail/ingest/inspect-mail";

export async function mailInspect(a: Args) {
  const file = a._[0] ?? (typeof a.flags.json === "string" ? a.flags.json : undefined);
  if (!file) throw new Error("usage: mail:inspect <file.eml> [--json]");
  const result = await inspectMail(await fs.readFile(file));
  console.log(a.flags.json ? JSON.stringify(result, null, 2) : formatInspection(result));
}

export const mailCommands: CommandTable = {
  "mail:inspect": { help: "<file.eml> [--json]  what ingest would do with a mail; touches nothing", run: mailInspect },
};
