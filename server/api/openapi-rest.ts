// The REST face of the public contract (/api/v1/…, described by /api/openapi.json): each route
// maps to one tRPC procedure and calls it through a server-side caller, so validation,
// authorization and the domain's rules are the procedure's own. Only API tokens are accepted
// (`Authorization: Bearer`): no cookies means no CSRF surface, and the answer is plain JSON
// (dates as ISO strings) with errors a caller can switch on: { error: { code, reason, … } }.
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { ZodError } from "zod";
import { contract, type ContractProcedure } from "@/packages/client/src/contract";
import { DomainError } from "@/server/domain/errors";
import { isConnectionError } from "@/server/db/errors";
import { logger } from "@/server/logger";
import { createCaller } from "./root";
import { BodyTooLarge, readBodyCapped } from "./request-guards";
import { createContext } from "./trpc";
import { REST_PREFIX, jsonSchemaOf, pathParams } from "./openapi";

const MAX_BODY = 256 * 1024;

type Route = { trpcPath: string; proc: ContractProcedure; pattern: RegExp; params: string[]; query: Record<string, Record<string, unknown>> };
const ROUTES: Route[] = Object.entries(contract).map(([trpcPath, proc]: [string, ContractProcedure]) => ({
  trpcPath,
  proc,
  pattern: new RegExp(`^${REST_PREFIX}${proc.rest.path.replace(/\{\w+\}/g, "(\\d{1,9})")}/?$`),
  params: pathParams(proc.rest.path),
  // the JSON Schema of each query parameter, to coerce "50" / "true" as the input wants
  query: proc.rest.method === "GET" && proc.input ? ((jsonSchemaOf(proc.input, "input").properties ?? {}) as Record<string, Record<string, unknown>>) : {},
}));

class HttpError extends Error {
  constructor(readonly status: number, readonly code: string, readonly reason: string, message = reason) {
    super(message);
  }
}

const json = (status: number, body: unknown) => Response.json(body, { status, headers: { "cache-control": "no-store" } });
const errorBody = (code: string, reason: string | null, message: string, extra: Record<string, unknown> = {}) => ({ error: { code, reason, message, ...extra } });

/** A query-string value as the input schema wants it: numbers, booleans, ids in a union. */
function coerceQuery(value: string, schema: Record<string, unknown> | undefined): unknown {
  const types = [schema?.type, ...((schema?.anyOf as Array<{ type?: string }> | undefined) ?? []).map((s) => s.type)];
  if ((types.includes("integer") || types.includes("number")) && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (types.includes("boolean") && (value === "true" || value === "false")) return value === "true";
  return value;
}

async function inputOf(req: Request, route: Route, match: RegExpExecArray): Promise<unknown> {
  if (!route.proc.input) return undefined;
  const input: Record<string, unknown> = {};
  if (route.proc.rest.method === "GET") {
    for (const [k, v] of new URL(req.url).searchParams) input[k] = coerceQuery(v, route.query[k]);
  } else {
    // bounded by the declared length and by counting the streamed bytes (never read past MAX_BODY)
    const text = (await readBodyCapped(req, MAX_BODY).catch((e: unknown) => {
      throw e instanceof BodyTooLarge ? new HttpError(413, "PAYLOAD_TOO_LARGE", "BODY_TOO_LARGE") : e;
    })).toString("utf8");
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : {};
    } catch {
      throw new HttpError(400, "BAD_REQUEST", "INVALID_JSON", "The body is not JSON");
    }
    if (!body || typeof body !== "object" || Array.isArray(body)) throw new HttpError(400, "BAD_REQUEST", "INVALID_JSON", "The body must be a JSON object");
    Object.assign(input, body);
  }
  route.params.forEach((name, i) => (input[name] = Number(match[i + 1])));
  return input;
}

function errorResponse(e: unknown, requestId: string): Response {
  if (e instanceof HttpError) return json(e.status, errorBody(e.code, e.reason, e.message));
  const err = e instanceof TRPCError ? e : new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: e });
  const status = getHTTPStatusCodeFromError(err);
  const cause = err.cause;
  if (cause instanceof ZodError) {
    return json(status, errorBody(err.code, "INVALID_INPUT", "Invalid input", { requestId, fieldErrors: Object.fromEntries(cause.issues.map((i) => [i.path.join("."), i.message])) }));
  }
  if (err.code === "INTERNAL_SERVER_ERROR") {
    logger.error("REST procedure failed", { requestId, error: String(cause?.stack ?? err.stack ?? err.message) });
    return json(500, errorBody(err.code, isConnectionError(cause) ? "DATABASE_UNAVAILABLE" : "INTERNAL", `Internal error (request ${requestId})`, { requestId }));
  }
  const reason = cause instanceof DomainError ? cause.reason : err.message;
  return json(status, errorBody(err.code, reason, err.message, { requestId }));
}

/** Answers GET/POST /api/v1/… ; a path no route matches answers 404 NOT_FOUND / ROUTE_NOT_FOUND. */
export async function handleRestRequest(req: Request): Promise<Response> {
  const pathname = new URL(req.url).pathname;
  const candidates = ROUTES.map((r) => ({ r, m: r.pattern.exec(pathname) })).filter((x) => x.m);
  const hit = candidates.find((x) => x.r.proc.rest.method === req.method);
  if (!hit) {
    if (candidates.length) return json(405, errorBody("METHOD_NOT_SUPPORTED", "METHOD_NOT_ALLOWED", `Use ${candidates.map((x) => x.r.proc.rest.method).join(" or ")}`));
    return json(404, errorBody("NOT_FOUND", "ROUTE_NOT_FOUND", "No such API route (see /api/openapi.json)"));
  }
  if (!/^Bearer\s+\S+$/i.test(req.headers.get("authorization") ?? "")) {
    return json(401, errorBody("UNAUTHORIZED", "TOKEN_REQUIRED", "Send a staff API token: Authorization: Bearer hd_…"));
  }
  const ctx = await createContext({ headers: req.headers });
  if (ctx.actor.kind !== "user" || ctx.actor.via !== "token") {
    return json(401, errorBody("UNAUTHORIZED", "INVALID_TOKEN", "The API token is unknown, revoked, or its account is deactivated"));
  }
  try {
    const input = await inputOf(req, hit.r, hit.m!);
    const caller = createCaller(ctx) as unknown as Record<string, Record<string, (input: unknown) => Promise<unknown>>>;
    const [group, name] = hit.r.trpcPath.split(".") as [string, string];
    return json(200, await caller[group]![name]!(input));
  } catch (e) {
    return errorResponse(e, ctx.requestId);
  }
}
