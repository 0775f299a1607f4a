// GET /kb/images/<id>: an article's image (server/http/kb-image.ts decides who may read it).
import { kbImageResponse } from "@/server/http/kb-image";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return kbImageResponse(req, (await params).id);
}
