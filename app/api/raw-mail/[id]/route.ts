// GET /api/raw-mail/<inbound mail id> — the raw .eml of a mail-born message, staff only,
// always a download (message/rfc822, nosniff, sandboxed), 404 for everyone else. Large mails
// (source kept as a file, inbound_mails.raw_key) are streamed (server/http/downloads.ts).
import { rawMailDownload } from "@/server/http/downloads";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return rawMailDownload(req, (await params).id);
}
