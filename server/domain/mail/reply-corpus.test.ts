// Acceptance measure for plain-text reply cutting: our heuristics (no reply strings) against the
// npm libraries email-reply-parser and planer on shared/corpora/email-reply-trimmer, 64 pairs.
// Prints the figures; asserts we are at least as good as the best library.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import EmailReplyParser from "email-reply-parser";
import { describe, expect, it } from "vitest";
import { authoredText, cutReply } from "./reply-cut";

// planer ships no type declarations; load it through require with the one call we use.
const planer = createRequire(import.meta.url)("planer") as { extractFrom(text: string, type: string): string };

const repoRoot = path.resolve(import.meta.dirname, "../../..");
// beside the checkout (/work/main → /work/shared) or beside a worktree's parent (/work/wt/x)
const corpusDir =
  ["../shared", "../../shared"].map((d) => path.resolve(repoRoot, d, "corpora/email-reply-trimmer")).find((d) => fs.existsSync(d)) ??
  path.resolve(repoRoot, "../shared/corpora/email-reply-trimmer");

// Known, deliberate miss: embedded_email_1 expects the two lines below a quote dropped ("99% of
// the times this is the signature"); issue 13 asks us to keep what a customer writes below a
// quote ("…> quoted\n\nRegards, Roman"), so we keep them.
const EXPECTED_MISSES = new Set(["embedded_email_1.txt"]);

const normalise = (s: string) =>
  s
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((l) => l.replace(/\s+$/, ""))
    .join("\n")
    .trim();

type Extractor = (text: string) => string;

const extractors: Record<string, Extractor> = {
  // The corpus's "trimmed" is the author's own words; our stored text also keeps the signature
  // and any forwarded mail on purpose (issue 13), reported apart as "stored" below.
  ours: (t) => authoredText(cutReply(t, { replyStrings: [] })),
  "email-reply-parser": (t) => new EmailReplyParser().read(t).getVisibleText(),
  planer: (t) => planer.extractFrom(t, "text/plain"),
};

function loadCorpus(): { name: string; email: string; expected: string }[] {
  if (!fs.existsSync(path.join(corpusDir, "emails")) || !fs.existsSync(path.join(corpusDir, "trimmed"))) {
    throw new Error(
      `reply corpus not found at ${corpusDir} (expected emails/ and trimmed/). ` +
        "It lives in shared/corpora/email-reply-trimmer beside the repository checkout.",
    );
  }
  return fs
    .readdirSync(path.join(corpusDir, "emails"))
    .filter((n) => n.endsWith(".txt"))
    .sort()
    .map((name) => ({
      name,
      email: fs.readFileSync(path.join(corpusDir, "emails", name), "utf8"),
      expected: fs.readFileSync(path.join(corpusDir, "trimmed", name), "utf8"),
    }));
}

describe("reply corpus (email-reply-trimmer)", () => {
  it("cuts at least as well as the best npm library", () => {
    const corpus = loadCorpus();
    expect(corpus.length).toBe(64);
    const score: Record<string, number> = {};
    const ourMisses: string[] = [];
    for (const [label, extract] of Object.entries(extractors)) {
      score[label] = 0;
      for (const { name, email, expected } of corpus) {
        let got: string;
        try {
          got = extract(email);
        } catch {
          got = "\u0000error";
        }
        if (normalise(got) === normalise(expected)) score[label]!++;
        else if (label === "ours") ourMisses.push(name);
      }
    }
    const pct = (n: number) => `${n}/${corpus.length} (${((100 * n) / corpus.length).toFixed(1)}%)`;
    // what the ticket stores (signature and forwarded mail kept): lower here by design
    const stored = corpus.filter((c) => normalise(cutReply(c.email, { replyStrings: [] }).text) === normalise(c.expected)).length;
    console.log(`reply-corpus: ours as stored (signatures and forwards kept) ${pct(stored)}`);
    console.log(
      `reply-corpus: ours ${pct(score.ours!)}, email-reply-parser ${pct(score["email-reply-parser"]!)}, ` +
        `planer ${pct(score.planer!)}` +
        (ourMisses.length ? `; ours missed: ${ourMisses.join(", ")}` : ""),
    );
    expect(score.ours!).toBeGreaterThanOrEqual(Math.max(score["email-reply-parser"]!, score.planer!));
    // Regressions show up by name rather than as a drop in a number.
    expect(ourMisses.filter((n) => !EXPECTED_MISSES.has(n))).toEqual([]);
  });
});
