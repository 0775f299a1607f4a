// POST /api/uploads — the raw file as the body, its name in `X-File-Name` (server/http/uploads.ts).
import { uploadResponse } from "@/server/http/uploads";

export const dynamic = "force-dynamic";

export async function POST(req: Request) {
  return uploadResponse(req);
}
