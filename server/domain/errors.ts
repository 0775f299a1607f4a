// Errors thrown below the API with a stable code; converted to TRPCError in one place
// (server/api/trpc.ts). `reason` is a machine code the UI translates (e.g. REPLIES_CLOSED).

export type DomainErrorCode = "NOT_FOUND" | "FORBIDDEN" | "UNAUTHORIZED" | "CONFLICT" | "BAD_REQUEST" | "TOO_MANY_REQUESTS" | "PAYLOAD_TOO_LARGE";

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    readonly reason: string,
    message?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message ?? reason);
    this.name = "DomainError";
  }
}

export const notFound = (what = "NOT_FOUND") => new DomainError("NOT_FOUND", what);
export const forbidden = (reason: string) => new DomainError("FORBIDDEN", reason);
export const conflict = (reason = "STALE_UPDATE", message?: string) => new DomainError("CONFLICT", reason, message);
export const badRequest = (reason: string, details?: Record<string, unknown>) => new DomainError("BAD_REQUEST", reason, reason, details);
