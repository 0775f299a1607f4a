/**
 * Process handling for the throwaway Dovecot in ./dovecot.ts: start the daemon, wait until it
 * listens, stop it fast, and make sure it never outlives the test process.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { waitForPort } from "./free-port";

// Dovecot daemonizes, so nothing ends it if a test process dies without calling stop().
// Two safety nets: an "exit" hook (normal exits, sync work only), and a tiny watchdog shell
// per instance that kills the instance's process group and removes its dir once this
// process is gone — that also covers SIGTERM/SIGKILL of a test worker.
const live = new Map<number, { dir: string; watchdog?: number }>(); // master pid → info
let exitHookInstalled = false;
const WATCHDOG = 'while kill -0 "$1" 2>/dev/null; do sleep 1; done; kill -KILL -"$2" 2>/dev/null; rm -rf "$3"';

function track(pid: number, dir: string) {
  const dog = spawn("sh", ["-c", WATCHDOG, "dovecot-watchdog", String(process.pid), String(pid), dir], {
    detached: true,
    stdio: "ignore",
  });
  dog.on("error", () => {}); // no sh: the exit hook still covers normal exits
  dog.unref();
  live.set(pid, { dir, watchdog: dog.pid });
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once("exit", () => {
    for (const p of live.keys()) untrack(p, true);
  });
}

/** Forget an instance (after stop); with `kill`, also SIGKILL its group and remove its dir. */
export function untrack(pid: number, kill = false): void {
  const info = live.get(pid);
  if (!info) return;
  live.delete(pid);
  if (info.watchdog) {
    try {
      process.kill(info.watchdog, "SIGKILL");
    } catch {
      /* already gone */
    }
  }
  if (!kill) return;
  try {
    process.kill(-pid, "SIGKILL"); // whole group: master and its children
  } catch {
    /* already gone */
  }
  fs.rmSync(info.dir, { recursive: true, force: true });
}

/** Runs `bin -c confPath`; resolves with the master pid once every port accepts connections. */
export async function launchDovecot(bin: string, confPath: string, dir: string, ports: number[]): Promise<number> {
  const logTail = async () =>
    (await fsp.readFile(path.join(dir, "dovecot.log"), "utf8").catch(() => "")).slice(-2000);
  // `dovecot` forks into the background and the parent exits; config errors are printed
  // before that. Output goes to a file, not a pipe: the daemon inherits the descriptors,
  // and waiting for a pipe to close would mean waiting for the daemon.
  const startLog = path.join(dir, "startup.log");
  const out = fs.openSync(startLog, "w");
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(bin, ["-c", confPath], { stdio: ["ignore", out, out] });
    child.once("error", reject);
    child.once("exit", (c) => resolve(c));
  }).finally(() => fs.closeSync(out));
  if (code !== 0) {
    const msg = await fsp.readFile(startLog, "utf8").catch(() => "");
    throw new Error(`dovecot failed to start (exit ${code}): ${msg}\n${await logTail()}`);
  }
  // The forked master writes its pid file a moment after the parent has exited.
  const pid = await readPidFile(path.join(dir, "run", "master.pid"), 10_000).catch(async (err: Error) => {
    throw new Error(`${err.message}\n${await logTail()}`);
  });
  track(pid, dir);
  try {
    for (const p of ports) await waitForPort(p);
  } catch (err) {
    await killAndWait(pid);
    untrack(pid);
    throw new Error(`dovecot did not open its ports: ${(err as Error).message}\n${await logTail()}`);
  }
  return pid;
}

async function readPidFile(file: string, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const pid = Number((await fsp.readFile(file, "utf8").catch(() => "")).trim());
    if (pid > 0) return pid;
    if (Date.now() > deadline) throw new Error(`dovecot wrote no pid file (${file})`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export async function killAndWait(pid: number): Promise<void> {
  // A zombie counts as gone: the daemon's parent is init, which may reap it late.
  const alive = () => {
    try {
      return fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.[0] !== "Z";
    } catch {
      return false;
    }
  };
  const waitGone = async (ms: number) => {
    const deadline = Date.now() + ms;
    while (alive() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  };
  if (!alive()) return;
  // A clean Dovecot shutdown (SIGTERM) waits seconds for its log/login processes. Nothing in
  // a throwaway instance needs saving, so kill the whole process group at once (the
  // daemonized master leads its own group; all its children are in it).
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    process.kill(pid, "SIGKILL");
  }
  await waitGone(5_000);
}
