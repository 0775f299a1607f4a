/**
 * A real S3-compatible HTTP server for tests: s3rver (npm, the maintained @20minutes fork, which
 * verifies SigV4 signatures — the original 3.x accepts any secret) in its own Node process on a free
 * port, over a throwaway folder, with one bucket created at start. The code under test reaches
 * it through the real AWS SDK (path-style URLs, SigV4 signed with s3rver's fixed key pair).
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort, waitForPort } from "./free-port";

/** s3rver's built-in account: every request must be signed with this pair. */
export const S3RVER_KEY = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

export type S3rver = {
  endpoint: string;
  bucket: string;
  /** variables that make the app use this store (STORAGE=s3 …) */
  env: Record<string, string>;
  stop: () => Promise<void>;
};

const live = new Set<ChildProcess>();
let hooked = false;

export async function startS3rver(bucket = "helpdesk-test"): Promise<S3rver> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "helpdesk-s3rver-"));
  const port = await freePort();
  // the package ships no bin file: a one-line program runs it (its SigV4 check is on by default)
  const opts = JSON.stringify({ address: "127.0.0.1", port, directory: dir, silent: true, vhostBuckets: false, configureBuckets: [{ name: bucket, configs: [] }] });
  const program = `new (require("@20minutes/s3rver"))(${opts}).run().catch((e) => { console.error(e); process.exit(1); })`;
  const child = spawn(process.execPath, ["-e", program], { cwd: path.resolve(import.meta.dirname, "../.."), stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (c: Buffer) => (stderr += c.toString()).slice(-4000));
  live.add(child);
  if (!hooked) {
    hooked = true;
    process.once("exit", () => live.forEach((c) => c.kill("SIGKILL")));
  }
  const exited = new Promise<never>((_, reject) => child.once("exit", (code) => reject(new Error(`s3rver exited (${code}): ${stderr}`))));
  await Promise.race([waitForPort(port), exited]);
  exited.catch(() => {});
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket,
    env: {
      STORAGE: "s3", S3_BUCKET: bucket, S3_ENDPOINT: endpoint, S3_REGION: "us-east-1",
      S3_ACCESS_KEY_ID: S3RVER_KEY.accessKeyId, S3_SECRET_ACCESS_KEY: S3RVER_KEY.secretAccessKey, S3_FORCE_PATH_STYLE: "true",
    },
    stop: async () => {
      live.delete(child);
      if (child.exitCode === null) {
        const gone = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await gone;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
