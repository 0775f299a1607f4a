// The storage and deployment variables are checked at start: a bad combination stops the app
// with a message naming the variable, before any request.
import { describe, it, expect, afterEach } from "vitest";
import { dataDir, env, resetEnvCache, spoolRoot } from "./env";
import os from "node:os";
import path from "node:path";

const KEYS = ["STORAGE", "S3_BUCKET", "S3_ENDPOINT", "S3_REGION", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY", "S3_FORCE_PATH_STYLE", "VERCEL", "DATABASE_URL", "DATABASE_REPLICA_URL"];
const saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]));

function withEnv(vars: Record<string, string>) {
  for (const k of KEYS) delete process.env[k];
  Object.assign(process.env, vars);
  resetEnvCache();
  return () => env();
}

afterEach(() => {
  for (const k of KEYS) if (saved[k] === undefined) delete process.env[k]; else process.env[k] = saved[k];
  resetEnvCache();
});

describe("storage and deployment variables", () => {
  it.each([
    [{ STORAGE: "s3" }, /S3_BUCKET: required when STORAGE=s3/],
    [{ STORAGE: "s3", S3_BUCKET: "files", S3_ACCESS_KEY_ID: "AKIA" }, /S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together/],
    [{ STORAGE: "s3", S3_BUCKET: "files", S3_ENDPOINT: "not a url" }, /S3_ENDPOINT/],
    [{ STORAGE: "disk" }, /STORAGE/],
    [{ STORAGE: "s3", S3_BUCKET: "files", S3_FORCE_PATH_STYLE: "yes" }, /S3_FORCE_PATH_STYLE/],
    [{ VERCEL: "1" }, /DATABASE_URL: required on Vercel[\s\S]*STORAGE: must be s3 on Vercel/],
  ])("%j is refused", (vars, message) => {
    expect(withEnv(vars)).toThrow(message);
  });

  it("a complete S3 setup passes; path style is a flag; scratch files go to the OS temp dir", () => {
    const e = withEnv({ STORAGE: "s3", S3_BUCKET: "files", S3_ENDPOINT: "http://minio:9000", S3_ACCESS_KEY_ID: "a", S3_SECRET_ACCESS_KEY: "b", S3_FORCE_PATH_STYLE: "true" })();
    expect(e).toMatchObject({ STORAGE: "s3", S3_REGION: "us-east-1", S3_FORCE_PATH_STYLE: true });
    expect(spoolRoot()).toBe(path.join(os.tmpdir(), "helpdesk-spool"));
  });

  it("local storage is the default, with scratch files under DATA_DIR", () => {
    const e = withEnv({})();
    expect(e).toMatchObject({ STORAGE: "local", S3_FORCE_PATH_STYLE: false });
    // (DATA_DIR itself may be under the temp dir, as for a checkout in /tmp)
    expect(spoolRoot()).toBe(path.join(dataDir(), "spool"));
  });
});
