// GET /api/attachments/<id> — authorized on every request (canViewTicket; 404 for anyone
// else). Only safe raster images are shown inline; everything else is a download. Never
// served as HTML or SVG, always with nosniff and a sandboxing CSP (server/http/downloads.ts).
import { attachmentDownload } from "@/server/http/downloads";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return attachmentDownload(req, (await params).id);
}
