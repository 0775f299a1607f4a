// /api/openapi.json: an OpenAPI 3.1 document for the token-authenticated procedures the
// published client exposes, generated from the same zod schemas (packages/client/src/contract.ts)
// with zod 4's own z.toJSONSchema — the schemas the server validates outputs with, so the
// document cannot describe something else. Each procedure has a REST route under /api/v1
// (server/api/openapi-rest.ts) that calls the same procedure.
import { z } from "zod";
import { contract, type ContractProcedure } from "@/packages/client/src/contract";
import clientPackage from "@/packages/client/package.json";

export const REST_PREFIX = "/api/v1";

type JsonSchema = Record<string, unknown> & { properties?: Record<string, JsonSchema>; required?: string[] };

/** A zod schema as JSON Schema (2020-12, OpenAPI 3.1's dialect); Dates travel as ISO strings. */
export function jsonSchemaOf(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const s = z.toJSONSchema(schema, {
    io,
    unrepresentable: "any",
    override: (ctx) => {
      if (ctx.zodSchema._zod.def.type === "date") Object.assign(ctx.jsonSchema, { type: "string", format: "date-time" });
    },
  }) as JsonSchema;
  delete s.$schema;
  return s;
}

/** `{id}` path parameters of a REST path. */
export const pathParams = (path: string) => [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);

const errorSchema = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: { type: "string", description: "NOT_FOUND, FORBIDDEN, UNAUTHORIZED, CONFLICT, BAD_REQUEST, TOO_MANY_REQUESTS, PAYLOAD_TOO_LARGE, INTERNAL_SERVER_ERROR" },
        reason: { type: ["string", "null"], description: "the domain's reason, e.g. TICKET_NOT_FOUND, REPLIES_CLOSED, STALE_UPDATE, TOKEN_REQUIRED, INVALID_INPUT" },
        message: { type: "string" },
        requestId: { type: ["string", "null"] },
        fieldErrors: { type: ["object", "null"], additionalProperties: { type: "string" } },
      },
    },
  },
};

function parametersOf(p: ContractProcedure) {
  const params: Array<Record<string, unknown>> = pathParams(p.rest.path).map((name) => ({ name, in: "path", required: true, schema: { type: "integer", minimum: 1 } }));
  if (p.rest.method === "GET" && p.input) {
    const s = jsonSchemaOf(p.input, "input");
    for (const [name, schema] of Object.entries(s.properties ?? {})) {
      if (pathParams(p.rest.path).includes(name)) continue;
      params.push({ name, in: "query", required: s.required?.includes(name) ?? false, schema, ...(schema.description ? { description: schema.description } : {}) });
    }
  }
  return params;
}

function requestBodyOf(p: ContractProcedure) {
  if (p.rest.method !== "POST" || !p.input) return undefined;
  const s = jsonSchemaOf(p.input, "input");
  // path parameters come from the URL, not the body
  for (const name of pathParams(p.rest.path)) {
    delete s.properties?.[name];
    s.required = s.required?.filter((r) => r !== name);
  }
  return { required: true, content: { "application/json": { schema: s } } };
}

function operationOf(trpcPath: string, p: ContractProcedure) {
  const errors = (codes: number[]) => Object.fromEntries(codes.map((c) => [String(c), { $ref: `#/components/responses/Error` }]));
  return {
    operationId: trpcPath.replace(".", "_"),
    summary: p.rest.summary,
    description: `The tRPC procedure \`${trpcPath}\` (the TypeScript client calls it as \`hd.${trpcPath}.${p.type === "query" ? "query" : "mutate"}(…)\`).`,
    tags: [trpcPath.split(".")[0]],
    parameters: parametersOf(p),
    requestBody: requestBodyOf(p),
    responses: { "200": { description: "OK", content: { "application/json": { schema: jsonSchemaOf(p.output, "output") } } }, ...errors([400, 401, 403, 404, 409, 413, 429, 500]) },
  };
}

export function buildOpenApiDocument(appUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [trpcPath, p] of Object.entries(contract) as Array<[string, ContractProcedure]>) {
    const route = `${REST_PREFIX}${p.rest.path}`;
    paths[route] = { ...paths[route], [p.rest.method.toLowerCase()]: operationOf(trpcPath, p) };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Helpdesk API",
      version: clientPackage.version,
      description:
        "Token-authenticated procedures of the helpdesk. Authenticate with a staff API token: `Authorization: Bearer hd_…` " +
        "(`npm run helpdesk -- token:create --email STAFF`). Every route calls the same tRPC procedure as the TypeScript client " +
        "(`@helpdesk/client`), with the same authorization. Dates are ISO 8601 strings.",
    },
    servers: [{ url: appUrl.replace(/\/+$/, "") }],
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "a staff API token (hd_…)" } },
      schemas: { Error: errorSchema },
      responses: { Error: { description: "An error: switch on error.code and error.reason", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } } },
    },
  };
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;
