// The cut runs on every ingested mail, up to megabytes of text: its work is bounded by design
// (lines over MAX_PATTERN_LINE are not matched against patterns, attributions span at most six
// lines of 300 characters, beyond MAX_CUT_CHARS only the reply string is looked for, HTML over
// MAX_HTML_CHARS is left to mailparser's text, and the DOM walk is iterative). These tests check
// the bounds themselves, then feed 2 MB hostile inputs that must simply come back (no timing
// assertion: a quadratic or catastrophic pattern would hang the run, not fail a number).
import { describe, expect, it } from "vitest";
import { cutReply, cutReplyHtml, MAX_CUT_CHARS, MAX_CUT_LINES } from "./reply-cut";
import { classifyLines } from "./reply-patterns";
import { htmlToReplyText, MAX_HTML_CHARS } from "./reply-html-text";

const MB2 = 2 * 1024 * 1024;
const fill = (unit: string, size = MB2) => unit.repeat(Math.ceil(size / unit.length));
const EN = "##- Please type your reply above this line -##";

describe("reply cut: bounds", () => {
  it("does not run the line patterns on a line longer than 1000 characters", () => {
    const long = `On Mon, Oct 6, 2025 at 10:00 AM ${"x".repeat(1200)} <a@b.example> wrote:`;
    expect(classifyLines([long]).map((x) => x.kind)).toEqual(["t"]);
  });

  it("beyond MAX_CUT_CHARS keeps the text whole but still honours the reply string", () => {
    const quoted = `Reply.\n\nOn Mon, Oct 6, 2025 at 10:00 AM S <s@x.example> wrote:\n${fill("> old line\n", MAX_CUT_CHARS + 10)}`;
    expect(cutReply(quoted, { replyStrings: [] })).toMatchObject({ text: quoted.trimEnd(), cutBy: "none" });
    expect(cutReply(`Reply.\n\n> ${EN}\n${fill("> old line\n", MAX_CUT_CHARS + 10)}`, { replyStrings: [EN] })).toMatchObject({ text: "Reply.", cutBy: "marker" });
  });

  it("beyond MAX_CUT_LINES keeps the text whole", () => {
    const text = `Reply.\n\nOn Mon, Oct 6, 2025 at 10:00 AM S <s@x.example> wrote:\n${"> q\n".repeat(MAX_CUT_LINES)}`;
    expect(cutReply(text, { replyStrings: [] })).toMatchObject({ text: text.trimEnd(), cutBy: "none" });
    expect(cutReply(text.split("\n").slice(0, 1000).join("\n"), { replyStrings: [] }).text).toBe("Reply.");
  });

  it("leaves HTML over MAX_HTML_CHARS to the text part", () => {
    const html = `<div>Reply</div><blockquote>${fill("q ", MAX_HTML_CHARS)}</blockquote>`;
    expect(cutReply("Reply\n\nplain text", { replyStrings: [], html }).text).toBe("Reply\n\nplain text");
  });
});

// A generous watchdog, not a timing assertion: two cores shared with other test runs.
describe("reply cut: 2 MB hostile input comes back", { timeout: 120_000 }, () => {
  const texts: [string, string][] = [
    ["one 2 MB line", fill("a")],
    ["one 2 MB line of dashes", fill("-")],
    ["deep quote marks", fill(`${">".repeat(999)}\n`)],
    ["attribution starts that never close", fill(`On Mon, Oct 6, 2025 at 10:00 ${"&lt;".repeat(30)} x\n`)],
    ["header lines", fill("From: a@b.example\nSent: 2025\nTo: c@d.example\n")],
    ["rules between blank runs", fill(`-----\n${"\n".repeat(200)}`)],
    ["link lines between quotes", fill("> q\n<https://x.example/a>\n")],
    ["spaces and a marker look-alike", fill(`${" ".repeat(1900)}##- Please\n`)],
    ["run-together attribution candidates", fill(`thanks${"-".repeat(500)} On Mon wrote:\n`)],
  ];
  it.each(texts)("%s", (_, text) => {
    const r = cutReply(text, { replyStrings: [EN, "##- Введите свой ответ над этой строкой -##"] });
    expect(r.text.length).toBeGreaterThan(0);
    // and the largest input the heuristics still take on
    const largest = text.slice(0, MAX_CUT_CHARS - 1).split("\n").slice(0, MAX_CUT_LINES).join("\n");
    expect(cutReply(largest, { replyStrings: [] }).text.length).toBeGreaterThan(0);
  });

  // htmlparser2 itself slows down with nesting depth (mailparser has parsed the same HTML
  // already), so the depth here stays at 20,000 and the rest of the 2 MB is text.
  it("deeply nested HTML: the text walk is iterative, the HTML cut gives the mail back whole", () => {
    const nested = `${"<div>".repeat(20_000)}Reply ${fill("word ", MB2 - 250_000)}${"</div>".repeat(20_000)}`;
    expect(nested.length).toBeLessThanOrEqual(MAX_HTML_CHARS);
    expect(htmlToReplyText(nested).startsWith("Reply word")).toBe(true);
    expect(cutReply("Reply", { replyStrings: [EN], html: nested }).text.startsWith("Reply word")).toBe(true);
    const deep = `${"<blockquote>".repeat(20_000)}x`;
    expect(cutReplyHtml(deep, [EN])).toBe(deep);
  });
});

describe("cutReplyHtml keeps forwards", () => {
  it("a Gmail forward in .gmail_quote stays", () => {
    const html = `<div>FYI</div><div class="gmail_quote"><div class="gmail_attr">---------- Forwarded message ---------<br>From: Shop</div><div>Order shipped.</div></div>`;
    expect(cutReplyHtml(html, [EN])).toBe(html);
  });

  it("an Outlook forward (#divRplyFwdMsg) stays when the subject says FW:", () => {
    const html = `<div>See below.</div><div id="divRplyFwdMsg"><b>From:</b> Shop</div><div>Order shipped.</div>`;
    expect(cutReplyHtml(html, [EN], { subject: "FW: Order" })).toBe(html);
  });
});
