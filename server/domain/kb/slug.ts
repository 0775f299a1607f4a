// Slugs for article and category URLs: lower-case Latin letters, digits and single hyphens.
// Russian titles are transliterated (a simplified GOST 7.79 B), so URLs stay readable.
const MAP: Record<string, string> = {
  а: "a", б: "b", в: "v", г: "g", д: "d", е: "e", ё: "e", ж: "zh", з: "z", и: "i", й: "y", к: "k", л: "l", м: "m", н: "n",
  о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ф: "f", х: "kh", ц: "ts", ч: "ch", ш: "sh", щ: "shch", ъ: "", ы: "y", ь: "",
  э: "e", ю: "yu", я: "ya",
};

export const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MAX = 100;

/** Lower-case Latin: Cyrillic transliterated, accents dropped. */
function latinOf(text: string): string {
  return [...text.toLowerCase()]
    .map((ch) => MAP[ch] ?? ch)
    .join("")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "");
}

/**
 * The typo-tolerant search key of a title or a query: Latin words separated by spaces. Trigrams
 * are taken from this (not from the Cyrillic text), so they work whatever the database's
 * LC_CTYPE is — under the C locale pg_trgm sees no letters in Cyrillic at all.
 */
export function searchKey(text: string): string {
  return latinOf(text).replace(/[^a-z0-9]+/g, " ").trim().slice(0, 1000);
}

export function slugify(text: string): string {
  const slug = latinOf(text)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, SLUG_MAX)
    .replace(/-+$/g, "");
  return slug;
}

export function isValidSlug(s: string): boolean {
  return s.length <= SLUG_MAX && SLUG_RE.test(s);
}

/** A free variant of `base` given the taken slugs that start with it: base, base-2, base-3 … */
export function nextFreeSlug(base: string, taken: Set<string>): string {
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) {
    const c = `${base.slice(0, SLUG_MAX - String(i).length - 1)}-${i}`;
    if (!taken.has(c)) return c;
  }
}
