// Seeded mail mutator for the fuzzing suite: takes a well-formed seed mail and breaks it the way
// real mail arrives broken (docs/mail.md "one bad mail must never block the mailbox"):
// truncation, wrong or missing boundaries, bad base64, huge headers, deep nesting, odd charsets,
// NUL bytes, CR-only / LF-only line ends, missing From/To, absurd dates. Deterministic for a
// seed (mulberry32). Test-only; never imported by app code.

/** mulberry32: small, fast, good enough to make a fuzz run reproducible from one number. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  return { next, int, pick };
}
export type Rng = ReturnType<typeof prng>;

/** The seed of a run: HELPDESK_TEST_SEED when set (to replay a failure), else a fresh one. */
export function runSeed(): number {
  const given = Number(process.env.HELPDESK_TEST_SEED);
  return Number.isInteger(given) && given > 0 ? given : 1 + Math.floor(Math.random() * 2 ** 31);
}

const L1 = "latin1";
const s = (b: Buffer) => b.toString(L1);
const b = (x: string) => Buffer.from(x, L1);

function splitHead(raw: string): { head: string; body: string; sep: string } {
  const m = /\r?\n\r?\n/.exec(raw);
  if (!m) return { head: raw, body: "", sep: "" };
  return { head: raw.slice(0, m.index), body: raw.slice(m.index + m[0].length), sep: m[0] };
}

type Mutation = (raw: Buffer, r: Rng) => Buffer;

export const MUTATIONS: Record<string, Mutation> = {
  truncate: (raw, r) => raw.subarray(0, r.int(1, Math.max(1, raw.length - 1))),
  wrongBoundary: (raw, r) => {
    const t = s(raw);
    const m = /boundary="?([^";\r\n]+)"?/i.exec(t);
    if (!m) return b(t.replace(/Content-Type: [^\r\n]+/i, 'Content-Type: multipart/mixed; boundary="nowhere"'));
    // the header names one boundary, the body uses another (or only some delimiters change)
    const wrong = r.next() < 0.5 ? "not-the-boundary" : m[1]! + "x";
    return b(t.slice(0, m.index) + `boundary="${wrong}"` + t.slice(m.index + m[0].length));
  },
  missingBoundary: (raw) => b(s(raw).replace(/;\s*boundary="?[^";\r\n]+"?/gi, "")),
  unclosedBoundary: (raw) => b(s(raw).replace(/--([A-Za-z0-9_-]+)--\r?\n?/g, "")),
  badBase64: (raw, r) => {
    const t = s(raw);
    // garbage inside base64 lines: '*', '%', a lone '=', bytes above 0x7f, a line of odd length
    return b(t.replace(/^([A-Za-z0-9+/]{16,}={0,2})$/gm, (line) => {
      if (r.next() < 0.5) return line;
      const at = r.int(0, line.length - 1);
      return line.slice(0, at) + r.pick(["*", "%%", "=", "\xff\xfe", "===", " ", "-_"]) + line.slice(at + r.int(0, 3));
    }).replace(/Content-Transfer-Encoding: 8bit/i, "Content-Transfer-Encoding: base64"));
  },
  hugeHeader: (raw, r) => {
    const { head, body, sep } = splitHead(s(raw));
    const size = 100 * 1024;
    const folded = r.next() < 0.5;
    const value = folded ? Array.from({ length: size / 64 }, () => "x".repeat(62)).join("\r\n ") : "y".repeat(size);
    const name = r.pick(["X-Huge", "Subject", "References", "To"]);
    const extra = name === "References" ? Array.from({ length: 3000 }, (_, i) => `<ref-${i}@huge.example>`).join(" ") : value;
    return b(`${head}\r\n${name}: ${extra}${sep || "\r\n\r\n"}${body}`);
  },
  manyHeaders: (raw) => {
    const { head, body, sep } = splitHead(s(raw));
    return b(`${head}\r\n${Array.from({ length: 5000 }, (_, i) => `X-H${i}: ${i}`).join("\r\n")}${sep || "\r\n\r\n"}${body}`);
  },
  deepNesting: (raw, r) => {
    const { head, body } = splitHead(s(raw));
    const depth = r.pick([50, 200, 200]);
    const ctLine = /^Content-Type:[^\r\n]*(?:\r?\n[ \t][^\r\n]*)*/im;
    let part = `${ctLine.exec(head)?.[0] ?? "Content-Type: text/plain"}\r\n\r\n${body}`;
    for (let i = depth; i > 0; i--) part = `Content-Type: multipart/mixed; boundary="n${i}"\r\n\r\n--n${i}\r\n${part}\r\n--n${i}--\r\n`;
    // the outer header block keeps everything but its Content-Type, which the first level replaces
    const outer = head.replace(/^Content-Type:[^\r\n]*(?:\r?\n[ \t][^\r\n]*)*(?:\r?\n|$)/im, "").replace(/(\r?\n)+$/, "");
    return b(`${outer}\r\n${part}`);
  },
  oddCharset: (raw, r) => {
    const cs = r.pick(["unknown-xyz", "utf-7", "UTF-7", "x-mac-klingon", "", "utf-8; charset=koi8-r", "\"broken"]);
    const t = s(raw).replace(/charset="?[^";\r\n\s]*"?/gi, `charset=${cs}`);
    // also an encoded-word in a charset nobody knows
    return b(t.replace(/^Subject: [^\r\n]*/im, `Subject: =?${cs || "x"}?B?${Buffer.from("+AF8-odd+AF8-").toString("base64")}?= =?utf-7?Q?+BB8EQAQ4BDIENQRC-?=`));
  },
  nulBytes: (raw, r) => {
    const out: Buffer[] = [];
    let last = 0;
    const n = r.int(1, 20);
    const cuts = Array.from({ length: n }, () => r.int(0, raw.length)).sort((x, y) => x - y);
    for (const c of cuts) {
      out.push(raw.subarray(last, c), Buffer.from([0]));
      last = c;
    }
    out.push(raw.subarray(last));
    return Buffer.concat(out);
  },
  crOnly: (raw) => b(s(raw).replace(/\r?\n/g, "\r")),
  lfOnly: (raw) => b(s(raw).replace(/\r\n/g, "\n")),
  mixedLineEnds: (raw, r) => b(s(raw).replace(/\r?\n/g, () => r.pick(["\r\n", "\n", "\r", "\n\r"]))),
  missingFrom: (raw) => b(s(raw).replace(/^From:[^\r\n]*(\r?\n[ \t][^\r\n]*)*\r?\n/im, "")),
  missingTo: (raw) => b(s(raw).replace(/^To:[^\r\n]*(\r?\n[ \t][^\r\n]*)*\r?\n/im, "")),
  badFrom: (raw, r) => b(s(raw).replace(/^From:[^\r\n]*/im, `From: ${r.pick(["<>", "@", "\"unterminated <a@b", "undisclosed-recipients:;", "a@b@c", "=?utf-8?B?AAAA?= <x@", ",,,"])}`)),
  absurdDate: (raw, r) =>
    b(s(raw).replace(/^Date:[^\r\n]*/im, `Date: ${r.pick(["Tue, 31 Feb 99999 25:61:61 +9999", "0", "-1", "Sat, 01 Jan 0000 00:00:00 +0000", "yesterday", "Fri, 13 Dec 275760 00:00:01 +0000", "\u00ff\u00fe", ""])}`)),
  headerGarbage: (raw, r) => {
    const { head, body, sep } = splitHead(s(raw));
    const junk = r.pick([": no name", "NoColonHere", " leading continuation", "X-\u00ff\u00fe: bytes", "Content-Type: multipart/mixed", "Content-Transfer-Encoding: x-uuencode"]);
    return b(`${junk}\r\n${head}${sep || "\r\n\r\n"}${body}`);
  },
};
export const MUTATION_NAMES = Object.keys(MUTATIONS);

/** Applies 1–3 mutations picked by `r`; returns the bytes and the names (for the report). */
export function mutate(raw: Buffer, r: Rng): { raw: Buffer; applied: string[] } {
  const n = r.int(1, 3);
  const applied: string[] = [];
  let out = raw;
  for (let i = 0; i < n; i++) {
    const name = r.pick(MUTATION_NAMES);
    applied.push(name);
    out = MUTATIONS[name]!(out, r);
  }
  return { raw: out, applied };
}
