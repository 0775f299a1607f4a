// Images in articles: checked by content (raster formats only, never SVG), stored through the
// app's upload storage interface (server/platform/storage/storage.ts), served at
// /kb/images/<id> to whoever may open the help centre. Ids are 128-bit random
// (hex, like the keys of ticket uploads).
import crypto from "node:crypto";
import { db } from "@/server/db/client";
import type { Actor } from "@/server/domain/actor";
import { badRequest, DomainError, notFound } from "@/server/domain/errors";
import { canEditArticles } from "@/server/domain/kb/access";
import { checkFileType, sanitizeFileName } from "@/server/platform/storage/file-check";
import { storage } from "@/server/platform/storage/storage";
import { assertKbOpen, enforce } from "./kb-context";

export const KB_IMAGE_TYPES = ["png", "jpg", "jpeg", "gif", "webp"];
export const KB_IMAGE_MAX_BYTES = 10 * 1024 * 1024;

export async function uploadKbImage(actor: Actor, input: { fileName: string; data: Buffer }) {
  enforce(canEditArticles(actor));
  if (input.data.length === 0) throw badRequest("FILE_EMPTY");
  if (input.data.length > KB_IMAGE_MAX_BYTES) throw new DomainError("PAYLOAD_TOO_LARGE", "FILE_TOO_LARGE", undefined, { maxMb: 10 });
  const verdict = await checkFileType(input.fileName, input.data, KB_IMAGE_TYPES);
  if (!verdict.ok) throw badRequest(verdict.reason, { allowed: KB_IMAGE_TYPES });
  // the same key shape as ticket uploads, so any storage driver accepts it
  const id = crypto.randomBytes(16).toString("hex");
  const key = `${id.slice(0, 2)}/${id}`;
  const fileName = sanitizeFileName(input.fileName, verdict.ext);
  await storage().put(key, input.data);
  try {
    await db().kbImage.create({ data: { id, storageKey: key, fileName, contentType: verdict.contentType, size: input.data.length, uploaderId: actor.kind === "user" ? actor.userId : null } });
  } catch (e) {
    await storage().delete(key).catch(() => {});
    throw e;
  }
  const alt = fileName.replace(/\.[a-z0-9]+$/i, "").replace(/[[\]]/g, "");
  return { id, url: `/kb/images/${id}`, markdown: `![${alt}](/kb/images/${id})` };
}

export async function readKbImage(actor: Actor, id: string) {
  const s = await assertKbOpen(actor);
  if (!/^[A-Za-z0-9_-]{16,40}$/.test(id)) throw notFound();
  const img = await db().kbImage.findUnique({ where: { id } });
  if (!img) throw notFound();
  const data = await storage().get(img.storageKey);
  if (!data) throw notFound();
  return { contentType: img.contentType, data, publicCache: !s.requireLogin };
}
