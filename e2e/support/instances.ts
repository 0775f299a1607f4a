// Several production servers (bin/serve.ts) for one test: own database, own data folders, one
// set of secrets from the environment, S3 storage — the shape of a scaled-out deployment.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { generateSecret, SECRET_NAMES } from "../../server/secrets";

const root = path.resolve(import.meta.dirname, "../..");

export type Instance = { url: string; proc: ChildProcess; dataDir: string; output: () => string };

export function sharedSecrets(): Record<string, string> {
  return Object.fromEntries(SECRET_NAMES.map((n) => [n, generateSecret()]));
}

/** Starts bin/serve.ts; resolves once /api/health answers, or rejects with the server's output. */
export async function startInstance(port: number, env: Record<string, string>): Promise<Instance> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "helpdesk-instance-"));
  const proc = spawnServe({ ...env, DATA_DIR: dataDir, PORT: String(port) });
  let out = "";
  proc.stdout!.on("data", (c: Buffer) => (out += c.toString()));
  proc.stderr!.on("data", (c: Buffer) => (out += c.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`instance on ${port} exited ${proc.exitCode}:\n${out}`);
    const ok = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
    if (ok) return { url, proc, dataDir, output: () => out };
    if (Date.now() > deadline) throw new Error(`instance on ${port} did not come up:\n${out}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export function spawnServe(env: Record<string, string>): ChildProcess {
  return spawn(path.join(root, "node_modules/.bin/tsx"), [path.join(root, "bin/serve.ts")], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1",
      NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next", HOST: "127.0.0.1", LOG_LEVEL: "warn", ...env,
    },
  });
}

export async function stopInstance(i: Instance | undefined) {
  if (!i || i.proc.exitCode !== null) return;
  const gone = new Promise((r) => i.proc.once("exit", r));
  i.proc.kill("SIGTERM");
  await Promise.race([gone, new Promise((r) => setTimeout(r, 10_000))]);
  if (i.proc.exitCode === null) i.proc.kill("SIGKILL");
  fs.rmSync(i.dataDir, { recursive: true, force: true });
}

/** Every file under `dir` (the instance's DATA_DIR): with S3 storage there must be none. */
export function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

/** Auth.js credentials sign-in with plain fetch; the session cookie, or null when refused. */
export async function signInFetch(base: string, email: string, password: string): Promise<string | null> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers.getSetCookie().map((s) => s.split(";")[0]).join("; ");
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${base}/` }),
  });
  await res.arrayBuffer();
  const session = res.headers.getSetCookie().find((s) => /^authjs\.session-token=[^;]+/.test(s));
  return session ? session.split(";")[0]! : null;
}

export async function sessionUser(base: string, cookie: string): Promise<{ email: string } | null> {
  const r = await fetch(`${base}/api/auth/session`, { headers: { cookie } });
  const body = (await r.json()) as { user?: { email: string } } | null;
  return body?.user ?? null;
}
