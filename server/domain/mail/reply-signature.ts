// Where the signature of a stored reply begins, so the ticket view can fold it. The stored text
// keeps it: a signature is the customer's own words (a phone number, a title) and is never cut.
// Same rule as the cut itself (reply-heuristics.ts): a "-- " line near the end, or the trailing
// run of signature lines ("Sent from my iPhone"), with something of the author's above it.
import { findSignature } from "./reply-heuristics";

export interface SignatureSplit {
  body: string;
  /** null when the text has no recognisable signature (or nothing but one) */
  signature: string | null;
}

export function splitSignature(text: string): SignatureSplit {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const at = findSignature(lines);
  if (at < 0) return { body: text, signature: null };
  return { body: lines.slice(0, at).join("\n").trimEnd(), signature: lines.slice(at).join("\n").trim() };
}
