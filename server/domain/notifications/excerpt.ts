// Staff notification mails carry an excerpt and a link, never the whole text of a long mail
// (issue 16 point 3): a long or hostile message stays on the ticket page, behind sign-in.
export const EXCERPT_CHARS = 1500;

/** At most `max` characters, cut at a word boundary when one is near, with "…" when cut. */
export function excerpt(text: string, max = EXCERPT_CHARS): string {
  const clean = text.replace(/\r\n?/g, "\n").replace(/\n{3,}/g, "\n\n").trim();
  const chars = Array.from(clean); // never split a surrogate pair
  if (chars.length <= max) return clean;
  const head = chars.slice(0, max).join("");
  const space = head.search(/\s\S*$/);
  const cut = space > max * 0.8 ? head.slice(0, space) : head;
  return `${cut.trimEnd()} …`;
}
