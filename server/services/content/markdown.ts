// Markdown (what customers and staff type) → sanitized HTML. marked parses; sanitize-html
// decides what survives, so raw HTML inside Markdown is treated like any untrusted HTML.
import { Marked } from "marked";
import { sanitize } from "./sanitize";

const marked = new Marked({ gfm: true, breaks: true, async: false });

export function renderMarkdown(md: string): string {
  return sanitize(marked.parse(md) as string);
}
