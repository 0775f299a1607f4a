// Attachments and inline images of an incoming mail, under the same size and type rules as web
// uploads (server/services/uploads): bytes go to the configured storage first, the rows are
// written in the caller's transaction, and `cid:` links in the HTML are rewritten to
// /api/attachments/<id> so that sanitize() keeps exactly those images and nothing remote.
import crypto from "node:crypto";
import type { Tx } from "@/server/db/client";
import type { TicketSettings } from "@/server/domain/settings/schema";
import { canAttachFile } from "@/server/domain/tickets/policies";
import { checkFileType, sanitizeFileName } from "@/server/platform/storage/file-check";
import { storage } from "@/server/platform/storage/storage";
import { attachmentSize, type ParsedAttachment } from "./parse-mail";

export type StagedAttachment = {
  id: string;
  storageKey: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  contentId: string | null;
  inline: boolean;
};

export type Staged = { files: StagedAttachment[]; dropped: { fileName: string; reason: "too-big" | "type-not-allowed" | "uploads-off" }[] };

/**
 * The files of a mail whose sender the upload policy refused (uploads off): none kept, each named
 * in `dropped`; `refused` is what the caller deletes from the storage once the mail is committed.
 */
export function refuseFiles(staged: Staged): { kept: Staged; refused: Staged } {
  const dropped = [...staged.dropped, ...staged.files.map((f) => ({ fileName: f.fileName, reason: "uploads-off" as const }))];
  return { kept: { files: [], dropped }, refused: { files: staged.files, dropped: [] } };
}

/** Checks and writes the bytes; nothing in the database yet. Call `discard` if the transaction fails. */
export async function stageAttachments(list: ParsedAttachment[], s: TicketSettings): Promise<Staged> {
  const out: Staged = { files: [], dropped: [] };
  for (const a of list) {
    const size = attachmentSize(a);
    if (size === 0) continue;
    if (!canAttachFile({ size }, s).ok) {
      out.dropped.push({ fileName: a.fileName, reason: "too-big" });
      continue;
    }
    // a spooled part (large mail) is judged by its first bytes: magic bytes, and text or not
    const probe = a.spooled ? (a.spooled.size > a.spooled.head.length ? wholeUtf8(a.spooled.head) : a.spooled.head) : a.data;
    const verdict = await checkFileType(a.fileName, probe, s.allowedFileTypes);
    if (!verdict.ok) {
      out.dropped.push({ fileName: a.fileName, reason: "type-not-allowed" });
      continue;
    }
    const random = crypto.randomBytes(16).toString("hex");
    const storageKey = `${random.slice(0, 2)}/${random}`;
    if (a.spooled) await storage().putFile(storageKey, a.spooled.path);
    else await storage().put(storageKey, a.data);
    out.files.push({
      id: `m${crypto.randomBytes(12).toString("hex")}`,
      storageKey,
      fileName: sanitizeFileName(a.fileName, verdict.ext),
      contentType: verdict.contentType,
      size,
      sha256: a.spooled?.sha256 ?? crypto.createHash("sha256").update(a.data).digest("hex"),
      contentId: a.contentId,
      inline: a.inline && !!a.contentId && verdict.contentType.startsWith("image/"),
    });
  }
  return out;
}

/** The head of a longer text without a multi-byte UTF-8 character cut off at its end. */
export function wholeUtf8(head: Buffer): Buffer {
  for (let i = head.length - 1, seen = 0; i >= 0 && seen < 4; i--, seen++) {
    const b = head[i]!;
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back for the lead byte
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return head.length - i >= need ? head : head.subarray(0, i);
  }
  return head;
}

export async function discardStaged(staged: Staged): Promise<void> {
  await Promise.all(staged.files.map((f) => storage().delete(f.storageKey).catch(() => {})));
}

export async function insertAttachments(tx: Tx, staged: Staged, target: { ticketId: number; messageId: number | null }) {
  if (staged.files.length === 0) return;
  await tx.attachment.createMany({
    data: staged.files.map((f) => ({
      id: f.id,
      ticketId: target.ticketId,
      messageId: target.messageId,
      fileName: f.fileName,
      contentType: f.contentType,
      size: f.size,
      sha256: f.sha256,
      storageKey: f.storageKey,
      contentId: f.contentId,
      isInline: f.inline,
    })),
  });
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** `cid:<id>` → `/api/attachments/<attachment id>` for every stored inline part. */
export function rewriteCidLinks(html: string, staged: Staged): string {
  let out = html;
  for (const f of staged.files) {
    if (!f.contentId) continue;
    out = out.replace(new RegExp(`cid:${escapeRe(f.contentId)}(?=["'\\s>)])`, "gi"), `/api/attachments/${f.id}`);
  }
  return out;
}

/** The image sources sanitize() may keep: our own stored attachments of this mail. */
export function allowOwnImages(staged: Staged): (src: string) => boolean {
  const ok = new Set(staged.files.map((f) => `/api/attachments/${f.id}`));
  return (src) => ok.has(src);
}
