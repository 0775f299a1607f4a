// `npm test`: the whole suite on a fresh machine — system packages (Chromium, Dovecot, MariaDB),
// typecheck, lint (with the layer rules), import cycles (dpdm), unit + integration (vitest, real
// PostgreSQL, Dovecot, MariaDB, S3 stand-in), client build, next build, e2e (Playwright in
// Debian's Chromium against bin/serve.ts). `npm test -- <step> …` runs only those steps
// (typecheck, lint, cycles, client, unit, integration, e2e). Ends with one line: "N passed, N failed".
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { startTestCluster } from "@/server/testing/test-db";
import { CYCLE_CHECK } from "./cycle-check";

const root = path.resolve(import.meta.dirname, "..");
const tmp = path.join(root, ".tmp");
fs.mkdirSync(tmp, { recursive: true });
const bin = (n: string) => path.join(root, "node_modules", ".bin", n);

let passed = 0;
let failed = 0;
const failures: string[] = [];

function step(name: string, cmd: string, args: string[], env: Record<string, string | undefined> = {}) {
  console.log(`\n━━ ${name} ━━`);
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env } });
  console.log(`── ${name}: ${r.status === 0 ? "ok" : "FAILED"} in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  return r.status === 0;
}

function countStep(name: string, ok: boolean) {
  if (ok) passed++;
  else {
    failed++;
    failures.push(name);
  }
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as T;
  } catch {
    return null;
  }
}

async function main() {
  const only = process.argv.slice(2);
  const want = (s: string) => only.length === 0 || only.includes(s);

  if (want("e2e") || want("integration")) {
    // Chromium for Playwright, Dovecot for the mail tests, MariaDB for the importer: install when missing (as root).
    countStep("system packages", step("system packages", "bash", [path.join(root, ".ci/install-deps.sh")]));
  }
  if (want("typecheck")) countStep("typecheck", step("typecheck", bin("tsc"), ["--noEmit", "-p", "tsconfig.json"]));
  if (want("lint")) countStep("lint", step("lint", bin("eslint"), ["--max-warnings=0", "."]));
  if (want("cycles")) countStep("import cycles", step("import cycles", bin("dpdm"), CYCLE_CHECK));
  // the published client: build dist/ and compare its declarations with the committed API report
  // (packages/client/api/index.d.ts); e2e/api-client.spec.ts installs and uses what this builds
  if (want("client") || want("e2e")) countStep("client build", step("client build", bin("tsx"), ["packages/client/build.ts", "--check"]));

  const cluster = want("integration") || want("e2e") ? await startTestCluster() : null;
  const dbEnv = cluster ? { TEST_DATABASE_URL: cluster.adminUrl } : {};
  try {
    for (const project of ["unit", "integration"]) {
      if (!want(project)) continue;
      const out = path.join(tmp, `vitest-${project}.json`);
      fs.rmSync(out, { force: true });
      const ok = step(`vitest ${project}`, bin("vitest"), ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${out}`], dbEnv);
      const r = readJson<{ numPassedTests: number; numFailedTests: number; numFailedTestSuites: number }>(out);
      if (r) {
        passed += r.numPassedTests;
        failed += r.numFailedTests + (r.numFailedTests === 0 && !ok ? Math.max(1, r.numFailedTestSuites) : 0);
        if (!ok) failures.push(`vitest ${project}`);
      } else countStep(`vitest ${project}`, ok);
    }

    if (want("e2e")) {
      const distDir = ".next-test";
      const built = step("next build", bin("next"), ["build"], { NEXT_DIST_DIR: distDir, NODE_ENV: "production" });
      countStep("next build", built);
      if (built) {
        const out = path.join(tmp, "playwright.json");
        fs.rmSync(out, { force: true });
        const ok = step("playwright e2e", bin("playwright"), ["test"], { ...dbEnv, NEXT_DIST_DIR: distDir, PLAYWRIGHT_JSON_OUTPUT_NAME: out });
        const r = readJson<{ stats: { expected: number; unexpected: number; flaky: number } }>(out);
        if (r) {
          passed += r.stats.expected + r.stats.flaky;
          failed += r.stats.unexpected + (r.stats.unexpected === 0 && !ok ? 1 : 0);
          if (!ok) failures.push("playwright e2e");
        } else countStep("playwright e2e", ok);
      }
    }
  } finally {
    await cluster?.stop();
  }

  if (failures.length) console.log(`\nFailed steps: ${failures.join(", ")}`);
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

main().catch((e) => {
  console.error(e);
  console.log("\n0 passed, 1 failed");
  process.exit(1);
});
