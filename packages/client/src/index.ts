// @helpdesk/client: call the helpdesk's API from another program with a staff API token.
// A thin layer over tRPC's client (bundled into this package, with superjson — no runtime
// dependencies): per-attempt timeouts, retries for reads, and one error class to switch on.
import { createTRPCUntypedClient, httpLink, retryLink, TRPCClientError } from "@trpc/client";
import type { AnyRouter } from "@trpc/server";
import superjson from "superjson";
import type { CallOptions, HelpdeskApi, Mutation, Query } from "./api-shape.js";

export type { CallOptions, HelpdeskApi, Mutation, Query };

export type HelpdeskClientOptions = {
  /** Abort one attempt after this many milliseconds (default 15000); the error's code is "TIMEOUT". */
  timeoutMs?: number;
  /** Extra attempts for reads (queries) that failed on the way — network error, timeout, 502/503/504, database down. Default 2; writes are never retried. */
  retries?: number;
  /** Wait before retry number `attempt` (1, 2, …). Default 300 ms doubling, at most 5 s. */
  retryDelayMs?: (attempt: number) => number;
  /** Another fetch (a proxy agent, a test double). Default: the global fetch. */
  fetch?: typeof fetch;
  /** Extra request headers. */
  headers?: Record<string, string>;
};

/** What went wrong, as a caller switches on it: tRPC's code, plus TIMEOUT / NETWORK_ERROR / ABORTED from this client. */
export type HelpdeskErrorCode =
  | "BAD_REQUEST" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND" | "METHOD_NOT_SUPPORTED" | "CONFLICT" | "PRECONDITION_FAILED"
  | "PAYLOAD_TOO_LARGE" | "UNPROCESSABLE_CONTENT" | "TOO_MANY_REQUESTS" | "INTERNAL_SERVER_ERROR" | "BAD_GATEWAY"
  | "SERVICE_UNAVAILABLE" | "GATEWAY_TIMEOUT" | "TIMEOUT" | "NETWORK_ERROR" | "ABORTED";

/** The domain's reason, e.g. TICKET_NOT_FOUND, REPLIES_CLOSED, STALE_UPDATE, STAFF_ONLY, LOGIN_REQUIRED, INVALID_INPUT. */
export type HelpdeskErrorReason =
  | "TICKET_NOT_FOUND" | "REPLIES_CLOSED" | "STALE_UPDATE" | "STAFF_ONLY" | "ADMIN_ONLY" | "LOGIN_REQUIRED" | "NOT_OWNER"
  | "INVALID_INPUT" | "DATABASE_UNAVAILABLE" | "INTERNAL" | (string & {});

const HTTP_CODES: Record<number, HelpdeskErrorCode> = {
  400: "BAD_REQUEST", 401: "UNAUTHORIZED", 403: "FORBIDDEN", 404: "NOT_FOUND", 405: "METHOD_NOT_SUPPORTED", 408: "TIMEOUT", 409: "CONFLICT",
  412: "PRECONDITION_FAILED", 413: "PAYLOAD_TOO_LARGE", 422: "UNPROCESSABLE_CONTENT", 429: "TOO_MANY_REQUESTS", 502: "BAD_GATEWAY",
  503: "SERVICE_UNAVAILABLE", 504: "GATEWAY_TIMEOUT",
};

export class HelpdeskError extends Error {
  override readonly name = "HelpdeskError";
  constructor(
    message: string,
    readonly code: HelpdeskErrorCode,
    /** the domain's reason code, null when the server gave none (or never answered) */
    readonly reason: HelpdeskErrorReason | null,
    /** the procedure, e.g. "ticket.reply" */
    readonly path: string,
    readonly httpStatus: number | null,
    /** quote it when reporting a server error: the server logged the details under it */
    readonly requestId: string | null,
    /** for INVALID_INPUT: the message code per field, e.g. { title: "TOO_SHORT" } */
    readonly fieldErrors: Record<string, string> | null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

type ErrorData = { code?: string; httpStatus?: number; reason?: string | null; requestId?: string; fieldErrors?: Record<string, string> | null };

function causeCode(cause: unknown, userSignal: AbortSignal | undefined): HelpdeskErrorCode {
  if (userSignal?.aborted) return "ABORTED";
  const name = cause instanceof Error ? cause.name : "";
  return name === "TimeoutError" || name === "AbortError" ? "TIMEOUT" : "NETWORK_ERROR";
}

function toHelpdeskError(e: unknown, path: string, signal?: AbortSignal): HelpdeskError {
  if (!(e instanceof TRPCClientError)) return new HelpdeskError(String(e), causeCode(e, signal), null, path, null, null, null, { cause: e });
  const data = (e.data ?? null) as ErrorData | null;
  const response = (e.meta as { response?: { status?: number } } | undefined)?.response;
  const status = data?.httpStatus ?? response?.status ?? null;
  const code = (data?.code as HelpdeskErrorCode | undefined) ?? (status ? (HTTP_CODES[status] ?? "INTERNAL_SERVER_ERROR") : causeCode(e.cause, signal));
  return new HelpdeskError(e.message, code, data?.reason ?? null, path, status, data?.requestId ?? null, data?.fieldErrors ?? null, { cause: e });
}

const TRANSIENT = new Set<HelpdeskErrorCode>(["TIMEOUT", "NETWORK_ERROR", "BAD_GATEWAY", "SERVICE_UNAVAILABLE", "GATEWAY_TIMEOUT"]);
/** Worth another attempt: the request may never have reached the procedure, or the database was down. */
export function isTransient(err: HelpdeskError): boolean {
  return TRANSIENT.has(err.code) || err.reason === "DATABASE_UNAVAILABLE";
}

function timedFetch(base: typeof fetch, timeoutMs: number): typeof fetch {
  return (url, init) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    return base(url, { ...init, signal });
  };
}

// which procedures exist and how each is called; the type keeps it in step with HelpdeskApi
type Kinds = { [G in keyof HelpdeskApi]: { [P in keyof HelpdeskApi[G]]: HelpdeskApi[G][P] extends Query<never, unknown> ? "query" : "mutation" } };
const KINDS: Kinds = {
  ticket: { list: "query", byId: "query", create: "mutation", reply: "mutation", addNote: "mutation", setStatus: "mutation", setPriority: "mutation", setFields: "mutation" },
  meta: { categories: "query", statuses: "query", priorities: "query", customFields: "query" },
};

/**
 * A typed client for the helpdesk at `baseUrl` acting as the staff account of `token`
 * (`npm run helpdesk -- token:create --email STAFF`). Every call returns a promise that rejects
 * with a HelpdeskError.
 */
export function createHelpdeskClient(baseUrl: string | URL, token: string, opts: HelpdeskClientOptions = {}): HelpdeskApi {
  const retries = Math.max(0, opts.retries ?? 2);
  const delay = opts.retryDelayMs ?? ((attempt: number) => Math.min(300 * 2 ** (attempt - 1), 5000));
  const raw = createTRPCUntypedClient<AnyRouter>({
    links: [
      retryLink({
        retry: ({ op, error, attempts }) => op.type === "query" && attempts <= retries && isTransient(toHelpdeskError(error, op.path, op.signal ?? undefined)),
        retryDelayMs: delay,
      }),
      httpLink({
        url: new URL("/api/trpc", baseUrl).toString(),
        transformer: superjson,
        fetch: timedFetch(opts.fetch ?? globalThis.fetch, opts.timeoutMs ?? 15_000),
        // x-helpdesk-request marks a program's call (not a browser form) for the server's CSRF check (server/api/request-guards.ts)
        headers: () => ({ ...opts.headers, authorization: `Bearer ${token}`, "x-helpdesk-request": "1" }),
      }),
    ],
  });
  const client: Record<string, Record<string, unknown>> = {};
  for (const [group, procs] of Object.entries(KINDS)) {
    client[group] = {};
    for (const [name, kind] of Object.entries(procs)) {
      const path = `${group}.${name}`;
      const run = (input: unknown, o?: CallOptions) =>
        (kind === "query" ? raw.query(path, input, { signal: o?.signal }) : raw.mutation(path, input, { signal: o?.signal })).catch((e: unknown) => {
          throw toHelpdeskError(e, path, o?.signal);
        });
      client[group][name] = kind === "query" ? { query: run } : { mutate: run };
    }
  }
  return client as unknown as HelpdeskApi;
}
