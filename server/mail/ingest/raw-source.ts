// Where an inbound mail's raw source lives: in inbound_mails.raw for mails up to RAW_IN_DB_BYTES,
// as a file in the attachment storage (inbound_mails.raw_key) above that, so a 25 MB mail is
// never pushed through the Prisma engine or held as a Buffer. Rows written before raw_key
// existed keep their bytes in the column; every reader goes through here and handles both.
import crypto from "node:crypto";
import type { Readable } from "node:stream";
import { storage } from "@/server/platform/storage/storage";

/** Larger raw sources are stored as files. */
export const RAW_IN_DB_BYTES = 1024 * 1024;

export type RawRef = { raw: Uint8Array; rawKey: string | null };

/** A fresh storage key for a raw source (same shape as the attachment keys). */
export function newRawKey(): string {
  const random = crypto.randomBytes(16).toString("hex");
  return `${random.slice(0, 2)}/raw-${random}`;
}

/** The whole raw source in memory (the quarantine's retry and preview); null when its file is gone. */
export async function readInboundRaw(r: RawRef): Promise<Buffer | null> {
  if (r.rawKey) return storage().get(r.rawKey);
  return Buffer.from(r.raw.buffer, r.raw.byteOffset, r.raw.byteLength);
}

/** The raw source as a stream (the .eml download); null when its file is gone. */
export async function openInboundRaw(r: RawRef): Promise<{ stream: Readable | null; data: Buffer | null; size: number } | null> {
  if (r.rawKey) {
    const f = await storage().open(r.rawKey);
    return f && { stream: f.stream, data: null, size: f.size };
  }
  const data = Buffer.from(r.raw.buffer, r.raw.byteOffset, r.raw.byteLength);
  return { stream: null, data, size: data.length };
}
