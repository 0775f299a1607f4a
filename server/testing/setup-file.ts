// Runs in each integration test worker: point the app at the test database and a temp data
// dir (secrets, uploads), and start every test from empty tables plus the seeded defaults.
import os from "node:os";
import fs from "node:fs";
import path from "node:path";
import { inject, beforeEach, afterAll } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.LOG_LEVEL ??= "silent";
process.env.DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "helpdesk-data-"));
process.env.APP_URL ??= "http://localhost:3000";
// the tests' Dovecot listens on 127.0.0.1, which "test connection" refuses unless listed
process.env.MAIL_TEST_ALLOW_HOSTS ??= "127.0.0.1";
// with DATABASE_URL set the app generates no secrets: give it the file a first start would write
const { ensureSecretsFile } = await import("./secrets-file");
ensureSecretsFile(process.env.DATA_DIR);

const { resetDb } = await import("./reset-db");
const { disconnectDb } = await import("@/server/db/client");
const { closePgPool } = await import("@/server/db/pg-pool");

beforeEach(async () => {
  await resetDb();
});

afterAll(async () => {
  await disconnectDb();
  await closePgPool();
});
