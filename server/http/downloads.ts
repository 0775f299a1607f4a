// The two download use cases behind their routes: who may read what is decided in the services
// (readAttachment: canViewTicket; readRawMail: staff only); this file maps them onto a FileDownload.
import { actorFromHeaders } from "@/server/auth/actor";
import { readAttachment } from "@/server/services/uploads/read-attachment";
import { readRawMail } from "@/server/services/mail-raw/read-raw-mail";
import { isSafeInlineImage } from "@/server/platform/storage/file-check";
import { downloadRoute } from "./file-download";

/** GET /api/attachments/<id>: only safe raster images inline; HTML, SVG, XML and scripts never served as such */
export function attachmentDownload(req: Request, id: string): Promise<Response> {
  return downloadRoute(async () => {
    const a = await readAttachment(await actorFromHeaders(req.headers), id);
    const inline = isSafeInlineImage(a.contentType);
    const type = inline || !/html|svg|xml|javascript/i.test(a.contentType) ? a.contentType : "application/octet-stream";
    return { contentType: type, fileName: a.fileName, size: a.data.length, inline, body: a.data };
  });
}

/** GET /api/raw-mail/<inbound mail id>: the .eml, always a download; large sources streamed from their file */
export function rawMailDownload(req: Request, id: string): Promise<Response> {
  return downloadRoute(async () => {
    const m = await readRawMail(await actorFromHeaders(req.headers), Number(id));
    return { contentType: "message/rfc822", fileName: m.fileName, size: m.size, body: m.stream ?? m.data! };
  });
}
