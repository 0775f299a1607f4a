// The storage interface the drivers implement: apart from storage.ts, which picks and builds a
// driver, so that the drivers do not import the file that imports them (an import cycle).
import type { Readable } from "node:stream";

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
