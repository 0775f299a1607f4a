// attachment.upload and POST /api/uploads: checks the policy and the limits, stores the
// bytes, and records an unclaimed attachment row (ticketId null, uploaderId = the actor) that
// ticket.create / ticket.reply claim later (claim-uploads.ts). Before any byte is read,
// admitUpload() applies the per-user rate limit and quota (upload-quota.ts); rows never claimed
// are removed after 24 h by /cron/cleanup.
import crypto from "node:crypto";
import { db } from "@/server/db/client";
import type { Actor } from "@/server/domain/actor";
import { DomainError, badRequest, forbidden } from "@/server/domain/errors";
import { canUpload } from "@/server/domain/tickets/policies";
import { loadSettings } from "@/server/platform/settings/settings-store";
import { checkFileType, sanitizeFileName } from "@/server/platform/storage/file-check";
import { storage } from "@/server/platform/storage/storage";
import { checkUploadQuota } from "./upload-quota";
import { takeOrThrow } from "@/server/auth/abuse-limits";

/** Who may upload and how much: asked before the body is read. */
export async function uploadLimits(actor: Actor) {
  const s = await loadSettings("tickets");
  const d = canUpload(actor, s);
  if (!d.ok) throw forbidden(d.reason);
  return { maxBytes: s.maxUploadMb * 1024 * 1024, allowedFileTypes: s.allowedFileTypes };
}

export type UploadAdmission = Awaited<ReturnType<typeof uploadLimits>>;

/** One upload may start: the policy, then the per-user rate limit and quota (ASVS 5.0 V5.2.4, V2.4.1). */
export async function admitUpload(actor: Actor): Promise<UploadAdmission> {
  const limits = await uploadLimits(actor);
  const uploaderId = actor.kind === "user" || actor.kind === "guest" ? actor.userId : null;
  if (!uploaderId) throw forbidden("LOGIN_REQUIRED");
  await takeOrThrow("uploads", uploaderId);
  await checkUploadQuota(uploaderId, limits.maxBytes);
  return limits;
}

export const tooLarge = (maxBytes: number) => new DomainError("PAYLOAD_TOO_LARGE", "FILE_TOO_LARGE", undefined, { maxMb: Math.round(maxBytes / 1048576) });

/** `admitted`: the answer of admitUpload() for this upload, when the caller asked it before reading the bytes. */
export async function uploadFile(actor: Actor, input: { fileName: string; data: Buffer }, admitted?: UploadAdmission) {
  const { maxBytes, allowedFileTypes } = admitted ?? (await admitUpload(actor));
  if (input.data.length === 0) throw badRequest("FILE_EMPTY");
  if (input.data.length > maxBytes) throw tooLarge(maxBytes);
  const verdict = await checkFileType(input.fileName, input.data, allowedFileTypes);
  if (!verdict.ok) throw badRequest(verdict.reason, { allowed: allowedFileTypes });
  const uploaderId = actor.kind === "user" || actor.kind === "guest" ? actor.userId : null;
  if (!uploaderId) throw forbidden("LOGIN_REQUIRED");

  const random = crypto.randomBytes(16).toString("hex");
  const key = `${random.slice(0, 2)}/${random}`;
  const fileName = sanitizeFileName(input.fileName, verdict.ext);
  await storage().put(key, input.data);
  try {
    const row = await db().attachment.create({
      data: {
        uploaderId,
        fileName,
        contentType: verdict.contentType,
        size: input.data.length,
        sha256: crypto.createHash("sha256").update(input.data).digest("hex"),
        storageKey: key,
      },
      select: { id: true, fileName: true, contentType: true, size: true },
    });
    return row;
  } catch (e) {
    await storage().delete(key).catch(() => {});
    throw e;
  }
}
