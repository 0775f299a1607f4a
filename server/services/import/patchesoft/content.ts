// Source HTML → what this helpdesk stores: repaired (mojibake.ts), sanitized with the same
// sanitizer as mail (remote images and scripts dropped), and a plain-text twin for search.
// Knowledge-base bodies become Markdown (articles here are Markdown) through turndown, after
// the sanitizer, so only the allow-listed tags and http(s)/mailto links reach it and bold,
// italic, links, lists, headings and code keep their formatting.
import TurndownService from "turndown";
import { sanitize } from "@/server/platform/sanitize";
import { htmlToReplyText } from "@/server/domain/mail/reply-html-text";
import { repairText } from "./mojibake";
import { str } from "./source";

/** bounds the HTML one body may hand the parsers (a Patchesoft body is a MEDIUMTEXT, up to 16 MB) */
const HTML_MAX = 1_000_000;

export function htmlContent(v: unknown): { text: string; html: string } {
  const raw = repairText(str(v));
  const html = sanitize(raw.slice(0, HTML_MAX));
  const text = htmlToReplyText(html).trim();
  return { text, html };
}

const turndown = new TurndownService({ headingStyle: "atx", codeBlockStyle: "fenced", bulletListMarker: "-", emDelimiter: "*", strongDelimiter: "**" });

/** Sanitized HTML → Markdown with its inline formatting (KB articles, FAQ answers). */
export function htmlMarkdown(v: unknown): string {
  const { html } = htmlContent(v);
  return turndown.turndown(html).replace(/\n{3,}/g, "\n\n").trim();
}
