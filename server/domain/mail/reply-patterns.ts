// Line classification for plain-text reply cutting. Each line becomes one of
//   e empty · t text · q quoted · b attribution ("On … wrote:", possibly several lines)
//   h mail-header block (From:/Sent:/To:/Subject: …) · d delimiter (`-- `, `_____`,
//   "-----Original Message-----") · s mobile signature ("Sent from my iPhone")
// reply-heuristics.ts decides what to keep from the resulting pattern. The idea of classifying
// lines first and reasoning on the pattern comes from Discourse's email_reply_trimmer, whose
// test set is shared/corpora/email-reply-trimmer; the patterns here are our own.

import {
  ATTRIBUTION_STARTS, ATTRIBUTION_VERBS, BEGIN_FORWARD_PHRASES, FORWARD_SEPARATOR_WORDS, HEADER_KEYS, ORIGINAL_SEPARATOR_WORDS, WEEKDAYS_LONG, WEEKDAYS_SHORT,
} from "./reply-lexicon";

export type LineKind = "e" | "t" | "q" | "b" | "h" | "d" | "s";

export interface ClassifiedLine {
  line: string;
  kind: LineKind;
  /** A delimiter that introduces a quoted/forwarded message (counts as an attribution cut). */
  introducesQuote?: boolean;
  /** The "-- " line that starts a signature. */
  sigDelimiter?: boolean;
  /** A forward's separator: what follows is the forwarded mail, kept. */
  forward?: boolean;
  /** A delimiter that is only a horizontal rule (`_____`, `-----`): authors use those too. */
  rule?: boolean;
}

// U+1427 is the dot some Gmail tracking extensions append; zero-width characters are invisible.
const EMPTY = /^[\s\u1427\u200b-\u200d\u2060\ufeff]*$/u;
// `>` quoting, and supercite-style `Name>` prefixes (only when followed by space, `>` or EOL).
const QUOTE = /^[ \t]*(?:>|[A-Za-z]{1,10}>(?=\s|>|$))/;
const FENCE = /^[ \t]*(?:```|~~~)/;

const SIG_DASHES = /^[ \t]*--[ \t]*$/;
const RULE = /^[ \t]*\*?[-_=~*#+]{3,}\*?[ \t]*$/;
const separator = (words: string) => new RegExp(`^[ \\t]*\\*?[-_=]{2,}[ \\t]*(?:${words})[ \\t]*[-_=]{2,}\\*?[ \\t]*$`, "iu");
const FORWARD_SEPARATOR = separator(FORWARD_SEPARATOR_WORDS);
const ORIGINAL_MESSAGE = separator(ORIGINAL_SEPARATOR_WORDS);
const BEGIN_FORWARD = new RegExp(`^[ \\t]*(?:${BEGIN_FORWARD_PHRASES})[ \\t]*[:：]?[ \\t]*$`, "iu");

/** A forward's separator ("---------- Forwarded message ----------", "Begin forwarded message:"). */
export const isForwardSeparator = (line: string) => line.length <= 200 && (FORWARD_SEPARATOR.test(line) || BEGIN_FORWARD.test(line));

const SIGNATURES: RegExp[] = [
  /^[(<[*\s]*sent (?:from|via|with|by|using|on) /i,
  /^(?:envoyé|envoye) (?:de|depuis|avec|à partir) /i,
  /\bvon meine[mn] .{0,60}gesendet\b/i,
  /^(?:sendt fra|skickat från|verzonden (?:met|vanaf|van)|inviato da|wysłane z) /iu,
  /^enviad[oa] (?:desde|do|de|con|com) /i,
  /^(?:отправлено|послано|надіслано|відправлено) (?:с|со|из|з|із|через) /iu,
  /^(?:寄自|发自|發自|从我的|從我的|来自我的)/u,
  /^get \[?outlook for /i,
  /^(?:lähetetty|odesláno|odoslané|được gửi từ|gửi từ) /iu,
  /^\S{1,30}(?:から送信|에서 보냄|['’](?:umdan|undan|dan|den|tan|ten) gönderildi)$/iu,
  /^(?:\S+ )?from (?:my |a )?(?:mobile|phone|cell|iphone|ipad|android|smartphone|tablet)\b/i,
];

/** A mobile or client signature line ("Sent from my iPhone"), already trimmed. */
export const isSignatureLine = (trimmed: string) => SIGNATURES.some((re) => re.test(trimmed));

const HEADER = new RegExp(`^[ \\t]*\\*?(?:${HEADER_KEYS})[ \\t\\u00a0]*\\*?[:：]\\*?(?:[ \\t\\u00a0]|$)`, "iu");

// ---- attributions --------------------------------------------------------------------------
// Where an attribution may begin: "On …", "Am …", "Le …", a date, a weekday, a name <email>, or
// "Name wrote on <date>:". Tested on the lines joined with spaces, since clients wrap them.
// "[^<>]{0,120}" cannot cross a "<", and the address part is bounded: no line costs more than a
// few thousand steps, however hostile.
const START = new RegExp(
  `^[-–—*\\s]*(?:(?:${ATTRIBUTION_STARTS})\\s|\\d|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*[,\\s]|(?:${WEEKDAYS_LONG}|${WEEKDAYS_SHORT})(?:\\.?,|\\.|\\s+\\d)|` +
    `"[^"]{1,80}"\\s*(?:<|&lt;)|[^<>]{0,120}(?:<|&lt;|\\()\\s*(?:mailto:)?[^\\s<>@]{1,64}@|` +
    `[^:<>]{1,80}\\s(?:${ATTRIBUTION_VERBS})\\s+(?:on|am|le|\\d))`,
  "iu",
);
const VERB = new RegExp(`(?:${ATTRIBUTION_VERBS})`, "iu");
/** Android's "---- Anna wrote ----": no date, no address, dashes on both sides. */
const DASHED_ATTRIBUTION = new RegExp(`^[ \\t]*-{2,}[ \\t]*[^-]{1,80}[ \\t](?:${ATTRIBUTION_VERBS})[ \\t]*-{2,}[ \\t]*$`, "iu");
const ENDS_CLOSED = /(?:[:：]|-{2,})\s*$/u;
const ENDS_EMAIL_COLON = /(?:>|&gt;)\s*[:：]\s*$/;
const HAS_TIME = /\d{1,2}[:.]\d{2}/;
const DATE_OR_ADDRESS = /\d{4}|\d{1,2}[:.]\d{2}|@/;
const ISO_DATE_START = /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b/;

/** Does this (joined) text read as an attribution line? `lineCount` is how many lines it spans. */
export function isAttribution(joined: string, lineCount: number): boolean {
  const s = joined.trim();
  if (s.length > 300) return false;
  if (lineCount === 1 && DASHED_ATTRIBUTION.test(s)) return true;
  // Gmail's old "2016-03-03 17:21 GMT+01:00 Name <mail>:" form has no verb.
  if (ISO_DATE_START.test(s)) {
    if (/(?:>|&gt;)\s*:?$/.test(s)) return true;
    if (lineCount === 1 && /GMT[+-]\d/.test(s)) return true;
  }
  if (!START.test(s)) return false;
  // A year, a time or an address: "what 1C wrote:" in a sentence is not an attribution.
  if (VERB.test(s) && ENDS_CLOSED.test(s) && DATE_OR_ADDRESS.test(s)) return true;
  // Gmail/Yandex/Mail.ru in Russian: "пн, 6 окт. 2014 г. в 10:00, Иван <ivan@x.ru>:".
  return ENDS_EMAIL_COLON.test(s) && HAS_TIME.test(s);
}

/** A quoted line that can only be the tail of a wrapped attribution (`> wrote:`, `>:`). */
const QUOTED_TAIL = /^[ \t]*>\s*\S{0,20}\s*[:：]\s*$/u;
const MAX_ATTRIBUTION_LINES = 6;
const SENTENCE_END = /\p{L}{3,}[.!?]$/u;

/** Marks attribution spans in place; `locked` lines (code fences) are never part of one. */
function markAttributions(lines: string[], kinds: (LineKind | null)[], locked: boolean[]): void {
  for (let i = 0; i < lines.length; i++) {
    const head = lines[i]!;
    if (head === "") continue;
    if (locked[i] || head.length > MAX_PATTERN_LINE || EMPTY.test(head) || QUOTE.test(head)) continue;
    if (!START.test(head.trim()) && !DASHED_ATTRIBUTION.test(head)) continue;
    let best = -1;
    const parts: string[] = [];
    for (let j = i; j < Math.min(lines.length, i + MAX_ATTRIBUTION_LINES); j++) {
      const line = lines[j]!;
      if (locked[j] || line.length > MAX_PATTERN_LINE) break;
      if (EMPTY.test(line)) continue;
      const quotedTail = j > i && QUOTE.test(line);
      if (quotedTail && !QUOTED_TAIL.test(line)) break;
      // A finished sentence ("I checked the printer.") is the author's, not a wrapped header;
      // a date part ("schrieb am Fr., 28.") is not a sentence end.
      if (parts.length > 0 && SENTENCE_END.test(parts[parts.length - 1]!)) break;
      parts.push(line.trim());
      const joined = parts.join(" ");
      if (isAttribution(joined, parts.length)) {
        best = j;
        if (ENDS_CLOSED.test(joined)) break;
      }
      if (quotedTail || joined.length > 300) break;
    }
    if (best >= 0) {
      for (let k = i; k <= best; k++) kinds[k] = "b";
      i = best;
    }
  }
}

/** No attribution, header, separator or signature is this long; skip the patterns on such lines. */
const MAX_PATTERN_LINE = 1000;

const EMPTY_KIND: Omit<ClassifiedLine, "line"> = { kind: "e" };

function classifyOne(line: string): Omit<ClassifiedLine, "line"> {
  if (line === "" || EMPTY.test(line)) return EMPTY_KIND;
  if (QUOTE.test(line)) return { kind: "q" };
  if (line.length > MAX_PATTERN_LINE) return { kind: "t" };
  if (isForwardSeparator(line)) return { kind: "d", introducesQuote: true, forward: true };
  if (ORIGINAL_MESSAGE.test(line)) return { kind: "d", introducesQuote: true };
  if (SIG_DASHES.test(line)) return { kind: "s", sigDelimiter: true };
  if (RULE.test(line)) return { kind: "d", rule: true };
  const trimmed = line.trim();
  if (trimmed.length <= 100 && SIGNATURES.some((re) => re.test(trimmed))) return { kind: "s" };
  if (HEADER.test(line)) return { kind: "h" };
  return { kind: "t" };
}

/**
 * Header lines only count in blocks of three or more that name an address or a date (a lone
 * "To: all staff" is text). A block may contain up to two wrapped continuation lines
 * ("Subject: long …\n… subject\nTo: …").
 */
function resolveHeaderBlocks(out: ClassifiedLine[]): void {
  const isH = (k: number) => out[k]?.kind === "h";
  const isCont = (k: number) => out[k] !== undefined && (out[k]!.kind === "t" || out[k]!.kind === "s");
  for (let i = 0; i < out.length; i++) {
    if (!isH(i)) continue;
    let j = i;
    let headers = 1;
    let continuations = 0;
    while (j + 1 < out.length) {
      if (isH(j + 1)) headers++;
      else if (continuations < 2 && isCont(j + 1) && (isH(j + 2) || (isCont(j + 2) && isH(j + 3)))) continuations++;
      else break;
      j++;
    }
    const real = headers >= 3 && out.slice(i, j + 1).some((x) => DATE_OR_ADDRESS.test(x.line));
    for (let k = i; k <= j; k++) {
      if (real) out[k]!.kind = "h";
      else if (isH(k)) out[k]!.kind = "t";
    }
    i = j;
  }
}

const DEVICE_SIGNATURE = /^((?:sent|envoyé|enviado|inviato|gesendet|verzonden|отправлено) .{0,60}?(?:mobile|phone|device|galaxy|android|iphone|ipad|tablet|smartphone|устройства|телефона))(\S.*)$/iu;

/**
 * Splits lines where a client ran the attribution into the line before it:
 * "…thanks--- On Wed, Apr 4, 2012 at 3:59 PM, Anna <a@x> wrote:" and Samsung's
 * "Sent from Samsung MobileAnna <a@x> wrote:". Linear: one indexOf and one bounded regex a line.
 */
export function splitRunTogether(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    if (line.length > MAX_PATTERN_LINE || QUOTE.test(line) || !/[:：]\s*$/.test(line)) {
      out.push(line);
      continue;
    }
    const dash = line.indexOf("---");
    if (dash > 0 && line.slice(0, dash).trim() !== "") {
      let k = dash;
      while (line[k] === "-") k++;
      const tail = line.slice(k).trim();
      if (tail.length <= 300 && isAttribution(tail, 1)) {
        out.push(line.slice(0, dash).trimEnd(), tail);
        continue;
      }
    }
    const device = DEVICE_SIGNATURE.exec(line.trim());
    if (device && isAttribution(device[2]!, 1)) out.push(device[1]!, device[2]!);
    else out.push(line);
  }
  return out;
}

export function classifyLines(lines: string[]): ClassifiedLine[] {
  // Code blocks are the author's text, whatever they look like (`####`, `> prompt`, `--`).
  const locked: boolean[] = [];
  let inFence = false;
  for (const line of lines) {
    const fence = FENCE.test(line);
    locked.push(inFence || fence);
    if (fence) inFence = !inFence;
  }
  const kinds: (LineKind | null)[] = lines.map(() => null);
  markAttributions(lines, kinds, locked);
  const out = lines.map((line, i): ClassifiedLine => {
    if (locked[i]) return { line, kind: "t" };
    if (kinds[i]) return { line, kind: kinds[i]! };
    return { line, ...classifyOne(line) };
  });
  resolveHeaderBlocks(out);
  return out;
}
