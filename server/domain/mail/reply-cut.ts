// Cuts the new part out of an emailed reply. With our reply string ("##- Please type your reply
// above this line -##") in the quote, that line is authoritative: keep what is above it, minus
// the attribution the client put just above the quote. Without it, fall back to the heuristics
// in reply-heuristics.ts. Never returns "" for a mail that had text: the raw message is kept
// anyway, but an empty ticket reply would hide that anything arrived.
import { trimReplyLines } from "./reply-heuristics";
import { classifyLines } from "./reply-patterns";

export { cutReplyHtml } from "./reply-html";

export type CutBy = "marker" | "attribution" | "heuristic" | "none";

export interface CutResult {
  text: string;
  cutBy: CutBy;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Full-line matchers for the reply strings; quote marks and re-spaced whitespace allowed. */
export function replyStringMatchers(replyStrings: string[]): RegExp[] {
  return replyStrings
    .map((s) => s.trim())
    .filter((s) => s !== "")
    .map((s) => new RegExp(`^[>\\s]*${escapeRe(s).replace(/\s+/g, "\\s+")}\\s*$`, "iu"));
}

/** Drops leading and trailing blank lines, keeping the indentation of the first kept line. */
function joinTrimmed(lines: string[]): string {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start]!.trim() === "") start++;
  while (end > start && lines[end - 1]!.trim() === "") end--;
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
  while (end > 0 && items[end - 1]!.kind !== "t") end--;
  return lines.slice(0, end);
}

export function cutReply(text: string, opts: { replyStrings: string[] }): CutResult {
  const normalised = (text ?? "").replace(/\r\n?/g, "\n");
  const whole = normalised.trim() === "" ? "" : joinTrimmed(normalised.split("\n"));
  if (whole === "") return { text: "", cutBy: "none" };
  const lines = normalised.split("\n");

  const matchers = replyStringMatchers(opts.replyStrings);
  const markerAt = matchers.length ? lines.findIndex((l) => matchers.some((re) => re.test(l))) : -1;
  if (markerAt >= 0) {
    const above = joinTrimmed(stripTrailingQuoteIntro(lines.slice(0, markerAt)));
    if (above !== "") return { text: above, cutBy: "marker" };
    // Nothing above the marker: the author wrote below the quote, or nothing at all.
  }

  const trimmed = trimReplyLines(lines);
  const result = joinTrimmed(trimmed.lines);
  // Everything looked quoted: better the whole mail than a fragment of someone else's words.
  if (result === "" || !trimmed.hasText) return { text: whole, cutBy: "none" };
  return { text: result, cutBy: result === whole ? "none" : trimmed.cut };
}
