// The build keeps the layers (issue 19): each rule of eslint.config.js and the import-cycle
// check fires on a fixture that breaks it (tests/lint-fixtures/), and files on the right side
// of each edge pass.
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { ESLint } from "eslint";
import { CYCLE_FLAGS } from "./cycle-check";

const root = path.resolve(import.meta.dirname, "..");
const fixture = (f: string) => fs.readFileSync(path.join(root, "tests/lint-fixtures", f), "utf8");
const eslint = new ESLint({ cwd: root });

async function ruleHits(code: string, filePath: string) {
  const [r] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return r!.messages.map((m) => `${m.ruleId}:${m.line}`);
}

describe("layer rules (eslint.config.js)", { timeout: 180_000 }, () => {
  it.each([
    ["app-imports-db.tsx", "app/(staff)/staff/fixture/page.tsx", ["@typescript-eslint/no-restricted-imports:2", "@typescript-eslint/no-restricted-imports:3", "@typescript-eslint/no-restricted-imports:4"]],
    ["domain-does-io.ts", "server/domain/tickets/fixture.ts", ["@typescript-eslint/no-restricted-imports:2", "@typescript-eslint/no-restricted-imports:3", "@typescript-eslint/no-restricted-imports:4"]],
    ["mail-imports-services.ts", "server/mail/outbound/fixture.ts", ["@typescript-eslint/no-restricted-imports:2"]],
    ["reads-process-env.ts", "server/services/fixture.ts", ["no-restricted-syntax:2"]],
    ["reads-process-env.ts", "app/fixture/page.tsx", ["no-restricted-syntax:2"]],
    ["bench-imports-bin.ts", "bench/fixture.ts", ["@typescript-eslint/no-restricted-imports:2"]],
  ])("%s, linted as %s, is refused", async (file, at, expected) => {
    expect(await ruleHits(fixture(file), at)).toEqual(expected);
  });

  it.each([
    // the same imports are fine one layer down, and process.env is fine in its one reader and in tests
    ["mail-imports-services.ts", "server/services/tickets/fixture.ts"],
    ["domain-does-io.ts", "server/services/tickets/fixture.ts"],
    ["reads-process-env.ts", "server/env.ts"],
    ["reads-process-env.ts", "server/services/fixture.int.test.ts"],
  ])("%s, linted as %s, passes", async (file, at) => {
    expect(await ruleHits(fixture(file), at)).toEqual([]);
  });

  it("real files at each edge pass (the whole tree is the lint step's job)", async () => {
    const files = ["server/env.ts", "server/logger.ts", "server/domain/tickets/policies.ts", "server/mail/outbound/deliver.ts", "server/mail/ingest/process-mail.ts", "app/cron/auto_close/route.ts", "bench/run.ts", "proxy.ts"];
    const results = await eslint.lintFiles(files.map((f) => path.join(root, f)));
    expect(results.flatMap((r) => r.messages.map((m) => `${path.relative(root, r.filePath)}:${m.line} ${m.ruleId}`))).toEqual([]);
  });
});

describe("import-cycle check (npm test step, dpdm)", { timeout: 180_000 }, () => {
  const dpdm = (files: string[]) => spawnSync(path.join(root, "node_modules/.bin/dpdm"), [...CYCLE_FLAGS, ...files], { cwd: root, encoding: "utf8" });

  it("fails on a cycle, even one closed by a type-only import", () => {
    const r = dpdm(["tests/lint-fixtures/cycle-a.ts"]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("tests/lint-fixtures/cycle-a.ts -> tests/lint-fixtures/cycle-b.ts");
  });

  it("passes on the pieces this issue untangled (storage drivers, mailbox sources)", () => {
    const r = dpdm(["server/platform/storage/storage.ts", "server/mail/ingest/mailbox-source.ts"]);
    expect(r.stdout).not.toContain("->");
    expect(r.status).toBe(0);
  });
});
