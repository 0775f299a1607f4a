// tRPC plumbing: context (actor from session / API token / guest link), the four procedure
// kinds, and the one place where domain errors become TRPCErrors. Unexpected errors are
// logged with a request id and answered without their message (ASVS 5.0 V16.5.1).
import { initTRPC, TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import crypto from "node:crypto";
import type { Actor } from "@/server/domain/actor";
import { isStaff, isAdmin } from "@/server/domain/actor";
import { DomainError } from "@/server/domain/errors";
import { readingPrimary } from "@/server/db/replica";
import { actorFromHeaders } from "@/server/auth/actor";
import { logger } from "@/server/logger";
import { isConnectionError } from "@/server/db/errors";
import { transformer } from "./transformer";

export type Context = { actor: Actor; requestId: string; headers: Headers };

/** `actor`: when the route already resolved it (to pick the body limit), it is not looked up twice. */
export async function createContext(opts: { headers: Headers; actor?: Actor }): Promise<Context> {
  return { actor: opts.actor ?? (await actorFromHeaders(opts.headers)), requestId: crypto.randomUUID(), headers: opts.headers };
}

/** For tests, the CLI's API checks and the authorization matrix: a context for a given actor. */
export function contextFor(actor: Actor): Context {
  return { actor, requestId: crypto.randomUUID(), headers: new Headers() };
}

const CODE: Record<DomainError["code"], TRPCError["code"]> = {
  NOT_FOUND: "NOT_FOUND",
  FORBIDDEN: "FORBIDDEN",
  UNAUTHORIZED: "UNAUTHORIZED",
  CONFLICT: "CONFLICT",
  BAD_REQUEST: "BAD_REQUEST",
  TOO_MANY_REQUESTS: "TOO_MANY_REQUESTS",
  PAYLOAD_TOO_LARGE: "PAYLOAD_TOO_LARGE",
};

const t = initTRPC.context<Context>().create({
  transformer,
  errorFormatter({ shape, error, ctx }) {
    const cause = error.cause;
    const domain = cause instanceof DomainError ? cause : null;
    const zod = cause instanceof ZodError ? cause : null;
    const internal = error.code === "INTERNAL_SERVER_ERROR";
    if (internal) {
      logger.error("procedure failed", { requestId: ctx?.requestId, path: shape.data.path, error: String(cause?.stack ?? error.stack ?? error.message) });
    }
    return {
      message: internal ? `Internal error (request ${ctx?.requestId ?? "?"})` : zod ? "Invalid input" : error.message,
      code: shape.code,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        requestId: ctx?.requestId,
        reason: domain?.reason ?? (zod ? "INVALID_INPUT" : internal ? (isConnectionError(cause) ? "DATABASE_UNAVAILABLE" : "INTERNAL") : null),
        details: domain?.details ?? null,
        fieldErrors: zod ? Object.fromEntries(zod.issues.map((i) => [i.path.join("."), i.message])) : null,
      },
    };
  },
});

const mapDomainErrors = t.middleware(async ({ next }) => {
  const res = await next();
  if (!res.ok && res.error.cause instanceof DomainError) {
    const d = res.error.cause;
    throw new TRPCError({ code: CODE[d.code], message: d.message, cause: d });
  }
  return res;
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
export const mergeRouters = t.mergeRouters;

/** A read-scoped API token may call queries only (issue 14.7); every mutation refuses it. */
const tokenScope = t.middleware(({ ctx, type, next }) => {
  if (type !== "query" && ctx.actor.kind === "user" && ctx.actor.via === "token" && ctx.actor.tokenScope === "read") {
    throw new TRPCError({ code: "FORBIDDEN", message: "READ_ONLY_TOKEN", cause: new DomainError("FORBIDDEN", "READ_ONLY_TOKEN") });
  }
  return next();
});

/** A mutation, and every read after its writes, reads the primary (server/db/replica.ts). */
const primaryForWrites = t.middleware(({ type, next }) => (type === "mutation" ? readingPrimary(next) : next()));

export const publicProcedure = t.procedure.use(mapDomainErrors).use(tokenScope).use(primaryForWrites);

/** A signed-in user (customer or staff). */
export const clientProcedure = publicProcedure.use(({ ctx, next }) => {
  if (ctx.actor.kind !== "user") throw new TRPCError({ code: "UNAUTHORIZED", message: "LOGIN_REQUIRED", cause: new DomainError("UNAUTHORIZED", "LOGIN_REQUIRED") });
  return next({ ctx: { ...ctx, actor: ctx.actor } });
});

export const staffProcedure = clientProcedure.use(({ ctx, next }) => {
  if (!isStaff(ctx.actor)) throw new TRPCError({ code: "FORBIDDEN", message: "STAFF_ONLY", cause: new DomainError("FORBIDDEN", "STAFF_ONLY") });
  return next({ ctx });
});

export const adminProcedure = clientProcedure.use(({ ctx, next }) => {
  if (!isAdmin(ctx.actor)) throw new TRPCError({ code: "FORBIDDEN", message: "ADMIN_ONLY", cause: new DomainError("FORBIDDEN", "ADMIN_ONLY") });
  return next({ ctx });
});
