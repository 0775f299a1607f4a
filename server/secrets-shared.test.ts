// Several instances on one own database must share their secrets: with DATABASE_URL set, none
// is generated (each would make up its own); the environment or an existing secrets.json
// supplies them, or the start stops naming what is missing.
import { describe, it, expect, beforeEach, afterEach } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { secrets, resetSecretsCache, SECRET_NAMES, generateSecret } from "./secrets";
import { resetEnvCache } from "./env";

describe("secrets with DATABASE_URL", () => {
  let dir: string;
  const saved = { ...process.env };
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "hd-secrets-shared-"));
    process.env.DATA_DIR = dir;
    process.env.DATABASE_URL = "postgresql://app@db.example.test/helpdesk";
    for (const n of SECRET_NAMES) delete process.env[n];
    resetEnvCache();
    resetSecretsCache();
  });
  afterEach(() => {
    process.env = { ...saved };
    resetEnvCache();
    resetSecretsCache();
  });

  it("refuses to generate, names every missing secret and writes nothing", () => {
    process.env.AUTH_SECRET = generateSecret();
    resetEnvCache();
    expect(() => secrets()).toThrow(/CRON_SECRET, SETTINGS_KEY, SIGNING_KEY must be set in the environment when DATABASE_URL is set/);
    expect(fs.existsSync(path.join(dir, "secrets.json"))).toBe(false);
  });

  it("takes all four from the environment without touching the disk", () => {
    const given = Object.fromEntries(SECRET_NAMES.map((n) => [n, generateSecret()]));
    Object.assign(process.env, given);
    resetEnvCache();
    expect(secrets()).toMatchObject(given);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it("still reads an existing secrets.json (an install that moved to its own database keeps its sessions)", () => {
    const stored = Object.fromEntries(SECRET_NAMES.map((n) => [n, generateSecret()]));
    fs.writeFileSync(path.join(dir, "secrets.json"), JSON.stringify(stored));
    expect(secrets()).toMatchObject(stored);
  });
});
