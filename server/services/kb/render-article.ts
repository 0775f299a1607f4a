// An article's Markdown → sanitized HTML through the one Markdown renderer of the app
// (server/services/content/markdown.ts), plus its plain text for search and snippets.
// That renderer drops every image (tickets never load remote content); KB images are ours, so
// `![alt](/kb/images/<id>)` is swapped for a one-off token before rendering and the <img> is
// written here from the validated id — no other image source can get through.
import crypto from "node:crypto";
import { parseDocument } from "htmlparser2";
import { textContent } from "domutils";
import { renderMarkdown } from "@/server/services/content/markdown";

const IMAGE_RE = /!\[([^\]\n]{0,300})\]\(\/kb\/images\/([A-Za-z0-9_-]{16,40})\)/g;

const escapeAttr = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export function renderArticle(md: string): string {
  const nonce = crypto.randomBytes(6).toString("hex");
  const images: { alt: string; id: string }[] = [];
  const text = md.replace(IMAGE_RE, (_m, alt: string, id: string) => `KBIMG${nonce}N${images.push({ alt, id }) - 1}E`);
  const html = renderMarkdown(text);
  if (!images.length) return html;
  return html.replace(new RegExp(`KBIMG${nonce}N(\\d+)E`, "g"), (_m, i: string) => {
    const img = images[Number(i)]!;
    return `<img src="/kb/images/${img.id}" alt="${escapeAttr(img.alt)}" loading="lazy">`;
  });
}

/** The visible text of the rendered article (block ends become spaces so words stay apart). */
export function plainText(md: string): string {
  const html = renderMarkdown(md.replace(IMAGE_RE, "$1")).replace(/<\/(p|h[1-6]|li|td|th|pre|blockquote|div|dd|dt)>|<br\s*\/?>/gi, "$& ");
  return textContent(parseDocument(html).children).replace(/\s+/g, " ").trim();
}

/** A short description (Open Graph, meta description, search fallback). */
export function excerpt(plain: string, max = 180): string {
  if (plain.length <= max) return plain;
  const cut = plain.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), max - 20)).trimEnd()}…`;
}
