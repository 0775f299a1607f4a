// Deciding what a file is: by its content (magic bytes, via file-type), never by its name.
// Plain text has no magic bytes, so .txt/.csv are accepted only when the bytes are text.
// HTML, SVG and XML are never accepted, whatever the settings list says.
import { fileTypeFromBuffer } from "file-type";

const NEVER = new Set(["html", "htm", "xhtml", "svg", "xml", "js", "mjs", "exe", "msi", "bat", "cmd", "sh", "php"]);
const OLE_EXT: Record<string, string> = { doc: "application/msword", xls: "application/vnd.ms-excel", ppt: "application/vnd.ms-powerpoint" };
const TEXT_MIME: Record<string, string> = { txt: "text/plain", csv: "text/csv" };
const SAFE_IMAGES = new Set(["image/png", "image/jpeg", "image/gif", "image/webp"]);

export type FileVerdict = { ok: true; ext: string; contentType: string } | { ok: false; reason: "FILE_TYPE_NOT_ALLOWED" };

const norm = (ext: string) => (ext === "jpeg" ? "jpg" : ext);

export function extensionOf(name: string): string {
  const m = /\.([A-Za-z0-9]{1,10})$/.exec(name);
  return m ? m[1]!.toLowerCase() : "";
}

function looksLikeText(b: Buffer): boolean {
  if (b.includes(0)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(b);
  } catch {
    return false;
  }
  const head = b.subarray(0, 512).toString("utf8").trimStart().toLowerCase();
  return !/^(<!doctype|<html|<svg|<\?xml|<script)/.test(head);
}

export async function checkFileType(name: string, data: Buffer, allowed: string[]): Promise<FileVerdict> {
  const allow = new Set(allowed.map((a) => norm(a.toLowerCase())).filter((a) => !NEVER.has(a)));
  const nameExt = norm(extensionOf(name));
  const found = await fileTypeFromBuffer(data);
  if (found) {
    if (found.ext === "cfb") {
      // an old Office file: the container does not say which one, the name decides
      return allow.has(nameExt) && OLE_EXT[nameExt] ? { ok: true, ext: nameExt, contentType: OLE_EXT[nameExt]! } : { ok: false, reason: "FILE_TYPE_NOT_ALLOWED" };
    }
    const ext = norm(found.ext);
    if (NEVER.has(ext) || !allow.has(ext) || /html|svg|xml|javascript/.test(found.mime)) return { ok: false, reason: "FILE_TYPE_NOT_ALLOWED" };
    return { ok: true, ext, contentType: found.mime };
  }
  if (TEXT_MIME[nameExt] && allow.has(nameExt) && looksLikeText(data)) return { ok: true, ext: nameExt, contentType: TEXT_MIME[nameExt]! };
  return { ok: false, reason: "FILE_TYPE_NOT_ALLOWED" };
}

/** Raster images a browser may show inline; everything else is downloaded. */
export function isSafeInlineImage(contentType: string): boolean {
  return SAFE_IMAGES.has(contentType.toLowerCase());
}

/** A file name safe to store and to put in a header: no path, no control, bidi/invisible or reserved characters. */
export function sanitizeFileName(raw: string, ext?: string): string {
  let base = (raw.split(/[\\/]/).pop() ?? "").normalize("NFC");
  // control characters, and the invisible format characters (bidi overrides such as U+202E,
  // zero-width characters, BOM) that make "invoice\u202Efdp.exe" display as "invoiceexe.pdf"
  base = [...base].map((c) => (/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u.test(c) ? "_" : c)).join("");
  base = base.replace(/[<>:"|?*;]/g, "_").replace(/\s+/g, " ").trim().replace(/^[.\s]+|[.\s]+$/g, "");
  if (!base) base = "file";
  let stem = base;
  let current = extensionOf(base);
  if (current) stem = base.slice(0, -(current.length + 1)) || "file";
  if (ext && norm(current) !== norm(ext)) current = ext;
  stem = [...stem].slice(0, 120).join("");
  return current ? `${stem}.${current}` : stem;
}
