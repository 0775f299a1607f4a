// POST /api/uploads — the raw file as the body, its name in `X-File-Name` (URI-encoded).
// Answers { id, fileName, size, contentType }; the id goes into ticket.create / ticket.reply.
// The custom header forces a CORS preflight, so another site cannot post files as the user.
import { actorFromHeaders } from "@/server/auth/actor";
import { DomainError } from "@/server/domain/errors";
import { logger } from "@/server/logger";
import { admitUpload, tooLarge, uploadFile } from "@/server/services/uploads/upload-file";
import { BodyTooLarge, readBodyCapped } from "@/server/api/request-guards";

const STATUS: Record<DomainError["code"], number> = {
  BAD_REQUEST: 400, UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, PAYLOAD_TOO_LARGE: 413, TOO_MANY_REQUESTS: 429,
};

async function readCapped(req: Request, maxBytes: number): Promise<Buffer> {
  try {
    return await readBodyCapped(req, maxBytes);
  } catch (e) {
    throw e instanceof BodyTooLarge ? tooLarge(maxBytes) : e;
  }
}

export async function uploadResponse(req: Request): Promise<Response> {
  try {
    const rawName = req.headers.get("x-file-name");
    if (!rawName) return Response.json({ error: { reason: "INVALID_INPUT" } }, { status: 400 });
    let fileName: string;
    try {
      fileName = decodeURIComponent(rawName).slice(0, 255);
    } catch {
      return Response.json({ error: { reason: "INVALID_INPUT" } }, { status: 400 });
    }
    const actor = await actorFromHeaders(req.headers);
    // policy, rate limit and quota before a byte of the body is read
    const admitted = await admitUpload(actor);
    const data = await readCapped(req, admitted.maxBytes);
    const row = await uploadFile(actor, { fileName, data }, admitted);
    return Response.json(row, { status: 201 });
  } catch (e) {
    if (e instanceof DomainError) {
      return Response.json({ error: { reason: e.reason, details: e.details ?? null } }, { status: STATUS[e.code] });
    }
    const requestId = crypto.randomUUID();
    logger.error("upload failed", { requestId, error: String((e as Error)?.stack ?? e) });
    return Response.json({ error: { reason: "INTERNAL", requestId } }, { status: 500 });
  }
}
