// CPU time spent per request during a measure, by who spent it: the server under test (its
// process and children — tsx starts the floor in a child), PostgreSQL's backends, PostgreSQL's
// background processes, and the bench itself (autocannon generates the load from this process;
// the sampling below is counted there too). From /proc, in ms; null where /proc is missing. On a
// small machine this says where throughput stops: at 2 cores, 250 req/s leave 8 ms of CPU per
// request for everything together.
import fs from "node:fs";

/** `postgres`: the backends serving connections; `background`: autovacuum, checkpointer, WAL and background writers (work the writes cause, possibly of the measure before) */
export type CpuSplit = { server: number; postgres: number; background: number; load: number };

const TICK_MS = 10; // USER_HZ is 100 on Linux

type Proc = { pid: number; ppid: number; comm: string; ms: number; backend: boolean };

/** A client backend's title is "postgres: <user> <database> <host>(<port>) <state>"; background ones are "postgres: checkpointer" and the like. */
function isClientBackend(pid: string): boolean {
  try {
    const title = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
    return /^postgres: \S+ \S+ \S+\(\d+\)/.test(title) || /^postgres: \S+ \S+ \[local\]/.test(title);
  } catch {
    return false;
  }
}

function processes(): Proc[] {
  const out: Proc[] = [];
  for (const d of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const s = fs.readFileSync(`/proc/${d}/stat`, "utf8");
      const close = s.lastIndexOf(")");
      const comm = s.slice(s.indexOf("(") + 1, close);
      const f = s.slice(close + 2).split(" ");
      // after "(comm) ": state ppid … utime is field 14 of stat, index 11 here; stime 12
      out.push({ pid: Number(d), ppid: Number(f[1]), comm, ms: (Number(f[11]) + Number(f[12])) * TICK_MS, backend: comm === "postgres" && isClientBackend(d) });
    } catch {
      // gone between readdir and read
    }
  }
  return out;
}

/** Who a process counts for: the server's tree, a PostgreSQL backend, PostgreSQL's background, or no one. */
function kindOf(p: Proc, serverTree: Set<number>): keyof CpuSplit | null {
  if (serverTree.has(p.pid)) return "server";
  if (p.comm !== "postgres") return null;
  return p.backend ? "postgres" : "background";
}

function tree(all: Proc[], root: number): Set<number> {
  const kids = new Map<number, number[]>();
  for (const p of all) {
    const list = kids.get(p.ppid);
    if (list) list.push(p.pid);
    else kids.set(p.ppid, [p.pid]);
  }
  const out = new Set<number>();
  const stack = all.some((p) => p.pid === root) ? [root] : [];
  while (stack.length) {
    const pid = stack.pop()!;
    if (out.has(pid)) continue;
    out.add(pid);
    stack.push(...(kids.get(pid) ?? []));
  }
  return out;
}

/**
 * Starts counting; the returned function ends it and divides by the requests answered. The
 * processes are read every 250 ms, each one's CPU counted from when it was first seen to when it
 * was last seen, so a worker that starts and exits during the run (autovacuum) counts too, and
 * one that exits does not take its earlier CPU out of the sum (a run's first 250 ms of a process
 * that exits in between are missed).
 */
export function cpuMeter(serverPid: number | undefined): (requests: number) => CpuSplit | null {
  if (!serverPid || !fs.existsSync("/proc/self/stat")) return () => null;
  const seen = new Map<number, { kind: keyof CpuSplit; first: number; last: number }>();
  const sample = (initial: boolean) => {
    const all = processes();
    const serverTree = tree(all, serverPid);
    for (const p of all) {
      const kind = kindOf(p, serverTree);
      if (!kind) continue;
      const s = seen.get(p.pid);
      if (s) s.last = p.ms;
      // a process born during the run counts from zero
      else seen.set(p.pid, { kind, first: initial ? p.ms : 0, last: p.ms });
    }
  };
  sample(true);
  const cpu0 = process.cpuUsage();
  const timer = setInterval(() => sample(false), 250);
  return (requests) => {
    clearInterval(timer);
    sample(false);
    const self = process.cpuUsage(cpu0);
    if (requests <= 0) return null;
    const sum: CpuSplit = { server: 0, postgres: 0, background: 0, load: (self.user + self.system) / 1000 };
    for (const s of seen.values()) sum[s.kind] += s.last - s.first;
    return { server: sum.server / requests, postgres: sum.postgres / requests, background: sum.background / requests, load: sum.load / requests };
  };
}
