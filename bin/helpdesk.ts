// The admin CLI: `npm run helpdesk -- <command>` or `bin/helpdesk <command>`. Every command is
// in a CommandTable of a bin/cli-*.ts file (one way to register: this merge). Before any
// command runs, the database is prepared as `npm start` does it (bin/runtime.ts: embedded
// PostgreSQL when DATABASE_URL is unset, pending migrations applied, defaults seeded).
import { prepareDatabase } from "./runtime";
import { parseArgs, type CommandTable } from "@/server/cli-args";
import { coreCommands } from "./cli-commands";
import { disconnectDb } from "@/server/db/client";
import { mailCommands } from "./cli-mail";
import { cronCommands } from "./cli-cron";
import { benchCommands } from "./cli-bench";
import { storageCommands } from "./cli-storage";
import { importCommands } from "./cli-import";
import { ticketCommands } from "./cli-tickets";

export const commands: CommandTable = {
  ...coreCommands,
  ...cronCommands,
  ...mailCommands,
  ...benchCommands,
  ...storageCommands,
  ...importCommands,
  ...ticketCommands,
};

async function main() {
  const [name, ...rest] = process.argv.slice(2);
  const cmd = name ? commands[name] : undefined;
  if (!cmd) {
    console.log("usage: helpdesk <command>\n");
    for (const [n, c] of Object.entries(commands)) console.log(`  ${n.padEnd(16)} ${c.help}`);
    process.exit(name ? 2 : 0);
  }
  const rt = await prepareDatabase(() => {});
  try {
    await cmd.run(parseArgs(rest), rt);
  } finally {
    await disconnectDb();
    await rt.stop();
  }
}

main().catch((e) => {
  console.error(`error: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
