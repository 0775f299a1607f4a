// Decides which classified lines (reply-patterns.ts) are the author's reply when the mail has
// no reply marker. Measured on shared/corpora/email-reply-trimmer and on our own corpus
// (reply-corpus.test.ts, reply-fixtures.test.ts).
// Bias: when unsure, keep text. Losing a customer's words is worse than showing a quote. So:
//  - a forward is not a quote: the forwarded mail stays;
//  - answers written between or below quoted lines stay, only the quoted lines and the
//    attribution go;
//  - a signature stays (the ticket view folds it), and is reported apart.
import { classifyLines, isForwardSeparator, type ClassifiedLine } from "./reply-patterns";
import { FINNISH_REPLY, FORWARD_SUBJECT } from "./reply-lexicon";

export type HeuristicCut = "attribution" | "heuristic" | "none";

export interface Trimmed {
  lines: string[];
  cut: HeuristicCut;
  /** false when only quotes (or nothing) survived: the caller keeps the input then */
  hasText: boolean;
  /** index in `lines` where the signature starts, -1 for none */
  signatureAt: number;
  /** index in `lines` where a forwarded mail starts, -1 for none */
  forwardAt: number;
}

/** At most this many lines after a horizontal rule are taken for a signature block. */
const MAX_SIGNATURE_LINES = 4;
/** A "-- " signature is at most this many lines long; longer, it is more likely text. */
const MAX_DASHED_SIGNATURE = 10;
const LINK_LINE = /^[ \t]*[<[(]?(?:https?:\/\/|mailto:)\S{1,2000}[>\])]?[ \t]*$/i;

type Item = ClassifiedLine & { drop?: boolean };

const hasText = (items: Item[]) => items.some((x) => x.kind === "t" && !x.drop);
const firstNonEmpty = (items: Item[], from: number) => {
  let i = from;
  while (i < items.length && items[i]!.kind === "e") i++;
  return i;
};

/**
 * What follows a horizontal rule at `at`: a header block, attribution or quote, or a few lines
 * only. Looks at no more than MAX_SIGNATURE_LINES + 1 non-empty lines, so a mail of rules stays linear.
 */
function ruleSeparatesQuote(items: Item[], at: number): boolean {
  const next = items[firstNonEmpty(items, at + 1)];
  if (!next || next.kind === "h" || next.kind === "b" || next.kind === "q" || next.kind === "d") return true;
  let nonEmpty = 0;
  for (let i = at + 1; i < items.length; i++) {
    const k = items[i]!.kind;
    if (k === "e") continue;
    if ((k !== "t" && k !== "s") || ++nonEmpty > MAX_SIGNATURE_LINES) return false;
  }
  return true;
}

/** A link alone on a line inside a quoted block is part of the quote (clients unquote them). */
function quoteLinkLines(items: Item[]): void {
  for (let i = 1; i < items.length - 1; i++) {
    if (items[i]!.kind !== "t" || !LINK_LINE.test(items[i]!.line)) continue;
    let before = i - 1;
    while (before > 0 && items[before]!.kind === "e") before--;
    const after = firstNonEmpty(items, i + 1);
    if (items[before]!.kind === "q" && items[after]?.kind === "q") items[i]!.kind = "q";
  }
}

/** Where the mail's first quote begins, if that is a forward: the forwarded mail is kept. */
function forwardStart(items: Item[], subject: string): number {
  const finnishReply = FINNISH_REPLY.subject.test(subject) && items.some((x) => x.kind === "h" && FINNISH_REPLY.header.test(x.line));
  const forwardSubject = FORWARD_SUBJECT.test(subject) && !finnishReply;
  for (let i = 0; i < items.length; i++) {
    const x = items[i]!;
    if (x.kind === "d" && x.introducesQuote) return x.forward || forwardSubject ? i : -1;
    if (x.kind === "h") return forwardSubject ? i : -1;
    if (x.kind === "b") return -1;
    if (x.kind === "q") {
      // "> Begin forwarded message:": a forward quoted by the client (Apple Mail does this)
      const j = firstNonEmptyQuoted(items, i);
      return j >= 0 && isForwardSeparator(items[j]!.line.replace(/^[\s>]+/, "")) ? i : -1;
    }
  }
  return -1;
}

function firstNonEmptyQuoted(items: Item[], from: number): number {
  for (let j = from; j < items.length && items[j]!.kind === "q"; j++) if (items[j]!.line.replace(/^[\s>]+/, "") !== "") return j;
  return -1;
}

/** The first quote intro after some text ends the reply; intros before any text are dropped. */
function cutAtIntro(items: Item[]): number {
  let seenText = false;
  for (let idx = 0; idx < items.length; idx++) {
    const x = items[idx]!;
    const intro = x.kind === "h" || (x.kind === "d" && (x.introducesQuote || (x.rule && ruleSeparatesQuote(items, idx))));
    if (!intro) {
      if (x.kind === "d") x.kind = "t"; // a bare rule inside the author's text
      if (x.kind === "t") seenText = true;
      continue;
    }
    if (seenText) return idx;
    x.drop = true;
    while (items[idx + 1]?.kind === "h") items[++idx]!.drop = true;
  }
  return items.length;
}

/**
 * Answers between and below a quote stay, and so do the quoted lines between them (the question
 * an inline answer answers); only attributions go, and the quote that ends the mail. An
 * attribution followed by unquoted text (Outlook Mobile, some webmails) introduces the old mail
 * unquoted: after some text of the author's, the reply ends there. Before any text of the
 * author's (bottom-posting), the attribution and its quote go.
 * Returns where the reply ends. One pass: `seenText` carries "some text before" along.
 */
function dropQuotes(items: Item[], end: number): number {
  let seenText = false;
  let dropQuote = false;
  for (let i = 0; i < end; i++) {
    const x = items[i]!;
    if (x.kind === "t" && !x.drop) seenText = true;
    if (x.kind !== "b") {
      if (x.kind === "q" && dropQuote) x.drop = true;
      else if (x.kind !== "e") dropQuote = false;
      continue;
    }
    let j = i;
    while (j + 1 < end && (items[j + 1]!.kind === "b" || items[j + 1]!.kind === "e")) j++;
    const next = items[j + 1];
    if (seenText && next && next.kind !== "q") return i;
    for (let k = i; k <= j; k++) if (items[k]!.kind === "b") items[k]!.drop = true;
    dropQuote = !seenText;
    i = j;
  }
  return end;
}

/**
 * A quote (or attribution) that ends the mail goes, whoever wrote it; and so does a quote
 * between the author's text and the signature below it.
 */
function dropTrailingQuotes(items: Item[]): void {
  const dropBack = (from: number) => {
    for (let i = from - 1; i >= 0; i--) {
      const x = items[i]!;
      if ((x.kind === "t" || x.kind === "s") && !x.drop) return;
      if (x.kind === "q" || x.kind === "b") x.drop = true;
    }
  };
  dropBack(items.length);
  const kept = items.filter((x) => !x.drop);
  const sig = signatureStart(kept);
  if (sig >= 0) dropBack(items.indexOf(kept[sig]!));
}

/** Where the author's signature starts: a "-- " line near the end, or the trailing run of signature lines. */
function signatureStart(items: Item[]): number {
  let end = items.length;
  while (end > 0 && items[end - 1]!.kind === "e") end--;
  let at = end;
  while (at > 0 && (items[at - 1]!.kind === "s" || items[at - 1]!.kind === "e")) at--;
  at = firstNonEmpty(items, at);
  for (let i = Math.max(0, end - MAX_DASHED_SIGNATURE - 1); i < at; i++) {
    if (items[i]!.sigDelimiter) return hasText(items.slice(0, i)) ? i : -1;
  }
  return at < end && hasText(items.slice(0, at)) ? at : -1;
}

/** Drops marked lines. Blank lines around them stay: the author's spacing is theirs. */
const compact = (items: Item[]): Item[] => items.filter((x) => !x.drop);

function cutKind(removed: Item[]): HeuristicCut {
  if (removed.some((x) => x.kind === "b" || x.kind === "h" || x.introducesQuote)) return "attribution";
  return removed.some((x) => x.kind !== "e") ? "heuristic" : "none";
}

export function trimReplyLines(lines: string[], opts: { subject?: string } = {}): Trimmed {
  const all: Item[] = classifyLines(lines);
  quoteLinkLines(all);
  const fw = forwardStart(all, opts.subject ?? "");
  if (fw >= 0) {
    return { lines: all.map((x) => x.line), cut: "none", hasText: true, signatureAt: -1, forwardAt: fw };
  }
  const end = dropQuotes(all, cutAtIntro(all));
  const items = all.slice(0, end);
  dropTrailingQuotes(items);
  const removed = [...all.slice(end), ...items.filter((x) => x.drop)];
  const kept = compact(items);
  let last = kept.length;
  while (last > 0 && kept[last - 1]!.kind === "e") last--;
  const trimmed = kept.slice(0, last);
  return {
    lines: trimmed.map((x) => x.line),
    cut: cutKind(removed),
    hasText: hasText(trimmed),
    signatureAt: signatureStart(trimmed),
    forwardAt: -1,
  };
}

/** Where the signature of an already cut reply starts (-1: none); see signatureStart. */
export const findSignature = (lines: string[]): number => signatureStart(classifyLines(lines));
