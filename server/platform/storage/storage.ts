// Where attachment bytes and large raw mails live. The app talks to this interface only; the
// driver is chosen by the environment (server/env.ts): STORAGE=local (files under UPLOAD_DIR,
// the default) or STORAGE=s3 (an S3-compatible bucket: AWS S3, Cloudflare R2, MinIO, Yandex).
import type { FileStorage } from "@/server/platform/storage/file-storage";
import { LocalDiskStorage } from "@/server/platform/storage/local-disk";
import { env, uploadDir, type Env } from "@/server/env";
import { ReadThroughStorage } from "@/server/platform/storage/read-through";
import { S3Storage, s3ConfigFromEnv } from "@/server/platform/storage/s3-storage";

// the interface moved to ./file-storage; re-exported for branches in flight
export type { ByteRange, FileStorage } from "@/server/platform/storage/file-storage";

let current: FileStorage | undefined;

/**
 * The driver the environment asks for. With S3, reads of a key missing from the bucket fall
 * back to UPLOAD_DIR, so an install can switch to S3 before `storage:migrate` has copied every
 * old file (no downtime); writes and deletes go to the bucket (deletes to both).
 */
export function createStorage(e: Env = env()): FileStorage {
  const local = new LocalDiskStorage(uploadDir());
  if (e.STORAGE !== "s3") return local;
  return new ReadThroughStorage(new S3Storage(s3ConfigFromEnv(e)), local);
}

/** The configured driver. */
export function storage(): FileStorage {
  return (current ??= createStorage());
}

/** for tests that point uploads at a temporary directory or another driver */
export function resetStorage() {
  current = undefined;
}
