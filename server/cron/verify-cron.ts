// The one check in front of every cron URL: the CRON_SECRET as `Authorization: Bearer …` or
// `?token=…`, compared in constant time. Fails closed everywhere (no host or env exceptions).
import { secrets, safeEqual } from "@/server/secrets";

export function cronAuthorized(req: Request): boolean {
  const expected = secrets().CRON_SECRET;
  if (!expected) return false;
  const header = req.headers.get("authorization") ?? "";
  const bearer = /^Bearer\s+(.+)$/i.exec(header)?.[1]?.trim();
  const query = new URL(req.url).searchParams.get("token");
  const given = bearer ?? query;
  return typeof given === "string" && given.length > 0 && safeEqual(given, expected);
}

/** A 401 JSON response for refused cron calls (no hint of what was wrong). */
export function cronUnauthorized(): Response {
  return Response.json({ ok: false, error: "UNAUTHORIZED" }, { status: 401, headers: { "cache-control": "no-store" } });
}

/** Runs `job` when the request carries the cron secret; 401 otherwise. */
export async function withCronAuth(req: Request, job: () => Promise<unknown>): Promise<Response> {
  if (!cronAuthorized(req)) return cronUnauthorized();
  const result = await job();
  return Response.json({ ok: true, result }, { headers: { "cache-control": "no-store" } });
}
