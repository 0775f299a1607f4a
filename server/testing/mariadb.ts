/**
 * Throwaway MariaDB (Debian's mariadb-server) for the Patchesoft importer's integration tests,
 * started the way ./dovecot.ts starts Dovecot: its own temp dir, data dir and free port, no
 * system service touched, stopped (and removed) at the end. As root, mariadbd needs
 * `--user=root` to agree to run; otherwise it runs as the current user.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import mysql from "mysql2/promise";
import { freePort, waitForPort } from "./free-port";
import { killAndWait } from "./dovecot-process";

const MARIADBD = "/usr/sbin/mariadbd";
const INSTALL_DB = "/usr/bin/mariadb-install-db";

export type MariaDbInstance = {
  port: number;
  dir: string;
  /** a fresh, empty database with its own user: mysql://user:pass@127.0.0.1:port/db */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
};

const asRoot = () => process.getuid?.() === 0;

function run(bin: string, args: string[], logFile: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const out = fs.openSync(logFile, "a");
    const child = spawn(bin, args, { stdio: ["ignore", out, out] });
    child.once("error", reject);
    child.once("exit", (code) => {
      fs.closeSync(out);
      if (code === 0) resolve();
      else reject(new Error(`${path.basename(bin)} exited ${code}: ${fs.readFileSync(logFile, "utf8").slice(-1500)}`));
    });
  });
}

function config(dir: string, port: number): string {
  // small buffers: the tests' data set is tens of MB, and the machine is shared
  return [
    "[mysqld]",
    `datadir=${dir}/data`,
    `socket=${dir}/mysqld.sock`,
    `pid-file=${dir}/mysqld.pid`,
    "bind-address=127.0.0.1",
    `port=${port}`,
    "skip-log-bin",
    "skip-name-resolve",
    "innodb_buffer_pool_size=64M",
    "innodb_log_file_size=32M",
    "innodb_flush_log_at_trx_commit=2",
    // Patchesoft ran on MySQL 5.5: its zero dates and loose inserts must load
    "sql_mode=NO_ENGINE_SUBSTITUTION",
    "",
  ].join("\n");
}

// mariadbd stays in the foreground: a watchdog kills it if this process dies without stop()
function watch(pid: number, dir: string) {
  const script = 'while kill -0 "$1" 2>/dev/null; do sleep 1; done; kill -KILL "$2" 2>/dev/null; rm -rf "$3"';
  const dog = spawn("sh", ["-c", script, "mariadb-watchdog", String(process.pid), String(pid), dir], { detached: true, stdio: "ignore" });
  dog.on("error", () => {});
  dog.unref();
  return dog.pid;
}

export async function startMariaDb(): Promise<MariaDbInstance> {
  const missing = [MARIADBD, INSTALL_DB].filter((f) => !fs.existsSync(f));
  if (missing.length) throw new Error(`MariaDB is not installed (${missing.join(", ")} missing). As root, run: apt-get install -y mariadb-server mariadb-client`);
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), "helpdesk-mariadb-"));
  const cnf = path.join(dir, "my.cnf");
  const log = path.join(dir, "mariadb.log");
  const userArgs = asRoot() ? ["--user=root"] : [];
  await fsp.writeFile(cnf, config(dir, 0));
  await run(INSTALL_DB, [`--defaults-file=${cnf}`, ...userArgs, "--auth-root-authentication-method=normal", "--skip-test-db"], log);

  let port = 0;
  let pid = 0;
  for (let attempt = 1; !pid; attempt++) {
    port = await freePort();
    await fsp.writeFile(cnf, config(dir, port));
    const child = spawn(MARIADBD, [`--defaults-file=${cnf}`, ...userArgs], { stdio: ["ignore", "ignore", fs.openSync(log, "a")] });
    const exited = new Promise<never>((_, reject) => child.once("exit", (c) => reject(new Error(`mariadbd exited ${c}`))));
    try {
      await Promise.race([waitForPort(port, "127.0.0.1", 30_000), exited]);
      pid = child.pid!;
    } catch (err) {
      const tail = (await fsp.readFile(log, "utf8").catch(() => "")).slice(-1500);
      if (attempt < 4 && /Address already in use|Can't start server/.test(tail)) continue;
      child.kill("SIGKILL");
      await fsp.rm(dir, { recursive: true, force: true });
      throw new Error(`${(err as Error).message}\n${tail}`);
    }
  }
  const watchdog = watch(pid, dir);
  const admin = await mysql.createConnection({ socketPath: path.join(dir, "mysqld.sock"), user: "root", multipleStatements: true });

  const createDatabase = async (name: string) => {
    if (!/^[a-z0-9_]{1,40}$/.test(name)) throw new Error(`bad database name ${name}`);
    const pass = `pw_${name}`;
    await admin.query(`CREATE DATABASE ${name} CHARACTER SET utf8 COLLATE utf8_unicode_ci; CREATE USER '${name}'@'%' IDENTIFIED BY '${pass}'; GRANT ALL ON ${name}.* TO '${name}'@'%';`);
    return `mysql://${name}:${pass}@127.0.0.1:${port}/${name}`;
  };

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await admin.end().catch(() => {});
    await killAndWait(pid);
    if (watchdog) {
      try {
        process.kill(watchdog, "SIGKILL");
      } catch {
        /* already gone */
      }
    }
    await fsp.rm(dir, { recursive: true, force: true });
  };
  return { port, dir, createDatabase, stop };
}
