// Sets up tests/consumer as a project of its own in a temp directory: packs packages/client
// (building it first when dist/ is missing), installs the tarball offline, writes one tsconfig
// per module resolution (strict, skipLibCheck false) and runs tsc / node there.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";

const root = path.resolve(import.meta.dirname, "../..");
const bin = (n: string) => path.join(root, "node_modules", ".bin", n);

export type Run = { status: number | null; stdout: string; stderr: string };

export function run(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}): Run {
  const r = spawnSync(cmd, args, { cwd, encoding: "utf8", env: { ...process.env, ...env }, timeout: 180_000 });
  return { status: r.status, stdout: r.stdout ?? "", stderr: `${r.stderr ?? ""}${r.error ? String(r.error) : ""}` };
}

function must(r: Run, what: string): Run {
  if (r.status !== 0) throw new Error(`${what} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r;
}

const base = { strict: true, skipLibCheck: false, target: "ES2022", lib: ["ES2022"], types: ["node"], typeRoots: [path.join(root, "node_modules/@types")], forceConsistentCasingInFileNames: true };

export function setUpConsumer(): string {
  const pkg = path.join(root, "packages/client");
  if (!fs.existsSync(path.join(pkg, "dist/index.mjs"))) must(run(bin("tsx"), [path.join(pkg, "build.ts"), "--check"], root), "client build");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "helpdesk-consumer-"));
  fs.cpSync(path.join(root, "tests/consumer/src"), path.join(dir, "src"), { recursive: true });
  const packed = must(run("npm", ["pack", pkg, "--pack-destination", dir, "--silent"], dir), "npm pack").stdout.trim().split("\n").pop()!;
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "helpdesk-consumer", private: true, type: "module" }));
  must(run("npm", ["install", "--offline", "--no-audit", "--no-fund", "--ignore-scripts", `./${packed}`], dir), "npm install --offline");
  const write = (name: string, compilerOptions: object) => fs.writeFileSync(path.join(dir, name), JSON.stringify({ compilerOptions: { ...base, ...compilerOptions }, include: ["src"] }, null, 2));
  write("tsconfig.nodenext.json", { module: "nodenext", moduleResolution: "nodenext", outDir: "out" });
  write("tsconfig.bundler.json", { module: "esnext", moduleResolution: "bundler", noEmit: true });
  return dir;
}

export const tsc = (dir: string, config: string) => run(bin("tsc"), ["-p", config], dir);
