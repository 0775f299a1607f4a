// A JSON Schema (as z.toJSONSchema writes it) shown as a nested list of fields with their
// types and limits — enough to read /api/openapi.json without a third-party viewer.
export type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  description?: string;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  $ref?: string;
  additionalProperties?: Schema | boolean;
};

const SAFE_INT = 9007199254740991;

/** "string (date-time)", "integer", "\"me\" | \"any\" | integer", "array of object", … */
export function typeLabel(s: Schema): string {
  if (s.$ref) return s.$ref.split("/").pop() ?? "object";
  if (s.anyOf) return s.anyOf.map(typeLabel).join(" | ");
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (s.const !== undefined) return JSON.stringify(s.const);
  const types = Array.isArray(s.type) ? s.type : [s.type ?? "any"];
  return types.map((t) => (t === "array" && s.items ? `array of ${typeLabel(s.items)}` : t === "string" && s.format ? `string (${s.format})` : t)).join(" | ");
}

function limits(s: Schema): string[] {
  const out: string[] = [];
  if (s.minLength !== undefined) out.push(`≥ ${s.minLength} chars`);
  if (s.maxLength !== undefined) out.push(`≤ ${s.maxLength} chars`);
  if (s.minimum !== undefined && s.minimum > -SAFE_INT) out.push(`≥ ${s.minimum}`);
  if (s.maximum !== undefined && s.maximum < SAFE_INT) out.push(`≤ ${s.maximum}`);
  if (s.maxItems !== undefined) out.push(`≤ ${s.maxItems} items`);
  if (s.default !== undefined) out.push(`default ${JSON.stringify(s.default)}`);
  return out;
}

/** The object whose fields are listed: the schema itself, its array items, or a nullable object. */
function fieldsOf(s: Schema): Schema | null {
  if (s.properties) return s;
  if (s.items) return fieldsOf(s.items);
  const inner = s.anyOf?.find((x) => x.properties || x.items);
  return inner ? fieldsOf(inner) : null;
}

export function SchemaView({ schema, requiredLabel, depth = 0 }: { schema: Schema; requiredLabel: string; depth?: number }) {
  const obj = fieldsOf(schema);
  if (!obj?.properties) return <code className="font-mono text-xs text-ink-muted">{typeLabel(schema)}</code>;
  return (
    <ul className={depth ? "mt-1 ml-3 border-l border-line pl-3" : "space-y-1"}>
      {Object.entries(obj.properties).map(([name, p]) => (
        <li key={name} className="text-sm leading-6">
          <code className="font-mono font-medium text-ink">{name}</code>{" "}
          <code className="font-mono text-xs text-ink-muted">{typeLabel(p)}</code>
          {obj.required?.includes(name) ? <span className="ml-2 text-xs font-medium text-danger-700">{requiredLabel}</span> : null}
          {limits(p).length ? <span className="ml-2 text-xs text-ink-subtle">{limits(p).join(", ")}</span> : null}
          {p.description ? <p className="text-xs text-ink-muted">{p.description}</p> : null}
          {fieldsOf(p) && depth < 4 ? <SchemaView schema={p} requiredLabel={requiredLabel} depth={depth + 1} /> : null}
        </li>
      ))}
    </ul>
  );
}
