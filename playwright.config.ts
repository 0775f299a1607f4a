// Playwright e2e in Debian's Chromium against the production entry (bin/serve.ts: Next behind
// our Node server, built by `npm test` into NEXT_DIST_DIR) on a throwaway, seeded database in
// the embedded test cluster.
import { defineConfig } from "@playwright/test";
import os from "node:os";
import fs from "node:fs";
import path from "node:path";
import { startTestCluster, createTestDatabase } from "./server/testing/test-db";
import { freePort } from "./server/db/embedded";
import { createDb } from "./server/db/client";
import { seedDefaults } from "./server/services/setup/seed-defaults";
import { ensureSecretsFile } from "./server/testing/secrets-file";

// Runs once in the main process; workers inherit the variables.
if (!process.env.E2E_DATABASE_URL) {
  const cluster = await startTestCluster();
  const url = await createTestDatabase(cluster.adminUrl, "helpdesk_e2e");
  const db = createDb(url);
  await seedDefaults(db);
  await db.$disconnect();
  process.env.E2E_DATABASE_URL = url;
  process.env.E2E_PORT = String(await freePort());
  process.env.E2E_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "helpdesk-e2e-"));
  // the server has a DATABASE_URL, so it generates no secrets: it reads this file
  ensureSecretsFile(process.env.E2E_DATA_DIR);
}

const port = Number(process.env.E2E_PORT);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"], ["json"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"],
    },
  },
  webServer: {
    // the production entry; tests stand in for one proxy so each browser can have its own address
    command: "node_modules/.bin/tsx bin/serve.ts",
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      DATABASE_URL: process.env.E2E_DATABASE_URL!,
      DATA_DIR: process.env.E2E_DATA_DIR!,
      APP_URL: baseURL,
      NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next",
      NODE_ENV: "production",
      LOG_LEVEL: "warn",
      PORT: String(port),
      HOST: "127.0.0.1",
      TRUSTED_PROXY_HOPS: "1",
      // the e2e Dovecot listens on 127.0.0.1: "test connection" refuses it unless listed
      MAIL_TEST_ALLOW_HOSTS: "127.0.0.1",
    },
  },
});
