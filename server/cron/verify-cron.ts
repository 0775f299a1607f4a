// The one check in front of every cron URL: the CRON_SECRET as `Authorization: Bearer …` or
// `?token=…`, compared in constant time. Fails closed everywhere (no host or env exceptions).
import { secrets, safeEqual } from "@/server/secrets";
import { logger } from "@/server/logger";
import { MailboxError } from "@/server/mail/ingest/mailbox-types";

export function cronAuthorized(req: Request): boolean {
  const expected = secrets().CRON_SECRET;
  if (!expected) return false;
  const header = req.headers.get("authorization") ?? "";
  const bearer = /^Bearer\s+(.+)$/i.exec(header)?.[1]?.trim();
  const query = new URL(req.url).searchParams.get("token");
  const given = bearer ?? query;
  return typeof given === "string" && given.length > 0 && safeEqual(given, expected);
}

const json = (body: unknown, status = 200) => Response.json(body, { status, headers: { "cache-control": "no-store" } });

/** A 401 JSON response for refused cron calls (no hint of what was wrong). */
export function cronUnauthorized(): Response {
  return json({ ok: false, error: "UNAUTHORIZED" }, 401);
}

/**
 * Runs `run` when the request carries the cron secret; 401 otherwise. Every cron URL answers in
 * this one shape (./cron-route.ts):
 *   200 { ok: true, job, result }                               the job's summary
 *   401 { ok: false, error: "UNAUTHORIZED" }                    nothing ran
 *   502 { ok: false, job, error: <MailboxErrorCode>, message }  the mailbox refused (mail jobs)
 *   500 { ok: false, job, error: "INTERNAL" }                   anything else (logged, never echoed)
 */
export async function withCronAuth(req: Request, run: () => Promise<unknown>, job?: string): Promise<Response> {
  if (!cronAuthorized(req)) return cronUnauthorized();
  try {
    return json({ ok: true, job, result: await run() });
  } catch (e) {
    if (e instanceof MailboxError) {
      logger.error("cron job failed", { job, code: e.code, error: e.message });
      return json({ ok: false, job, error: e.code, message: e.message }, 502);
    }
    logger.error("cron job failed", { job, code: "INTERNAL", error: String((e as Error)?.message ?? e) });
    return json({ ok: false, job, error: "INTERNAL" }, 500);
  }
}
