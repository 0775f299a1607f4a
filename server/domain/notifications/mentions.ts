// @mentions in internal notes (issue 16 point 3): the one parser, used by the note composer (to
// warn about names that cannot see the ticket) and by the server (to notify). A mention is "@"
// at the start of the text or after a non-word character, followed by a staff member's full
// name (names have spaces: the longest name that fits wins, "@Anna Lee" beats "@Anna") or the
// local part of their e-mail address; it must end at a non-word character. An e-mail address
// in the text ("ops@anna.example") is not a mention: its "@" follows a word character.
export type Mentionable = { id: number; name: string; email: string };

/** Bounds the work on a hostile note: a note has at most this many mentions looked at. */
export const MAX_MENTIONS = 20;

const WORD = /[\p{L}\p{N}_]/u;

function handlesOf(p: Mentionable): string[] {
  const local = p.email.split("@")[0] ?? "";
  return [p.name.trim().replace(/\s+/g, " "), local].filter((h) => h.length > 0).map((h) => h.toLocaleLowerCase());
}

/** Ids of the people mentioned, each once, in order of first mention. */
export function parseMentions(text: string, people: Mentionable[]): number[] {
  const handles = people.flatMap((p) => handlesOf(p).map((h) => ({ id: p.id, h }))).sort((a, b) => b.h.length - a.h.length);
  const lower = text.toLocaleLowerCase().replace(/\s+/g, " ");
  const found: number[] = [];
  let seen = 0;
  for (let at = lower.indexOf("@"); at !== -1 && seen < MAX_MENTIONS; at = lower.indexOf("@", at + 1)) {
    if (at > 0 && WORD.test(lower[at - 1]!)) continue;
    seen++;
    const rest = lower.slice(at + 1, at + 1 + 200);
    const hit = handles.find(({ h }) => rest.startsWith(h) && !WORD.test(rest[h.length] ?? " "));
    if (hit && !found.includes(hit.id)) found.push(hit.id);
  }
  return found;
}

/** The text the composer puts in for a picked person. */
export function mentionText(p: Pick<Mentionable, "name">): string {
  return `@${p.name.trim().replace(/\s+/g, " ")} `;
}

/** The "@query" being typed right before the caret, if any. */
export function activeMention(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const m = /(^|[^\p{L}\p{N}_])@([^\n@]{0,30})$/u.exec(before);
  if (!m) return null;
  const query = m[2]!;
  // two words typed after "@": probably done with the name (or not a mention at all)
  if (/\s\S+\s/.test(query)) return null;
  return { start: before.length - query.length - 1, query };
}
