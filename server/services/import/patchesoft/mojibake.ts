// Repairs "double-encoded UTF-8": Cyrillic written through a latin1 connection (PHP's default
// on old MySQL installs) is stored as the Windows-1252 reading of its UTF-8 bytes ("Ð¢ÐµÑÑ"
// for "Тест"). MySQL's "latin1" is Windows-1252 with 0x81/0x8D/0x8F/0x90/0x9D passed through.
// The repair is applied only when the text maps back to bytes that are valid UTF-8 and the
// result holds Cyrillic — a real Western text ("Café") never turns into that.

// Windows-1252 code points of bytes 0x80–0x9F (the rest of 0x00–0xFF maps to itself)
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];
const TO_BYTE = new Map<number, number>(CP1252_HIGH.map((cp, i) => [cp, 0x80 + i]));
const DECODER = new TextDecoder("utf-8", { fatal: true });
// lead bytes of two-byte Cyrillic (U+0400–U+04FF) seen as Windows-1252: Ð and Ñ, Ò, Ó
const SUSPECT = /[\u00d0-\u00d3][\u0080-\u00bf\u2018-\u203a\u20ac\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2122]/;
const CYRILLIC = /[\u0400-\u04ff]/;

function toBytes(s: string): Buffer | null {
  const out = Buffer.allocUnsafe(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const b = c < 0x80 || (c >= 0xa0 && c <= 0xff) ? c : TO_BYTE.get(c);
    if (b === undefined) return null;
    out[i] = b;
  }
  return out;
}

/** True when the text looks like UTF-8 Cyrillic read as Windows-1252. */
export function looksDoubleEncoded(s: string): boolean {
  return SUSPECT.test(s);
}

/** The repaired text, or the input unchanged when it is not double-encoded Cyrillic. */
export function repairText(s: string): string {
  if (!s || !looksDoubleEncoded(s)) return s;
  const bytes = toBytes(s);
  if (!bytes) return s;
  try {
    const fixed = DECODER.decode(bytes);
    return CYRILLIC.test(fixed) ? fixed : s;
  } catch {
    return s;
  }
}

/** The Windows-1252 reading of the UTF-8 bytes of `s` (how a latin1 connection stores it): for test data. */
export function doubleEncode(s: string): string {
  const bytes = Buffer.from(s, "utf8");
  let out = "";
  for (const b of bytes) out += String.fromCharCode(b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80]! : b);
  return out;
}
