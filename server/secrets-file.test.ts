// The zero-setup path: absent secrets are generated once into DATA_DIR/secrets.json (mode
// 600) and reused; a weak secret from the environment stops the start with a clear message.
import { describe, it, expect, beforeEach } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { secrets, resetSecretsCache } from "./secrets";
import { resetEnvCache } from "./env";

describe("secrets file", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "hd-secrets-"));
    process.env.DATA_DIR = dir;
    delete process.env.AUTH_SECRET;
    delete process.env.CRON_SECRET;
    resetEnvCache();
    resetSecretsCache();
  });

  it("generates once, mode 600, and reuses", () => {
    const first = secrets();
    const file = path.join(dir, "secrets.json");
    expect((fs.statSync(file).mode & 0o777).toString(8)).toBe("600");
    resetSecretsCache();
    expect(secrets()).toEqual(first);
    expect(first.AUTH_SECRET).not.toBe(first.CRON_SECRET);
  });

  it("prefers the environment and refuses a weak value", () => {
    process.env.CRON_SECRET = "short";
    resetEnvCache();
    expect(() => secrets()).toThrow(/CRON_SECRET is too weak/);
    process.env.CRON_SECRET = "0123456789abcdef".repeat(4);
    resetEnvCache();
    resetSecretsCache();
    expect(secrets().CRON_SECRET).toBe("0123456789abcdef".repeat(4));
    delete process.env.CRON_SECRET;
  });

  it("SIGNING_KEY from the environment is used, and a weak one refused", () => {
    process.env.SIGNING_KEY = "short";
    resetEnvCache();
    expect(() => secrets()).toThrow(/SIGNING_KEY is too weak/);
    const strong = "fedcba9876543210".repeat(4);
    process.env.SIGNING_KEY = strong;
    resetEnvCache();
    resetSecretsCache();
    expect(secrets().SIGNING_KEY).toBe(strong);
    delete process.env.SIGNING_KEY;
  });
});
