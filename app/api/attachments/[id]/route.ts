// GET /api/attachments/<id> — authorized on every request (canViewTicket; 404 for anyone
// else). Only safe raster images are shown inline; everything else is a download. Never
// served as HTML or SVG, always with nosniff and a sandboxing CSP.
import { actorFromHeaders } from "@/server/auth/actor";
import { DomainError } from "@/server/domain/errors";
import { readAttachment } from "@/server/services/uploads/read-attachment";
import { isSafeInlineImage } from "@/server/services/uploads/file-check";

export const dynamic = "force-dynamic";

function disposition(kind: "inline" | "attachment", name: string) {
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  try {
    const a = await readAttachment(await actorFromHeaders(req.headers), id);
    const inline = isSafeInlineImage(a.contentType);
    const type = inline || !/html|svg|xml|javascript/i.test(a.contentType) ? a.contentType : "application/octet-stream";
    return new Response(new Uint8Array(a.data), {
      headers: {
        "Content-Type": type,
        "Content-Length": String(a.data.length),
        "Content-Disposition": disposition(inline ? "inline" : "attachment", a.fileName),
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "default-src 'none'; sandbox",
        "Cache-Control": "private, no-store",
      },
    });
  } catch (e) {
    if (e instanceof DomainError && e.code === "NOT_FOUND") return new Response("Not found", { status: 404, headers: { "X-Content-Type-Options": "nosniff" } });
    throw e;
  }
}
