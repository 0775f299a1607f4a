// The tRPC transformer: superjson's wire format, with a fast path for the shapes our
// procedures answer (plain objects, arrays, strings, finite numbers, booleans, null, undefined,
// Dates). superjson's generic walker costs ~1.3 ms on a 50-row queue page — as much as the
// queue's SQL — while this walk costs about what JSON.stringify does. Anything else (Map, Set,
// bigint, NaN, -0, class instances, keys with "." or "\") goes to superjson itself, so the client
// (superjson.deserialize) always gets what superjson would have sent, minus referential
// equalities (shared sub-objects arrive as equal copies, which our procedures never rely on).
import superjson from "superjson";
import type { SuperJSONResult } from "superjson";

const FALLBACK = Symbol("fallback");

function isPlain(v: object): v is Record<string, unknown> {
  const p = Object.getPrototypeOf(v);
  return p === Object.prototype || p === null;
}

/** superjson.serialize, fast for plain data; identical output apart from referentialEqualities. */
export function serialize(value: unknown): SuperJSONResult {
  if (value === null || typeof value !== "object" || value instanceof Date) return superjson.serialize(value);
  const values: Record<string, [string]> = {};
  let special = false;
  // the path of the value being walked; joined only when a Date or undefined needs its marker
  const keys: Array<string | number> = [];
  const mark = (type: string) => {
    values[keys.join(".")] = [type];
    special = true;
  };
  const walk = (v: unknown): unknown => {
    switch (typeof v) {
      case "string":
      case "boolean":
        return v;
      case "number":
        if (!Number.isFinite(v) || Object.is(v, -0)) throw FALLBACK;
        return v;
      case "undefined":
        mark("undefined");
        return null;
      case "object": {
        if (v === null) return null;
        if (v instanceof Date) {
          if (Number.isNaN(v.getTime())) throw FALLBACK;
          mark("Date");
          return v.toISOString();
        }
        if (Array.isArray(v)) {
          const out = new Array<unknown>(v.length);
          for (let i = 0; i < v.length; i++) {
            keys.push(i);
            out[i] = walk(v[i]);
            keys.pop();
          }
          return out;
        }
        if (!isPlain(v)) throw FALLBACK;
        const out: Record<string, unknown> = {};
        for (const k of Object.keys(v)) {
          if (k.includes(".") || k.includes("\\") || k === "__proto__") throw FALLBACK;
          keys.push(k);
          out[k] = walk(v[k]);
          keys.pop();
        }
        return out;
      }
      default:
        throw FALLBACK;
    }
  };
  try {
    const json = walk(value) as SuperJSONResult["json"];
    return special ? { json, meta: { values, v: 1 } as SuperJSONResult["meta"] } : { json };
  } catch (e) {
    if (e === FALLBACK) return superjson.serialize(value);
    throw e;
  }
}

/** The server side of tRPC's transformer: superjson in, the fast path out. */
export const transformer = {
  input: superjson,
  output: { serialize, deserialize: superjson.deserialize.bind(superjson) },
};
