// GET /api/raw-mail/<inbound mail id> — the raw .eml of a mail-born message, staff only,
// always a download (message/rfc822, nosniff, sandboxed), 404 for everyone else. Large mails
// (source kept as a file, inbound_mails.raw_key) are streamed.
import { Readable } from "node:stream";
import { actorFromHeaders } from "@/server/auth/actor";
import { DomainError } from "@/server/domain/errors";
import { readRawMail } from "@/server/services/mail-raw/read-raw-mail";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  try {
    const m = await readRawMail(await actorFromHeaders(req.headers), Number(id));
    // a large mail's source is streamed from its file, never read whole into memory
    const body = m.stream ? (Readable.toWeb(m.stream) as ReadableStream<Uint8Array>) : new Uint8Array(m.data!);
    return new Response(body, {
      headers: {
        "Content-Type": "message/rfc822",
        "Content-Length": String(m.size),
        "Content-Disposition": `attachment; filename="${m.fileName}"`,
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
