// Markdown (what customers and staff type) → sanitized HTML. markdown-it parses; sanitize-html
// decides what survives, so raw HTML inside Markdown is treated like any untrusted HTML.
// markdown-it, not marked: marked is quadratic on inputs like "*_a" repeated (50,000 characters
// cost 24 s of CPU on the one event loop) and overflows the stack on ">" × 50,000; markdown-it
// stays linear on both and caps nesting at 100 (ASVS 5.0 V15.2.2, measured in SECURITY.md).
import MarkdownIt from "markdown-it";
import { sanitize } from "@/server/platform/sanitize";

/** The longest Markdown any procedure accepts (create, reply, note, preview). */
export const MARKDOWN_MAX_CHARS = 50_000;

const md = new MarkdownIt("default", { html: true, breaks: true, linkify: true });

export function renderMarkdown(text: string): string {
  // callers validate the length; this guard keeps a forgotten one bounded too
  return sanitize(md.render(text.slice(0, MARKDOWN_MAX_CHARS)));
}
