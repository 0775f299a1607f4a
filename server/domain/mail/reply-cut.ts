// Cuts the new part out of an emailed reply. With our reply string ("##- Please type your reply
// above this line -##") in the quote, that line is authoritative: keep what is above it, minus
// the attribution the client put just above the quote. Without it, fall back to the heuristics
// in reply-heuristics.ts (forwards kept, inline answers kept, signatures kept and reported).
// An HTML-only mail is cut on its DOM by the structure the client wrote (reply-html-text.ts).
// Never returns "" for a mail that had text: the raw message is kept anyway, but an empty
// ticket reply would hide that anything arrived. Work is linear in the input (see MAX_CUT_CHARS).
import { findSignature, trimReplyLines } from "./reply-heuristics";
import { classifyLines, isAttribution, splitRunTogether } from "./reply-patterns";
import { cutHtmlToText } from "./reply-html-text";

export { cutReplyHtml } from "./reply-html";

export type CutBy = "marker" | "attribution" | "heuristic" | "none";

export interface CutResult {
  text: string;
  cutBy: CutBy;
  /** the signature that ends `text` (kept in it; the ticket view folds it) */
  signature?: string;
  /** the forwarded mail inside `text`, from its separator on (kept in it) */
  forwarded?: string;
  /** nothing of the author's was found: `text` is the whole mail, every line of it quoted */
  quotedOnly?: boolean;
}

export interface CutOptions {
  replyStrings: string[];
  /** the mail's subject: "Fwd:"/"WG:"/"ПЕРЕСЛ:" make "-----Original Message-----" a forward */
  subject?: string;
  /** the HTML part of a mail that has no text part of its own: cut by its structure */
  html?: string | null;
}

/**
 * How ingest cuts a parsed mail: its text, its subject (forwards), and its HTML when the mail
 * has no text part of its own (text/html at the top, or multipart/related around the HTML, as
 * Outlook sends HTML with inline images) — mailparser's text of such a mail has lost the structure.
 */
export function mailCutOptions(mail: { subject: string; html: string | null; contentType: string }, replyStrings: string[]): CutOptions {
  const type = mail.contentType.trim().toLowerCase();
  const htmlOnly = type.startsWith("text/html") || type.startsWith("multipart/related");
  return { replyStrings, subject: mail.subject, html: htmlOnly ? mail.html : null };
}

/**
 * Beyond this many characters (or lines) only the reply string is looked for (one linear scan); the
 * heuristics, which classify every line, are skipped and the text is kept whole. A reply
 * someone typed is never this long; a log or a pasted file is, and is better kept.
 */
export const MAX_CUT_CHARS = 512 * 1024;
/** The same for lines: classifying costs per line, and a mail of blank lines is cheap to send. */
export const MAX_CUT_LINES = 30_000;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Full-line matchers for the reply strings; quote marks and re-spaced whitespace allowed. */
export function replyStringMatchers(replyStrings: string[]): RegExp[] {
  return replyStrings
    .map((s) => s.trim())
    .filter((s) => s !== "")
    .map((s) => new RegExp(`^[>\\s]*${escapeRe(s).replace(/\s+/g, "\\s+")}\\s*$`, "iu"));
}

// Gmail's tracking dot (U+1427) and zero-width characters are invisible: a line of them is blank.
const BLANK = /^[\s\u1427\u200b-\u200d\u2060\ufeff]*$/u;

/** Drops leading and trailing blank lines, keeping the indentation of the first kept line. */
function joinTrimmed(lines: string[]): string {
  let start = 0;
  let end = lines.length;
  while (start < end && BLANK.test(lines[start]!)) start++;
  while (end > start && BLANK.test(lines[end - 1]!)) end--;
  return lines.slice(start, end).join("\n");
}

/**
 * Removes what clients put between the reply and a quoted marker: blank lines, `>` lines, an
 * attribution ("On … wrote:", "… пишет:"), an Outlook header block with its separator or
 * "-----Original Message-----", and a mobile signature right above them.
 */
function stripTrailingQuoteIntro(lines: string[]): string[] {
  const items = classifyLines(lines);
  let end = items.length;
  while (end > 0 && items[end - 1]!.kind !== "t" && items[end - 1]!.kind !== "s") end--;
  return lines.slice(0, end);
}

export function cutReply(text: string, opts: CutOptions): CutResult {
  if (opts.html) {
    const fromHtml = cutHtmlToText(opts.html);
    if (fromHtml) return cutText(fromHtml.text, opts, fromHtml.cut);
  }
  return cutText(text, opts, false);
}

/** `structural`: the HTML structure already cut the quote away; the text can only lose more by marker. */
function cutText(text: string, opts: CutOptions, structural: boolean): CutResult {
  const normalised = (text ?? "").replace(/\r\n?/g, "\n");
  const whole = normalised.trim() === "" ? "" : joinTrimmed(normalised.split("\n"));
  if (whole === "") return { text: "", cutBy: "none" };
  const lines = normalised.split("\n");

  const matchers = replyStringMatchers(opts.replyStrings);
  const markerAt = matchers.length ? lines.findIndex((l) => l.length <= 2000 && matchers.some((re) => re.test(l))) : -1;
  if (markerAt >= 0) {
    const above = joinTrimmed(stripTrailingQuoteIntro(lines.slice(0, markerAt)));
    if (above !== "") return withSignature({ text: above, cutBy: "marker" });
    // Nothing above the marker: the author wrote below the quote, or nothing at all.
  }
  if (normalised.length > MAX_CUT_CHARS || lines.length > MAX_CUT_LINES) return { text: whole, cutBy: structural ? "attribution" : "none" };

  const trimmed = trimReplyLines(splitRunTogether(lines), { subject: opts.subject });
  const result = joinTrimmed(trimmed.lines);
  // Everything looked quoted: better the whole mail than a fragment of someone else's words.
  if (result === "" || !trimmed.hasText) return { text: whole, cutBy: "none", ...(quotesAMail(lines) ? { quotedOnly: true } : {}) };
  const out: CutResult = { text: result, cutBy: result === whole ? (structural ? "attribution" : "none") : trimmed.cut };
  if (trimmed.forwardAt >= 0) out.forwarded = joinTrimmed(trimmed.lines.slice(trimmed.forwardAt));
  if (trimmed.signatureAt >= 0) out.signature = joinTrimmed(trimmed.lines.slice(trimmed.signatureAt));
  return out;
}

/** An all-quoted mail that starts with a quoted attribution: a bare reply that added nothing. */
function quotesAMail(lines: string[]): boolean {
  const first = lines.find((l) => l.trim() !== "");
  return first !== undefined && first.length <= 1000 && isAttribution(first.replace(/^[\s>]+/, ""), 1);
}

function withSignature(r: CutResult): CutResult {
  const lines = r.text.split("\n");
  const at = findSignature(lines);
  return at >= 0 ? { ...r, signature: joinTrimmed(lines.slice(at)) } : r;
}

/**
 * The author's own words: `text` without the signature and the forwarded mail. For a bare
 * forward (nothing written above it) that is the forwarded mail's body. What the
 * email-reply-trimmer corpus calls the trimmed reply; the ticket stores `text`.
 */
export function authoredText(r: CutResult): string {
  if (r.quotedOnly) return "";
  let t = r.text;
  if (r.forwarded) {
    const note = t.slice(0, t.length - r.forwarded.length).trim();
    if (note !== "") t = note;
    else {
      // a bare forward: its body, after the separator and the header block
      const lines = r.forwarded.split("\n");
      const items = classifyLines(lines);
      let i = 1;
      while (i < items.length && (items[i]!.kind === "h" || items[i]!.kind === "e")) i++;
      t = joinTrimmed(lines.slice(i));
    }
  }
  if (r.signature && t.endsWith(r.signature)) t = t.slice(0, t.length - r.signature.length);
  return joinTrimmed(t.split("\n"));
}
