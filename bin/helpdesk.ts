// The admin CLI: `npm run helpdesk -- <command>` or `bin/helpdesk <command>`.
import { prepareDatabase } from "./runtime";
import { parseArgs, adminCreate, tokenCreate, settingsGet, settingsSet, type Args } from "./cli-commands";
import { disconnectDb } from "@/server/db/client";
import { registerMailCommands } from "./cli-mail";
import { registerBenchCommands } from "./cli-bench";
import { registerStorageCommands } from "./cli-storage";
import { registerImportCommands } from "./cli-import";
import { registerTicketCommands } from "./cli-tickets";

type Command = { help: string; run: (a: Args) => Promise<void> };

export const commands: Record<string, Command> = {
  migrate: { help: "apply pending migrations (also done by npm start)", run: async () => {} },
  "admin:create": { help: "--email E [--name N] [--password P]  create an administrator", run: adminCreate },
  "token:create": { help: "--email STAFF_EMAIL [--name N] [--scope read|read-write] [--expires-days N]  print a new API token for that active staff account", run: tokenCreate },
  "settings:get": { help: "[group|key …]  print settings (secrets masked)", run: settingsGet },
  "settings:set": { help: "key=value [key=value …]  validated like the settings pages", run: settingsSet },
};

export function registerCommand(name: string, c: Command) {
  commands[name] = c;
}
registerMailCommands(registerCommand);
registerBenchCommands(registerCommand);
registerStorageCommands(registerCommand);
registerImportCommands(registerCommand);
registerTicketCommands(registerCommand);

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
    await cmd.run(parseArgs(rest));
  } finally {
    await disconnectDb();
    await rt.stop();
  }
}

main().catch((e) => {
  console.error(`error: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
