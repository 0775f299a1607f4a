// Cuts the HTML part of a reply on the parsed DOM (htmlparser2), never with regexes: client
// markup nests quotes, splits the marker across spans and encodes it with entities. The cut
// starts at the node holding our reply string, widened to the quote container around it
// (blockquote, Gmail's .gmail_quote, Outlook's #divRplyFwdMsg/#appendonsend, Thunderbird's
// .moz-cite-prefix …) and to the intro the client put before it; the cut node and everything
// after it in document order go. The result is NOT sanitized: that happens downstream.
import render from "dom-serializer";
import { isTag, isText, type AnyNode, type ChildNode, type Document, type Element, type Text } from "domhandler";
import { getAttributeValue, removeElement } from "domutils";
import { parseDocument } from "htmlparser2";
import { isAttribution, isForwardSeparator } from "./reply-patterns";
import { FORWARD_SUBJECT } from "./reply-lexicon";

const CONTAINER_IDS = new Set(["divrplyfwdmsg", "appendonsend", "mail-editor-reference-message-container"]);
const CONTAINER_CLASSES = ["gmail_quote", "gmail_quote_container", "moz-cite-prefix", "yahoo_quoted", "protonmail_quote"];
// Intros sit before the quote rather than around it.
const INTRO_IDS = new Set(["divrplyfwdmsg", "appendonsend"]);
const INTRO_CLASSES = ["moz-cite-prefix", "gmail_attr"];
const KEEP_WRAPPERS = new Set(["html", "head", "body"]);
const MEDIA = new Set(["img", "video", "audio", "table", "svg", "object", "iframe"]);
const INVISIBLE = new Set(["style", "script", "title", "head", "template"]);

const norm = (s: string) => s.replace(/[\s\u00a0]+/g, " ").trim();
const classesOf = (el: Element) => (getAttributeValue(el, "class") ?? "").toLowerCase().split(/\s+/);
const idOf = (el: Element) => (getAttributeValue(el, "id") ?? "").toLowerCase();

function isContainer(el: Element): boolean {
  if (el.name === "blockquote" || (getAttributeValue(el, "type") ?? "").toLowerCase() === "cite") return true;
  return CONTAINER_IDS.has(idOf(el)) || classesOf(el).some((c) => CONTAINER_CLASSES.includes(c));
}

/** Whitespace-collapsed visible text of `node`, or null once it exceeds `limit` characters. */
function shortText(node: AnyNode, limit: number): string | null {
  const parts: string[] = [];
  let size = 0;
  for (const t of visibleTextNodes(node)) {
    parts.push(t.data);
    size += t.data.length;
    if (size > limit * 4) return null;
  }
  const text = norm(parts.join(""));
  return text.length > limit ? null : text;
}

function isIntro(node: AnyNode): boolean {
  if (isTag(node)) {
    if (INTRO_IDS.has(idOf(node)) || classesOf(node).some((c) => INTRO_CLASSES.includes(c))) return true;
    if (node.name === "hr") return true;
  }
  const text = shortText(node, 400);
  return text !== null && text !== "" && isAttribution(text, 1);
}

/** Whitespace, <br> and empty wrappers between an intro and the quote it introduces. */
function isFiller(node: AnyNode): boolean {
  if (isText(node)) return node.data.trim() === "";
  return isTag(node) && !hasContent(node) && node.name !== "hr";
}

/** Visible text or media anywhere below `node`; stops at the first hit. */
function hasContent(node: AnyNode): boolean {
  if (isText(node)) return node.data.trim() !== "";
  if (isTag(node)) {
    if (MEDIA.has(node.name)) return true;
    if (INVISIBLE.has(node.name)) return false;
  }
  return "children" in node && node.children.some(hasContent);
}

function visibleTextNodes(node: AnyNode, out: Text[] = []): Text[] {
  if (isText(node)) out.push(node);
  else if ((isTag(node) && !INVISIBLE.has(node.name)) || node.type === "root") {
    for (const c of (node as Element | Document).children) visibleTextNodes(c, out);
  }
  return out;
}

function lowestCommonAncestor(a: AnyNode, b: AnyNode): AnyNode {
  const chain = new Set<AnyNode>();
  for (let n: AnyNode | null = a; n; n = n.parent) chain.add(n);
  for (let n: AnyNode | null = b; n; n = n.parent) if (chain.has(n)) return n;
  return a;
}

/**
 * The node holding the first of `needles`: a text node, or the lowest element spanning the
 * text nodes it is split across. One linear pass over whitespace-collapsed text, so a large
 * mail stays cheap however deep its markup nests.
 */
function findMarker(doc: Document, needles: string[]): AnyNode | null {
  let flat = "";
  const spans: { node: Text; start: number; end: number }[] = [];
  for (const node of visibleTextNodes(doc)) {
    const start = flat.length;
    let text = node.data.replace(/[\s\u00a0]+/g, " ");
    if (text.startsWith(" ") && (flat === "" || flat.endsWith(" "))) text = text.slice(1);
    flat += text;
    spans.push({ node, start, end: flat.length });
  }
  let at = -1;
  let length = 0;
  for (const needle of needles) {
    const i = flat.indexOf(needle);
    if (i >= 0 && (at < 0 || i < at)) [at, length] = [i, needle.length];
  }
  if (at < 0) return null;
  const first = spans.find((sp) => sp.end > at)!;
  const last = spans.find((sp) => sp.end >= at + length)!;
  return lowestCommonAncestor(first.node, last.node);
}

/**
 * Widens the cut to the outermost quote container, then backwards over the intro(s) just before
 * it ("On … wrote:", Outlook's header div and <hr>), climbing out of wrappers it opens.
 */
function widen(start: AnyNode): AnyNode {
  let cut = start;
  for (let p = start.parent; p; p = p.parent) if (isTag(p) && isContainer(p)) cut = p;
  for (;;) {
    let prev = cut.prev;
    while (prev && isFiller(prev)) prev = prev.prev;
    if (prev) {
      if (!isIntro(prev)) break;
      cut = prev;
    } else if (cut.parent && isTag(cut.parent) && !KEEP_WRAPPERS.has(cut.parent.name)) {
      cut = cut.parent; // only fillers precede us inside it, so nothing of the author's is lost
    } else break;
  }
  return cut;
}

/** Removes `node` and everything after it in document order. */
function cutFrom(node: AnyNode): void {
  for (let n: AnyNode = node; n.parent; n = n.parent) {
    const siblings = n.parent.children;
    for (const s of siblings.slice(siblings.indexOf(n as ChildNode) + 1)) removeElement(s);
  }
  removeElement(node as ChildNode);
}

/** Removes blank text, <br>, <hr> and empty elements left at the end by the cut. */
function trimTrailing(parent: AnyNode): void {
  if (!("children" in parent)) return;
  for (let last = parent.children.at(-1); last; last = parent.children.at(-1)) {
    if (isTag(last) && KEEP_WRAPPERS.has(last.name)) return trimTrailing(last);
    if (isFiller(last) || (isTag(last) && (last.name === "br" || last.name === "hr"))) removeElement(last);
    else return trimTrailing(last);
  }
}

/** Where the last visible text or media of the document starts (-1 when there is none). */
function lastContentStart(node: AnyNode): number {
  if (isText(node)) return node.data.trim() !== "" ? (node.startIndex ?? -1) : -1;
  if (isTag(node) && MEDIA.has(node.name)) return node.startIndex ?? -1;
  if ((isTag(node) && INVISIBLE.has(node.name)) || !("children" in node)) return -1;
  for (let i = node.children.length - 1; i >= 0; i--) {
    const found = lastContentStart(node.children[i]!);
    if (found >= 0) return found;
  }
  return -1;
}

function findAll(node: AnyNode, pred: (el: Element) => boolean, out: Element[] = []): Element[] {
  if (isTag(node) && pred(node)) out.push(node);
  if ("children" in node) for (const c of node.children) findAll(c, pred, out);
  return out;
}

const serialize = (doc: Document) => render(doc, { encodeEntities: "utf8" });

/** A forward is not a quote: its container starts with a forward separator, or the subject says so. */
function isForward(el: Element, subject: string): boolean {
  if (FORWARD_SUBJECT.test(subject)) return true;
  const first = visibleTextNodes(el).find((t) => t.data.trim() !== "");
  return first !== undefined && isForwardSeparator(first.data.trim());
}

/**
 * The HTML above our reply string. Without the marker (or with nothing above it), a quote
 * container that ends the mail is cut instead — unless it holds a forward; failing that the
 * input comes back unchanged (also for markup nested too deep to walk).
 */
export function cutReplyHtml(html: string, replyStrings: string[], opts: { subject?: string } = {}): string {
  if (!html || html.trim() === "") return html ?? "";
  try {
    return cutParsed(html, replyStrings, opts.subject ?? "");
  } catch (e) {
    if (e instanceof RangeError) return html; // call stack exceeded on hostile nesting: keep it all
    throw e;
  }
}

function cutParsed(html: string, replyStrings: string[], subject: string): string {
  const needles = replyStrings.map(norm).filter((s) => s !== "");
  const parse = () => parseDocument(html, { withStartIndices: true, withEndIndices: true, decodeEntities: true });

  let doc = parse();
  const marker = findMarker(doc, needles);
  if (marker) {
    cutFrom(widen(marker));
    trimTrailing(doc);
    if (hasContent(doc)) return serialize(doc);
    doc = parse();
  }

  // No usable marker: only a trailing thread (nothing of the author's after it) is cut.
  const lastContent = lastContentStart(doc);
  const quote = findAll(doc, (el) => isContainer(el) || INTRO_IDS.has(idOf(el))).find(
    (el) => (el.endIndex ?? Infinity) >= lastContent,
  );
  if (!quote || isForward(quote, subject)) return html;
  cutFrom(widen(quote));
  trimTrailing(doc);
  return hasContent(doc) ? serialize(doc) : html;
}
