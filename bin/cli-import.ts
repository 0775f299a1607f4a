// Import commands of the admin CLI: `import:patchesoft` moves a Patchesoft Support Centre
// install (its MySQL database and uploads folder) into this helpdesk; see docs/import.md.
import type { Args, CommandTable } from "@/server/cli-args";
import { runPatchesoftImport } from "@/server/services/import/patchesoft/run-import";
import { consoleProgress } from "@/server/services/import/patchesoft/progress";

async function importPatchesoft(a: Args) {
  const url = a.flags["mysql-url"];
  if (typeof url !== "string" || !url) throw new Error("--mysql-url mysql://user:pass@host:port/database is required");
  const filesDir = typeof a.flags["files-dir"] === "string" ? a.flags["files-dir"] : null;
  const dryRun = a.flags["dry-run"] === true;
  if (!filesDir) console.error("note: no --files-dir: ticket files will be reported as skipped");
  const r = await runPatchesoftImport({ mysqlUrl: url, filesDir, dryRun, progress: consoleProgress() });
  console.log(`${dryRun ? "Dry run (nothing written)" : "Import finished"} in ${r.seconds.toFixed(1)} s, ${r.tickets} tickets (${(r.tickets / Math.max(r.seconds, 0.001)).toFixed(0)} tickets/s):`);
  console.log(r.summary.format());
}

export const importCommands: CommandTable = {
  "import:patchesoft": { help: "--mysql-url URL [--files-dir PATH] [--dry-run]  import a Patchesoft Support Centre database (safe to rerun)", run: importPatchesoft },
};
