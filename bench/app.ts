// The two servers under load: the app (bin/serve.ts, the production entry, over a build in .next-bench,
// rebuilt only when the sources changed) and the floor (bench/floor-server.ts), each in its own
// process; plus the API tokens the bench calls the app with (stored sha256-hashed, like
// token:create does).
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { sourceStamp } from "@/server/build-stamp";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import pg from "pg";
import { hashToken } from "@/server/auth/token-hash";
import { freePort } from "@/server/db/embedded";

const root = path.resolve(import.meta.dirname, "..");
export const DIST_DIR = ".next-bench";
const bin = (n: string) => path.join(root, "node_modules", ".bin", n);


export function buildApp(log: (s: string) => void, force = false): { built: boolean; seconds: number } {
  const stampFile = path.join(root, DIST_DIR, "helpdesk-build-stamp");
  const stamp = sourceStamp();
  if (!force && fs.existsSync(path.join(root, DIST_DIR, "BUILD_ID")) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, "utf8") === stamp) {
    log(`app build in ${DIST_DIR} is current`);
    return { built: false, seconds: 0 };
  }
  log(`building the app into ${DIST_DIR} (next build) …`);
  const t0 = Date.now();
  // next build adds its dist folder to tsconfig.json's include; put the file back so the
  // results do not call the checkout dirty for the build's own edit
  const tsconfig = path.join(root, "tsconfig.json");
  const tsconfigText = fs.readFileSync(tsconfig, "utf8");
  const r = spawnSync(bin("next"), ["build"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NEXT_DIST_DIR: DIST_DIR, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  fs.writeFileSync(tsconfig, tsconfigText);
  if (r.status !== 0) throw new Error(`next build failed (exit ${r.status})`);
  fs.writeFileSync(stampFile, stamp);
  return { built: true, seconds: (Date.now() - t0) / 1000 };
}

export type Server = { url: string; proc: ChildProcess; stop: () => Promise<void> };

const secret = () => crypto.randomBytes(32).toString("base64");

async function waitFor(url: string, proc: ChildProcess, ms: number) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (proc.exitCode !== null) throw new Error(`server exited early (code ${proc.exitCode})`);
    try {
      const r = await fetch(url);
      if (r.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`server did not answer ${url} within ${ms / 1000} s`);
}

function stopper(proc: ChildProcess) {
  return () =>
    new Promise<void>((resolve) => {
      if (proc.exitCode !== null) return resolve();
      proc.once("exit", () => resolve());
      proc.kill("SIGTERM");
      setTimeout(() => proc.kill("SIGKILL"), 5_000).unref();
    });
}

/** `nodeArgs`: flags for the app's node (e.g. `--cpu-prof` when profiling a measure). */
export async function startApp(databaseUrl: string, dataDir: string, nodeArgs: string[] = []): Promise<Server> {
  const port = await freePort();
  fs.mkdirSync(dataDir, { recursive: true });
  // the production entry (what `npm start` serves through): Next behind bin/serve.ts
  const proc = spawn(process.execPath, [...nodeArgs, "--import", "tsx", path.join(root, "bin", "serve.ts")], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_DIST_DIR: DIST_DIR,
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      APP_URL: `http://127.0.0.1:${port}`,
      PORT: String(port),
      HOST: "127.0.0.1",
      AUTH_SECRET: secret(),
      CRON_SECRET: secret(),
      SETTINGS_KEY: secret(),
      SIGNING_KEY: secret(),
      LOG_LEVEL: "warn",
      // delivery runs after the response (next/server after()); the bench has no mail server
      HELPDESK_NO_KICK: "1",
    },
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/api/health`, proc, 90_000);
  return { url, proc, stop: stopper(proc) };
}

export async function startFloor(databaseUrl: string): Promise<Server> {
  const port = await freePort();
  const proc = spawn(bin("tsx"), [path.join(root, "bench", "floor-server.ts"), String(port), databaseUrl], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/health`, proc, 30_000);
  return { url, proc, stop: stopper(proc) };
}

/** A fresh API token for a user (staff for the queue, a customer for their own ticket page). */
export async function createToken(databaseUrl: string, userId: number): Promise<string> {
  const token = `hd_${crypto.randomBytes(32).toString("base64url")}`;
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    await c.query(`INSERT INTO api_tokens (name, prefix, token_hash, user_id, last_used_at) VALUES ('bench', $1, $2, $3, now())`, [token.slice(0, 10), hashToken(token), userId]);
  } finally {
    await c.end();
  }
  return token;
}
