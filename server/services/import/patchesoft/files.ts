// Ticket files from Patchesoft's uploads folder (--files-dir), stored through the project's
// storage interface (local disk or S3, whichever is configured). A file missing on disk is
// skipped and counted; a rerun does not store the bytes again unless they changed.
import crypto from "node:crypto";
import fsp from "node:fs/promises";
import path from "node:path";
import { storage } from "@/server/platform/storage/storage";
import { checkFileType, extensionOf, sanitizeFileName } from "@/server/platform/storage/file-check";
import { eachBatch, inBatch, type ImportContext } from "./context";
import { reconcile, type Planned } from "./reconcile";
import { insertRows, unixDate, updateRow } from "./sql";
import { int, str, type Row } from "./source";

type FileRow = { ticketId: number; messageId: number | null; uploaderId: number | null; fileName: string; contentType: string; size: number; sha256: string; storageKey: string; createdAt: Date };
type Loaded = Planned<FileRow> & { bytes: Buffer };

async function plan(ctx: ImportContext, r: Row): Promise<Loaded | null> {
  const ticket = ctx.tickets.get(int(r.ticketid));
  if (!ticket) return (ctx.summary.skip("file", "orphaned: its ticket is gone"), null);
  const name = str(r.upload_file_name);
  if (!name || path.basename(name) !== name || name.startsWith(".")) return (ctx.summary.skip("file", "unsafe file name"), null);
  const bytes = ctx.filesDir ? await fsp.readFile(path.join(ctx.filesDir, name)).catch(() => null) : null;
  if (!bytes) return (ctx.summary.skip("file", ctx.filesDir ? "missing file" : "no --files-dir given"), null);
  const sha256 = crypto.createHash("sha256").update(bytes).digest("hex");
  const keyHash = crypto.createHash("sha256").update(`patchesoft-file:${r.ID}:${sha256}`).digest("hex");
  const ext = extensionOf(name);
  const verdict = await checkFileType(name, bytes, ext ? [ext] : ["bin"]);
  const uid = int(r.userid);
  return {
    sourceId: String(r.ID),
    bytes,
    row: {
      ticketId: int(r.ticketid), messageId: ctx.replies.get(int(r.replyid)) ?? null, uploaderId: uid > 0 ? (ctx.users.get(uid) ?? null) : ticket.requesterId,
      fileName: sanitizeFileName(name, ext), contentType: verdict.ok ? verdict.contentType : "application/octet-stream", size: bytes.length, sha256,
      storageKey: `${keyHash.slice(0, 2)}/ps${keyHash.slice(2, 42)}`, createdAt: unixDate(int(r.timestamp)) ?? ticket.createdAt,
    },
  };
}

export async function importFiles(ctx: ImportContext): Promise<void> {
  await eachBatch(ctx, "ticket_files", "files", ctx.batchSize, async (rows) => {
    const planned = (await Promise.all(rows.map((r) => plan(ctx, r)))).filter((p): p is Loaded => p !== null);
    await inBatch(ctx, () =>
      reconcile(ctx, "file", planned, {
        async insert(ps) {
          const ids = ps.map(() => `c${crypto.randomBytes(12).toString("hex")}`);
          for (const p of ps as Loaded[]) await storage().put(p.row.storageKey, p.bytes);
          await insertRows(ctx.pg, "attachments", ["id", "ticket_id", "message_id", "uploader_id", "file_name", "content_type", "size", "sha256", "storage_key", "created_at"],
            ps.map((p, i) => [ids[i], p.row.ticketId, p.row.messageId, p.row.uploaderId, p.row.fileName, p.row.contentType, p.row.size, p.row.sha256, p.row.storageKey, p.row.createdAt]));
          return ids;
        },
        async update(id, p) {
          await storage().put(p.row.storageKey, (p as Loaded).bytes);
          await updateRow(ctx.pg, "attachments", id, { ticket_id: p.row.ticketId, message_id: p.row.messageId, file_name: p.row.fileName, content_type: p.row.contentType, size: p.row.size, sha256: p.row.sha256, storage_key: p.row.storageKey });
        },
      }),
    );
  });
}
