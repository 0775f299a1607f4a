// The one way a route handler answers with a stored file (app/api/attachments/[id],
// app/api/raw-mail/[id]): the same hardening headers on every download (nosniff, a sandboxing
// CSP, never cached by shared caches), a filename that cannot break the header, and NOT_FOUND
// from the service answered as a bare 404 — for a file that is gone and for one the caller may
// not see alike.
import { Readable } from "node:stream";
import { DomainError } from "@/server/domain/errors";

export type FileDownload = {
  contentType: string;
  fileName: string;
  size: number;
  inline?: boolean;
  /** the bytes, or a stream for large files (never read whole into memory) */
  body: Buffer | Readable;
};

/** `inline|attachment; filename="<ascii>"; filename*=UTF-8''<utf-8>` (RFC 6266): no quote, backslash or CR/LF gets through */
export function contentDisposition(kind: "inline" | "attachment", name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function fileResponse(f: FileDownload): Response {
  const body = f.body instanceof Readable ? (Readable.toWeb(f.body) as ReadableStream<Uint8Array>) : new Uint8Array(f.body);
  return new Response(body, {
    headers: {
      "Content-Type": f.contentType,
      "Content-Length": String(f.size),
      "Content-Disposition": contentDisposition(f.inline ? "inline" : "attachment", f.fileName),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cache-Control": "private, no-store",
    },
  });
}

/** Runs `load` and answers with its file; a NOT_FOUND from below is a 404, anything else rethrows. */
export async function downloadRoute(load: () => Promise<FileDownload>): Promise<Response> {
  try {
    return fileResponse(await load());
  } catch (e) {
    if (e instanceof DomainError && e.code === "NOT_FOUND") return new Response("Not found", { status: 404, headers: { "X-Content-Type-Options": "nosniff" } });
    throw e;
  }
}
