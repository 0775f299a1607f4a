// Where attachment bytes live. The app talks to this interface only, so an S3-compatible
// driver can replace the local disk without touching the services or the routes.
import { LocalDiskStorage } from "./local-disk";
import { uploadDir } from "@/server/env";

export interface FileStorage {
  put(key: string, data: Buffer): Promise<void>;
  /** null when the object is gone */
  get(key: string): Promise<Buffer | null>;
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
