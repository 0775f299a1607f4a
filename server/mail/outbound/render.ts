// A deliberately small template language for notification mails:
//   {{ticket.number}}          a placeholder (HTML-escaped in the HTML variant)
//   {{#if rating.link}}…{{/if}} a section shown when the value is non-empty / true
// Nothing else: no expressions, no partials, no raw output. A template that uses an unknown
// placeholder, leaves a `{{` or `}}` unbalanced, or does not close an `{{#if}}` is broken and is
// refused on save (validateTemplate); notify never sends a broken one.

/** A value that is already safe HTML (built by our code, never by the admin). */
export type SafeHtml = { __html: string; text: string };
export type TemplateValue = string | number | boolean | null | undefined | SafeHtml;
export type TemplateVars = Record<string, TemplateValue>;

type Node =
  | { kind: "text"; value: string }
  | { kind: "var"; name: string }
  | { kind: "if"; name: string; body: Node[] };

export class TemplateError extends Error {
  constructor(
    public readonly reason: "UNBALANCED" | "UNKNOWN_PLACEHOLDER" | "BAD_TAG" | "UNCLOSED_IF" | "STRAY_END",
    public readonly detail: string,
  ) {
    super(`${reason}: ${detail}`);
  }
}

const NAME = /^[a-z][a-zA-Z0-9]*(?:\.[a-z][a-zA-Z0-9]*)*$/;

export function parseTemplate(src: string, allowed?: ReadonlySet<string>): Node[] {
  const root: Node[] = [];
  const stack: { name: string; body: Node[] }[] = [];
  const out = () => (stack.length ? stack[stack.length - 1]!.body : root);
  let i = 0;
  while (i < src.length) {
    const open = src.indexOf("{{", i);
    const close = src.indexOf("}}", i);
    if (close !== -1 && (open === -1 || close < open)) throw new TemplateError("UNBALANCED", `"}}" without "{{" at ${close}`);
    if (open === -1) {
      out().push({ kind: "text", value: src.slice(i) });
      break;
    }
    if (open > i) out().push({ kind: "text", value: src.slice(i, open) });
    const end = src.indexOf("}}", open + 2);
    if (end === -1) throw new TemplateError("UNBALANCED", `"{{" without "}}" at ${open}`);
    const inner = src.slice(open + 2, end).trim();
    if (inner.includes("{{") || inner.includes("{") || inner.includes("}")) throw new TemplateError("UNBALANCED", `nested braces at ${open}`);
    i = end + 2;
    const ifm = /^#if\s+(\S+)$/.exec(inner);
    if (ifm) {
      checkName(ifm[1]!, allowed);
      const node: Node = { kind: "if", name: ifm[1]!, body: [] };
      out().push(node);
      stack.push(node);
      continue;
    }
    if (inner === "/if") {
      if (!stack.length) throw new TemplateError("STRAY_END", `{{/if}} without {{#if}} at ${open}`);
      stack.pop();
      continue;
    }
    if (inner.startsWith("#") || inner.startsWith("/")) throw new TemplateError("BAD_TAG", inner);
    checkName(inner, allowed);
    out().push({ kind: "var", name: inner });
  }
  if (stack.length) throw new TemplateError("UNCLOSED_IF", stack[stack.length - 1]!.name);
  return root;
}

function checkName(name: string, allowed?: ReadonlySet<string>) {
  if (!NAME.test(name)) throw new TemplateError("BAD_TAG", name);
  if (allowed && !allowed.has(name)) throw new TemplateError("UNKNOWN_PLACEHOLDER", name);
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

function isSafe(v: TemplateValue): v is SafeHtml {
  return typeof v === "object" && v !== null && "__html" in v;
}

function truthy(v: TemplateValue): boolean {
  if (isSafe(v)) return v.text !== "" || v.__html !== "";
  return v !== undefined && v !== null && v !== false && v !== "" && v !== 0;
}

function show(v: TemplateValue, mode: "text" | "html"): string {
  if (v === undefined || v === null || v === false) return "";
  if (isSafe(v)) return mode === "html" ? v.__html : v.text;
  const s = String(v);
  // Multi-line values keep their lines in HTML.
  return mode === "html" ? escapeHtml(s).replace(/\r?\n/g, "<br>\n") : s;
}

function renderNodes(nodes: Node[], vars: TemplateVars, mode: "text" | "html"): string {
  let s = "";
  for (const n of nodes) {
    if (n.kind === "text") s += n.value;
    else if (n.kind === "var") s += show(vars[n.name], mode);
    else if (truthy(vars[n.name])) s += renderNodes(n.body, vars, mode);
  }
  return s;
}

/** Renders one template string. Throws TemplateError when it is broken. */
export function render(src: string, vars: TemplateVars, mode: "text" | "html", allowed?: ReadonlySet<string>): string {
  return renderNodes(parseTemplate(src, allowed), vars, mode);
}

/** A subject is one line: newlines in values or the template become spaces. */
export function renderSubject(src: string, vars: TemplateVars, allowed?: ReadonlySet<string>): string {
  return render(src, vars, "text", allowed).replace(/[\r\n]+/g, " ").replace(/\s{2,}/g, " ").trim();
}

export function safeHtml(html: string, text: string): SafeHtml {
  return { __html: html, text };
}
