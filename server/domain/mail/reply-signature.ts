// Where the signature of a cut reply begins, so the ticket view can fold it. The stored text
// keeps it: a signature is the customer's own words (a phone number, a title) and is never cut.
import { isSignatureLine } from "./reply-patterns";

/** Longer tails are more likely a P.S. or an inline answer than a signature. */
const MAX_SIGNATURE_LINES = 10;
const SIG_DASHES = /^--[ \t]*$/;

export interface SignatureSplit {
  body: string;
  /** null when the text has no recognisable signature (or nothing but one) */
  signature: string | null;
}

/**
 * The last "-- " delimiter or mobile signature ("Sent from my iPhone") within the last lines,
 * with something of the author's above it. Linear: looks at the tail only.
 */
export function splitSignature(text: string): SignatureSplit {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  let end = lines.length;
  while (end > 0 && lines[end - 1]!.trim() === "") end--;
  const from = Math.max(0, end - MAX_SIGNATURE_LINES - 1);
  let at = -1;
  for (let i = from; i < end; i++) {
    const line = lines[i]!;
    if (SIG_DASHES.test(line) || (line.length <= 100 && isSignatureLine(line.trim()))) {
      at = i;
      break;
    }
  }
  if (at < 0) return { body: text, signature: null };
  const body = lines.slice(0, at).join("\n").trimEnd();
  if (body.trim() === "") return { body: text, signature: null };
  return { body, signature: lines.slice(at, end).join("\n") };
}
