// Per-user upload quota (ASVS 5.0 V5.2.4): a user cannot fill the disk with files they never
// attach. Counted from the attachment rows themselves (index attachments(uploader_id,
// created_at), migration 0010): files waiting to be attached, and files and bytes in the last
// 24 hours. The per-user rate limit (abuse-limits.ts) bounds how fast these can grow between two
// checks; /cron/cleanup removes what was never attached.
import { pgPool } from "@/server/db/pg-pool";
import { DomainError } from "@/server/domain/errors";

/** Uploaded but not yet attached to a ticket or reply (a form holds a handful). */
export const MAX_PENDING_FILES = 20;
/** Files a user may upload in 24 hours. */
export const MAX_DAILY_FILES = 200;
/** Bytes a user may upload in 24 hours, in files of the largest allowed size. */
export const MAX_DAILY_FULL_FILES = 10;

export const quotaExceeded = (details: Record<string, unknown>) => new DomainError("TOO_MANY_REQUESTS", "UPLOAD_QUOTA", undefined, details);

export async function checkUploadQuota(uploaderId: number, maxBytes: number): Promise<void> {
  const { rows } = await pgPool().query<{ pending: number; files: number; bytes: string }>({
    name: "upload-quota",
    text: `SELECT count(*) FILTER (WHERE ticket_id IS NULL)::int AS pending, count(*)::int AS files, coalesce(sum(size), 0)::text AS bytes
             FROM attachments WHERE uploader_id = $1 AND created_at > now() - interval '24 hours'`,
    values: [uploaderId],
  });
  const r = rows[0]!;
  if (r.pending >= MAX_PENDING_FILES) throw quotaExceeded({ pendingFiles: MAX_PENDING_FILES });
  if (r.files >= MAX_DAILY_FILES || Number(r.bytes) >= MAX_DAILY_FULL_FILES * maxBytes) {
    throw quotaExceeded({ dailyFiles: MAX_DAILY_FILES, dailyMb: Math.round((MAX_DAILY_FULL_FILES * maxBytes) / 1048576) });
  }
}
