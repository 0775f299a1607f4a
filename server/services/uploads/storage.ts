// Where attachment bytes and large raw mails live. The app talks to this interface only; the
// driver is chosen by the environment (server/env.ts): STORAGE=local (files under UPLOAD_DIR,
// the default) or STORAGE=s3 (an S3-compatible bucket: AWS S3, Cloudflare R2, MinIO, Yandex).
import type { Readable } from "node:stream";
import { LocalDiskStorage } from "./local-disk";
import { env, uploadDir, type Env } from "@/server/env";
import { ReadThroughStorage } from "./read-through";
import { S3Storage, s3ConfigFromEnv } from "./s3-storage";

/** Bytes `start`..`end` of an object, both inclusive (HTTP Range semantics); `end` absent: to the last byte. */
export type ByteRange = { start: number; end?: number };

export interface FileStorage {
  put(key: string, data: Buffer): Promise<void>;
  /** stores the content of a local file (a large mail or attachment spooled to disk) without reading it into memory */
  putFile(key: string, sourcePath: string): Promise<void>;
  /** null when the object is gone */
  get(key: string): Promise<Buffer | null>;
  /**
   * The object (or a range of it) as a stream, for large ones; null when it is gone.
   * `size` is the size of the whole object; the stream carries only the range when one is given.
   */
  open(key: string, range?: ByteRange): Promise<{ stream: Readable; size: number } | null>;
  /** size of the object; null when it is gone */
  stat(key: string): Promise<{ size: number } | null>;
  delete(key: string): Promise<void>;
}

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
