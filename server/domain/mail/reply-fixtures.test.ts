// Acceptance measure on our own corpus (__fixtures__/replies, built by build-replies.ts): each
// .eml is parsed exactly as ingest parses it (parseMail, mailparser with the ingest options) and
// cut as decide-mail cuts it (mailCutOptions). Prints exact-match counts for us and, on the same
// parsed text, for the npm libraries email-reply-parser and planer.
// "Exact" compares after dropping trailing spaces and collapsing runs of blank lines: dropping an
// attribution line may leave two blank lines where the author had one.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import EmailReplyParser from "email-reply-parser";
import { describe, expect, it } from "vitest";
import { parseMail } from "@/server/mail/ingest/parse-mail";
import { cutReply, mailCutOptions } from "./reply-cut";
import { MARKER_EN, MARKER_RU } from "./__fixtures__/replies/shapes";

const planer = createRequire(import.meta.url)("planer") as { extractFrom(text: string, type: string): string };
const dir = path.join(import.meta.dirname, "__fixtures__/replies/eml");
const replyStrings = [MARKER_RU, MARKER_EN];

/** Known misses (none today); a regression shows up by name rather than as a drop in a number. */
const KNOWN_MISSES = new Set<string>([]);

const normalise = (s: string) =>
  s
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((l) => l.replace(/[\s\u00a0]+$/, ""))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();

const read = (name: string) => fs.readFileSync(path.join(dir, name));

describe("reply corpus (our own .eml fixtures)", () => {
  // 229 mails through mailparser: a generous watchdog, not a timing assertion
  it("cuts ≥ 95 % exactly, keeps every forward, and spans ≥ 150 cases in ≥ 15 languages", { timeout: 120_000 }, async () => {
    const names = fs.readdirSync(dir).filter((n) => n.endsWith(".eml")).sort();
    const languages = new Set(names.map((n) => n.split("-")[1]));
    expect(names.length).toBeGreaterThanOrEqual(150);
    expect(languages.size).toBeGreaterThanOrEqual(15);

    const score = { ours: 0, "email-reply-parser": 0, planer: 0 };
    const misses: string[] = [];
    const lostForwards: string[] = [];
    for (const name of names) {
      const base = name.replace(/\.eml$/, "");
      const p = await parseMail(read(name));
      const expected = normalise(read(`${base}.expected.txt`).toString("utf8"));
      const ours = cutReply(p.text, mailCutOptions(p, replyStrings));
      if (normalise(ours.text) === expected) score.ours++;
      else misses.push(base);
      if (normalise(new EmailReplyParser().read(p.text).getVisibleText()) === expected) score["email-reply-parser"]++;
      if (normalise(planer.extractFrom(p.text, "text/plain")) === expected) score.planer++;
      if (fs.existsSync(path.join(dir, `${base}.forwarded.txt`))) {
        const body = read(`${base}.forwarded.txt`).toString("utf8").trim();
        if (!ours.text.includes(body)) lostForwards.push(base);
      }
    }
    const pct = (n: number) => `${n}/${names.length} (${((100 * n) / names.length).toFixed(1)}%)`;
    console.log(
      `reply-fixtures (${names.length} mails, ${languages.size} languages): ours ${pct(score.ours)}, ` +
        `email-reply-parser ${pct(score["email-reply-parser"])}, planer ${pct(score.planer)}` +
        (misses.length ? `; ours missed: ${misses.join(", ")}` : ""),
    );
    expect(lostForwards).toEqual([]);
    expect(score.ours / names.length).toBeGreaterThanOrEqual(0.95);
    expect(misses.map((m) => m.replace(/^\d+-/, "")).filter((m) => !KNOWN_MISSES.has(m))).toEqual([]);
  });
});
