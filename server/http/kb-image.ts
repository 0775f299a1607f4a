// GET /kb/images/<id>: an image of a help-centre article, for whoever may open the help
// centre (require login respected). Raster types only (checked at upload), never inline HTML.
import { actorFromHeaders } from "@/server/auth/actor";
import { DomainError } from "@/server/domain/errors";
import { readKbImage } from "@/server/services/kb/images";

export async function kbImageResponse(req: Request, id: string): Promise<Response> {
  try {
    const img = await readKbImage(await actorFromHeaders(req.headers), id);
    return new Response(new Uint8Array(img.data), {
      headers: {
        "Content-Type": img.contentType,
        "Content-Length": String(img.data.length),
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "default-src 'none'; sandbox",
        // the bytes behind an id never change
        "Cache-Control": img.publicCache ? "public, max-age=31536000, immutable" : "private, max-age=3600",
      },
    });
  } catch (e) {
    if (e instanceof DomainError) return new Response("Not found", { status: e.code === "UNAUTHORIZED" ? 401 : 404, headers: { "X-Content-Type-Options": "nosniff" } });
    throw e;
  }
}
