// An HTML-only mail (no text part of its own) as text that keeps the structure its client
// wrote, so the plain-text rules cut it by structure rather than by guesswork:
//  - every <blockquote> (Gmail's .gmail_quote, Apple's type=cite, Thunderbird, Yandex, Mail.ru)
//    becomes "> " quoted lines — whatever the author wrote after it stays unquoted;
//  - Outlook's reply/forward header containers (#divRplyFwdMsg, #appendonsend,
//    OLK_SRC_BODY_SECTION, .OutlookMessageHeader) become "-----Original Message-----", so
//    everything from there on is the old mail (or a forward, when the subject says so);
//  - <hr> becomes a rule line, which the text rules treat as a separator only when a header
//    block, a quote or a short signature follows it.
// The walk is iterative (no recursion on hostile nesting) and linear in the document.
import { isTag, isText, type AnyNode, type Element } from "domhandler";
import { getAttributeValue } from "domutils";
import { parseDocument } from "htmlparser2";

/** Larger HTML is left to mailparser's text: parsing it twice is not worth it. */
export const MAX_HTML_CHARS = 2 * 1024 * 1024;

const BLOCKS = new Set([
  "div", "p", "li", "ul", "ol", "tr", "table", "tbody", "thead", "tfoot", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "section",
  "article", "header", "footer", "center", "dl", "dt", "dd", "address", "form", "fieldset", "figure", "main", "nav", "aside",
]);
const SKIP = new Set(["style", "script", "head", "title", "template", "noscript", "svg", "object", "iframe", "xml"]);
const OUTLOOK_IDS = new Set(["divrplyfwdmsg", "appendonsend", "olk_src_body_section"]);
const OUTLOOK_CLASSES = ["outlookmessageheader", "olk_src_body_section"];
const ORIGINAL = "-----Original Message-----";
const RULE = "________________________________";

function isOutlookHeader(el: Element): boolean {
  const id = (getAttributeValue(el, "id") ?? "").toLowerCase();
  if (OUTLOOK_IDS.has(id)) return true;
  const cls = (getAttributeValue(el, "class") ?? "").toLowerCase().split(/\s+/);
  return cls.some((c) => OUTLOOK_CLASSES.includes(c));
}

class TextOut {
  lines: string[] = [];
  private current = "";
  depth = 0;
  pre = 0;
  /** a paragraph holding only &nbsp; (Outlook's blank line) still makes a line */
  private blank = false;

  text(data: string): void {
    if (this.pre > 0) {
      const parts = data.split(/\r?\n/);
      parts.forEach((p, i) => {
        if (i > 0) this.br();
        this.current += p;
      });
      return;
    }
    if (data.includes("\u00a0") && data.trim() === "") this.blank = true;
    const collapsed = data.replace(/[\s\u00a0]+/g, " ");
    this.current += this.current === "" || this.current.endsWith(" ") ? collapsed.replace(/^ /, "") : collapsed;
  }
  /** Ends the line, even an empty one (<br>). */
  br(): void {
    const line = this.current.replace(/[ \t]+$/, "");
    this.lines.push((this.depth > 0 ? `${">".repeat(this.depth)} ` : "") + line);
    this.current = "";
    this.blank = false;
  }
  /** Ends the line if it has anything (block boundaries). */
  block(): void {
    if (this.current.trim() !== "" || this.blank) this.br();
    else this.current = "";
  }
  line(s: string): void {
    this.block();
    this.current = s;
    this.br();
  }
}

type Step = { node: AnyNode; exit?: () => void };

/** Text of the document with quote structure made explicit (see the file comment). */
export function htmlToReplyText(html: string): string {
  const doc = parseDocument(html, { decodeEntities: true });
  const out = new TextOut();
  let outlookSeen = false;
  const stack: Step[] = [...doc.children].reverse().map((node) => ({ node }));
  while (stack.length) {
    const step = stack.pop()!;
    if (step.exit) {
      step.exit();
      continue;
    }
    const node = step.node;
    if (isText(node)) {
      out.text(node.data);
      continue;
    }
    if (!isTag(node) || SKIP.has(node.name)) continue;
    if (node.name === "br") {
      out.br();
      continue;
    }
    if (node.name === "hr") {
      out.line(RULE);
      continue;
    }
    if (!outlookSeen && isOutlookHeader(node)) {
      outlookSeen = true; // the first one starts the old mail; nested ones add nothing
      out.line(ORIGINAL);
    }
    const exit = enter(out, node);
    stack.push({ node, exit });
    for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i]! });
  }
  out.block();
  return out.lines.join("\n");
}

/** Opens `el` on the output; returns what closes it. */
function enter(out: TextOut, el: Element): () => void {
  if (el.name === "blockquote") {
    out.block();
    out.depth++;
    return () => {
      out.block();
      out.depth--;
    };
  }
  if (el.name === "pre") {
    out.block();
    out.pre++;
    return () => {
      out.block();
      out.pre--;
    };
  }
  if (el.name === "td" || el.name === "th") return () => out.text(" ");
  if (BLOCKS.has(el.name)) {
    out.block();
    return () => out.block();
  }
  return () => {};
}

/**
 * The text to cut for an HTML-only mail, or null when the HTML is too large or has no text.
 * `cut` tells whether the structure alone marked something as quoted.
 */
export function cutHtmlToText(html: string): { text: string; cut: boolean } | null {
  if (html.length > MAX_HTML_CHARS) return null;
  const text = htmlToReplyText(html);
  if (text.trim() === "") return null;
  return { text, cut: /^(?:>|-----Original Message-----$)/m.test(text) };
}
