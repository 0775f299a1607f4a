// The published client's contract (packages/client/src/contract.ts) against the real router:
// every exposed procedure exists with the same kind, validates its output with the contract's
// schema, and takes the same input (compared as JSON Schema, so limits and formats count, not
// only types). Plus the OpenAPI document built from it. The type assertions are checked by tsc.
import { describe, expect, expectTypeOf, test } from "vitest";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { contract, type ContractProcedure } from "@/packages/client/src/contract";
import type { HelpdeskRouter } from "@/packages/client/src/router";
import type { PolicyReason } from "@/server/domain/tickets/policies";
import { appRouter, type AppRouter } from "./root";
import { buildOpenApiDocument, jsonSchemaOf, REST_PREFIX } from "./openapi";

type ProcDef = { type: string; inputs: Array<Parameters<typeof jsonSchemaOf>[0]>; output?: unknown };
const procedures = appRouter._def.procedures as unknown as Record<string, { _def: ProcDef }>;
const entries = Object.entries(contract) as Array<[string, ContractProcedure]>;

/** JSON Schema minus documentation: the contract documents, the router need not. */
function withoutDescriptions<T>(v: T): T {
  if (Array.isArray(v)) return v.map(withoutDescriptions) as T;
  if (!v || typeof v !== "object") return v;
  return Object.fromEntries(Object.entries(v).filter(([k]) => k !== "description").map(([k, x]) => [k, withoutDescriptions(x)])) as T;
}

describe("the client's contract matches the server's procedures", () => {
  test.each(entries)("%s", (path, c) => {
    const def = procedures[path]?._def;
    expect(def, `${path} is not a procedure of appRouter`).toBeDefined();
    expect(def!.type).toBe(c.type);
    expect(def!.output, `${path} must validate its output with the contract's schema`).toBe(c.output);
    if (!c.input) {
      expect(def!.inputs).toHaveLength(0);
      return;
    }
    expect(def!.inputs).toHaveLength(1);
    const server = withoutDescriptions(jsonSchemaOf(def!.inputs[0]!, "input"));
    const mine = withoutDescriptions(jsonSchemaOf(c.input, "input"));
    const keys = Object.keys(mine.properties ?? {});
    // the server may take more (guest fields of ticket.create), never require more
    expect(server.required ?? []).toEqual((server.required ?? []).filter((k) => keys.includes(k)));
    const restricted = { ...server, properties: Object.fromEntries(keys.map((k) => [k, server.properties?.[k]])), required: mine.required };
    expect(mine).toEqual(restricted);
  });

  test("types: the server accepts every contract input and returns exactly the contract's outputs", () => {
    type SIn = inferRouterInputs<AppRouter>;
    type SOut = inferRouterOutputs<AppRouter>;
    type CIn = inferRouterInputs<HelpdeskRouter>;
    type COut = inferRouterOutputs<HelpdeskRouter>;
    expectTypeOf<CIn["ticket"]["list"]>().toExtend<SIn["ticket"]["list"]>();
    expectTypeOf<CIn["ticket"]["create"]>().toExtend<SIn["ticket"]["create"]>();
    expectTypeOf<CIn["ticket"]["reply"]>().toEqualTypeOf<SIn["ticket"]["reply"]>();
    expectTypeOf<CIn["ticket"]["byId"]>().toEqualTypeOf<SIn["ticket"]["byId"]>();
    expectTypeOf<CIn["ticket"]["addNote"]>().toEqualTypeOf<SIn["ticket"]["addNote"]>();
    expectTypeOf<CIn["ticket"]["setStatus"]>().toEqualTypeOf<SIn["ticket"]["setStatus"]>();
    expectTypeOf<COut["ticket"]>().toEqualTypeOf<Pick<SOut["ticket"], keyof COut["ticket"]>>();
    expectTypeOf<COut["meta"]>().toEqualTypeOf<Pick<SOut["meta"], keyof COut["meta"]>>();
    expectTypeOf<NonNullable<COut["ticket"]["byId"]["permissions"]["replyBlockedReason"]>>().toEqualTypeOf<PolicyReason>();
  });
});

describe("the OpenAPI document", () => {
  const doc = buildOpenApiDocument("https://support.example.test/");
  const ops = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op: op as Record<string, unknown> })));

  test("is OpenAPI 3.1 with one operation per contract procedure, bearer-authenticated", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.servers).toEqual([{ url: "https://support.example.test" }]);
    expect(doc.security).toEqual([{ bearer: [] }]);
    expect(ops.map((o) => o.op.operationId).sort()).toEqual(entries.map(([p]) => p.replace(".", "_")).sort());
    for (const [, c] of entries) expect(doc.paths[`${REST_PREFIX}${c.rest.path}`]).toHaveProperty(c.rest.method.toLowerCase());
  });

  test("dates are date-time strings; path parameters are not repeated in the body", () => {
    const list = doc.paths["/api/v1/tickets"]!.get as { responses: { "200": { content: { "application/json": { schema: { properties: { items: { items: { properties: Record<string, unknown> } } } } } } } } };
    expect(list.responses["200"].content["application/json"].schema.properties.items.items.properties.createdAt).toEqual({ type: "string", format: "date-time" });
    const reply = doc.paths["/api/v1/tickets/{ticketId}/replies"]!.post as { parameters: Array<{ name: string; in: string }>; requestBody: { content: { "application/json": { schema: { properties: Record<string, unknown>; required: string[] } } } } };
    expect(reply.parameters).toEqual([expect.objectContaining({ name: "ticketId", in: "path" })]);
    expect(Object.keys(reply.requestBody.content["application/json"].schema.properties).sort()).toEqual(["attachmentIds", "body", "version"]);
    expect(reply.requestBody.content["application/json"].schema.required).toEqual(["body"]); // version: optional for API callers (issue 16.5)
  });

  test("GET inputs become query parameters", () => {
    const list = doc.paths["/api/v1/tickets"]!.get as { parameters: Array<{ name: string; in: string; required: boolean }> };
    expect(list.parameters.map((p) => p.name)).toEqual(expect.arrayContaining(["cursor", "limit", "search", "assignee", "from", "to"]));
    expect(list.parameters.every((p) => p.in === "query" && !p.required)).toBe(true);
  });
});
