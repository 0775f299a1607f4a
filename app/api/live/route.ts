// GET /api/live — server-sent events of ticket changes and typing pings for staff (issue 16.5).
// The session cookie (or a Bearer token) decides who listens; see server/live/sse-stream.ts.
import { actorFromHeaders } from "@/server/auth/actor";
import { openLiveStream } from "@/server/live/sse-stream";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export async function GET(req: Request) {
  return openLiveStream(await actorFromHeaders(req.headers), req.signal);
}
