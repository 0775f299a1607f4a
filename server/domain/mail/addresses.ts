// Email address helpers for matching senders against requesters, CCs, staff and our own
// mailboxes. Comparison is deliberately loose (case-insensitive, display names ignored):
// the question is always "is this the same mailbox", never "is this RFC-valid".

/**
 * `"Doe, John" <John@Example.COM>` → `john@example.com`. Falls back to the bare input (comments
 * and quotes removed) when there are no angle brackets. Returns "" for blank input.
 */
export function normaliseAddress(input: string | null | undefined): string {
  if (!input) return "";
  let s = input.trim();
  // The last <…> holding an @ is the address; display names may themselves contain "<" or "@".
  const angled = [...s.matchAll(/<([^<>]*)>/g)].map((m) => m[1]!.trim()).filter((a) => a.includes("@"));
  if (angled.length > 0) s = angled[angled.length - 1]!;
  else s = s.replace(/\([^()]*\)/g, " ").replace(/["<>]/g, " ").trim();
  s = s.replace(/^mailto:/i, "").trim();
  // A bare "name addr@x" without brackets: keep the token that carries the @.
  if (/\s/.test(s)) s = s.split(/\s+/).find((t) => t.includes("@")) ?? s;
  return s.toLowerCase();
}

/** True when both are non-empty and denote the same mailbox (case-insensitive). */
export function sameAddress(a: string | null | undefined, b: string | null | undefined): boolean {
  const x = normaliseAddress(a);
  return x !== "" && x === normaliseAddress(b);
}

/** `support+t12-ab@x.com` → `support@x.com`: loops and ownership checks ignore sub-addresses. */
export function stripPlusTag(address: string): string {
  const a = normaliseAddress(address);
  const at = a.lastIndexOf("@");
  if (at < 0) return a;
  const local = a.slice(0, at);
  const plus = local.indexOf("+");
  return plus < 0 ? a : `${local.slice(0, plus)}${a.slice(at)}`;
}

/** Splits a normalised address into local part and domain; null when there is no "@". */
export function splitAddress(address: string): { local: string; domain: string } | null {
  const a = normaliseAddress(address);
  const at = a.lastIndexOf("@");
  if (at <= 0 || at === a.length - 1) return null;
  return { local: a.slice(0, at), domain: a.slice(at + 1) };
}
