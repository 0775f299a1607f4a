// Argument parsing and the command shape of the admin CLI (bin/helpdesk.ts), shared with the
// bench scripts (bench/run.ts, bench/kb-search.ts). Here rather than in bin/ so that bench/ need
// not import bin/ (bin/ imports bench/ for `seed:bench`; the other way would be a cycle).

export type Args = { _: string[]; flags: Record<string, string | boolean> };

/** One CLI command: its help line and what it runs. */
export type Command = { help: string; run: (a: Args, rt: { applied: string[] }) => Promise<void> };

/** The commands a bin/cli-*.ts file contributes, by name; bin/helpdesk.ts merges them. */
export type CommandTable = Record<string, Command>;

export function parseArgs(argv: string[]): Args {
  const out: Args = { _: [], flags: {} };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith("--")) {
      const [k, v] = a.slice(2).split("=", 2);
      if (v !== undefined) out.flags[k!] = v;
      else if (argv[i + 1] && !argv[i + 1]!.startsWith("--")) out.flags[k!] = argv[++i]!;
      else out.flags[k!] = true;
    } else out._.push(a);
  }
  return out;
}
