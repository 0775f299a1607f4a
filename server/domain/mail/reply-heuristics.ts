// Decides which classified lines (reply-patterns.ts) are the author's reply when the mail has
// no reply marker. Tuned on shared/corpora/email-reply-trimmer (see reply-corpus.test.ts).
// Bias: when unsure, keep text. Losing a customer's words is worse than showing a quote.
import { classifyLines, type ClassifiedLine } from "./reply-patterns";

export type HeuristicCut = "attribution" | "heuristic" | "none";

/** Below this many text lines after a quote, trailing text is a signature, not an inline reply. */
const INLINE_REPLY_MIN_TEXT_LINES = 7;
/** At most this many lines after a horizontal rule are taken for a signature block. */
const MAX_SIGNATURE_LINES = 4;

const pattern = (items: ClassifiedLine[]) => items.map((x) => x.kind).join("");
const hasText = (items: ClassifiedLine[]) => items.some((x) => x.kind === "t");

/** What follows a horizontal rule: a header block, attribution or quote, or a few lines only. */
function ruleSeparatesQuote(rest: ClassifiedLine[]): boolean {
  const next = rest.find((x) => x.kind !== "e");
  if (!next || next.kind === "h" || next.kind === "b" || next.kind === "q" || next.kind === "d") return true;
  const nonEmpty = rest.filter((x) => x.kind !== "e");
  return nonEmpty.every((x) => x.kind === "t" || x.kind === "s") && nonEmpty.length <= MAX_SIGNATURE_LINES;
}

/** `hasText` is false when only quotes (or nothing) survived: the caller keeps the input then. */
export function trimReplyLines(lines: string[]): { lines: string[]; cut: HeuristicCut; hasText: boolean } {
  let items = classifyLines(lines);
  const removed: ClassifiedLine[] = [];
  const keep = (from: number, to: number) => {
    removed.push(...items.slice(0, from), ...items.slice(to));
    items = items.slice(from, to);
  };
  const drop = (pred: (x: ClassifiedLine, i: number) => boolean) => {
    removed.push(...items.filter(pred));
    items = items.filter((x, i) => !pred(x, i));
  };

  // 1. A delimiter or header block after some text ends the reply. One before any text (a
  //    forwarded message, a leading separator) is dropped and the search goes on. A bare
  //    horizontal rule only counts when a quoted message or a short signature follows it.
  for (;;) {
    const idx = items.findIndex((x) => x.kind === "d" || x.kind === "h");
    if (idx < 0) break;
    if (items[idx]!.rule && !ruleSeparatesQuote(items.slice(idx + 1))) {
      items[idx] = { ...items[idx]!, kind: "t", rule: false };
      continue;
    }
    if (hasText(items.slice(0, idx))) {
      keep(0, idx);
      break;
    }
    let end = idx + 1;
    if (items[idx]!.kind === "h") while (items[end]?.kind === "h") end++;
    drop((_, i) => i >= idx && i < end);
  }

  // 2. Bottom-posting: "On … wrote:", the quote, then the reply and nothing quoted after it.
  const p = pattern(items);
  const lead = /^e*b[bqeh]*t/.exec(p);
  if (lead && !/[bqh]/.test(p.slice(lead[0].length))) keep(lead[0].length - 1, items.length);

  // 3. Top-posting: text, then an attribution. Cut there unless a substantial amount of text
  //    follows the quote (an inline, interleaved reply).
  //    A lone salutation before the quote ("Hi Anna,") also means the reply continues below it.
  const first = /t[es]*b/.exec(pattern(items));
  if (first) {
    const at = first.index + first[0].length - 1;
    const after = pattern(items).slice(at + 1);
    const textAfter = after.replace(/[^t]/g, "").length;
    const before = items.slice(0, at).filter((x) => x.kind === "t");
    const salutationOnly = before.length === 1 && /[,:]\s*$/.test(before[0]!.line) && textAfter > 0;
    const shortTail = /^[eqbh]*[tes]*$/.test(after) && textAfter < INLINE_REPLY_MIN_TEXT_LINES && !salutationOnly;
    if (!after.includes("q") || shortTail) keep(0, at);
  }

  // 4. Trailing quotes, attributions, signatures and blank lines go once there is some text.
  if (hasText(items)) {
    let end = items.length;
    while (end > 0 && items[end - 1]!.kind !== "t") end--;
    keep(0, end);
  }

  // 5. What remains of attributions sat inside an interleaved reply: drop just those lines.
  drop((x) => x.kind === "b");

  const cut: HeuristicCut = removed.some((x) => x.kind === "b" || x.kind === "h" || x.introducesQuote)
    ? "attribution"
    : removed.some((x) => x.kind !== "e")
      ? "heuristic"
      : "none";
  return { lines: items.map((x) => x.line), cut, hasText: hasText(items) };
}
