// Where attachment bytes live. The app talks to this interface only, so an S3-compatible
// driver can replace the local disk without touching the services or the routes.
import type { Readable } from "node:stream";
import { LocalDiskStorage } from "./local-disk";
import { uploadDir } from "@/server/env";

export interface FileStorage {
  put(key: string, data: Buffer): Promise<void>;
  /** stores the content of a local file (a large mail or attachment spooled to disk) without reading it into memory */
  putFile(key: string, sourcePath: string): Promise<void>;
  /** null when the object is gone */
  get(key: string): Promise<Buffer | null>;
  /** the object as a stream, for large ones; null when it is gone */
  open(key: string): Promise<{ stream: Readable; size: number } | null>;
  delete(key: string): Promise<void>;
}

let current: FileStorage | undefined;

/** The configured driver (local disk under UPLOAD_DIR for now). */
export function storage(): FileStorage {
  return (current ??= new LocalDiskStorage(uploadDir()));
}

/** for tests that point uploads at a temporary directory */
export function resetStorage() {
  current = undefined;
}
