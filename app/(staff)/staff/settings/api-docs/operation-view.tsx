// One operation of the OpenAPI document: method and path, parameters, request body, response.
import { Card, CardContent, CardHeader } from "@/app/_components/ui/card";
import { SchemaView, typeLabel, type Schema } from "./schema-view";

export type Operation = {
  operationId: string;
  summary: string;
  description: string;
  parameters: Array<{ name: string; in: string; required: boolean; schema: Schema; description?: string }>;
  requestBody?: { content: { "application/json": { schema: Schema } } };
  responses: Record<string, { content?: { "application/json": { schema: Schema } }; $ref?: string }>;
};

export type OperationLabels = { parameters: string; body: string; response: string; errors: string; required: string; inPath: string; inQuery: string };

/** `code` spans of the document's Markdown-ish text as <code>. */
const withCode = (text: string) => text.split("`").map((part, i) => (i % 2 ? <code key={i} className="font-mono">{part}</code> : part));

const METHOD_STYLE: Record<string, string> = { GET: "bg-info-50 text-info-700 border-info-200", POST: "bg-success-50 text-success-700 border-success-200" };

export function OperationView({ method, path, op, labels }: { method: string; path: string; op: Operation; labels: OperationLabels }) {
  const ok = op.responses["200"]?.content?.["application/json"].schema;
  const errors = Object.keys(op.responses).filter((c) => c !== "200");
  return (
    <Card id={op.operationId} className="scroll-mt-20">
      <CardHeader>
        <div className="flex flex-wrap items-center gap-2">
          <span className={`rounded-md border px-2 py-0.5 font-mono text-xs font-semibold ${METHOD_STYLE[method] ?? ""}`}>{method}</span>
          <code className="font-mono text-sm font-medium break-all text-ink">{path}</code>
        </div>
        <p className="text-sm text-ink">{op.summary}</p>
        <p className="text-xs text-ink-muted">{withCode(op.description)}</p>
      </CardHeader>
      <CardContent className="grid gap-4">
        {op.parameters.length ? (
          <section>
            <h3 className="mb-1 text-xs font-semibold tracking-wide text-ink-subtle uppercase">{labels.parameters}</h3>
            <ul className="space-y-1">
              {op.parameters.map((p) => (
                <li key={`${p.in}-${p.name}`} className="text-sm leading-6">
                  <code className="font-mono font-medium text-ink">{p.name}</code>{" "}
                  <code className="font-mono text-xs text-ink-muted">{typeLabel(p.schema)}</code>
                  <span className="ml-2 text-xs text-ink-subtle">{p.in === "path" ? labels.inPath : labels.inQuery}</span>
                  {p.required ? <span className="ml-2 text-xs font-medium text-danger-700">{labels.required}</span> : null}
                  {p.description ? <p className="text-xs text-ink-muted">{p.description}</p> : null}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {op.requestBody ? (
          <section>
            <h3 className="mb-1 text-xs font-semibold tracking-wide text-ink-subtle uppercase">{labels.body}</h3>
            <SchemaView schema={op.requestBody.content["application/json"].schema} requiredLabel={labels.required} />
          </section>
        ) : null}
        {ok ? (
          <section>
            <h3 className="mb-1 text-xs font-semibold tracking-wide text-ink-subtle uppercase">{labels.response} · 200</h3>
            <SchemaView schema={ok} requiredLabel={labels.required} />
          </section>
        ) : null}
        <p className="text-xs text-ink-muted">
          {labels.errors}: {errors.join(", ")}
        </p>
      </CardContent>
    </Card>
  );
}
