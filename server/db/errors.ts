// Recognising database errors without leaking them: callers map these to domain errors;
// anything else is logged with a request id and answered as INTERNAL_SERVER_ERROR.

type WithCode = { code?: string; meta?: Record<string, unknown>; cause?: unknown };

export function isUniqueViolation(e: unknown): boolean {
  const err = e as WithCode;
  return err?.code === "P2002" || err?.code === "23505" || (err?.cause as WithCode)?.code === "23505";
}

export function isNotFound(e: unknown): boolean {
  return (e as WithCode)?.code === "P2025";
}

/** A database that is down or unreachable: the UI shows a clear page instead of a crash. */
export function isConnectionError(e: unknown): boolean {
  const msg = String((e as Error)?.message ?? "");
  const code = (e as WithCode)?.code ?? (e as { cause?: WithCode })?.cause?.code;
  return code === "ECONNREFUSED" || code === "P1001" || code === "57P01" || /ECONNREFUSED|Can't reach database|terminating connection/i.test(msg);
}
