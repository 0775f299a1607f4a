import { describe, expect, it } from "vitest";
import { cutReply, cutReplyHtml, type CutBy } from "./reply-cut";
import { splitSignature } from "./reply-signature";

const EN = "##- Please type your reply above this line -##";
const RU = "##- Введите свой ответ над этой строкой -##";
const replyStrings = [EN, RU];
const QUOTE = "\n\n> Hello Anna,\n> please try again.\n";

describe("cutReply with a reply string", () => {
  const cases: { name: string; input: string; text: string }[] = [
    { name: "en marker, unquoted", input: `Works now.\n\n${EN}\nHello Anna`, text: "Works now." },
    { name: "ru marker, unquoted", input: `Заработало.\n\n${RU}\nЗдравствуйте`, text: "Заработало." },
    { name: "marker behind > quote marks", input: `Works now.\n\n> ${EN}\n> Hello`, text: "Works now." },
    { name: "marker behind nested quotes", input: `Works now.\n>> > ${EN}\n>> Hello`, text: "Works now." },
    { name: "marker with re-spaced words", input: `Works now.\n> ##-  Please type your reply\u00a0above this line -##`, text: "Works now." },
    {
      name: "Gmail attribution (en)",
      input: `Works now.\n\nOn Mon, Oct 6, 2014 at 10:00 AM Support <support@example.com> wrote:\n\n> ${EN}\n> Hello`,
      text: "Works now.",
    },
    {
      name: "Gmail attribution split over two lines",
      input: `Works now.\n\nOn Mon, Oct 6, 2014 at 10:00 AM Support <support@example.com>\nwrote:\n\n> ${EN}`,
      text: "Works now.",
    },
    {
      name: "Gmail attribution (ru)",
      input: `Заработало.\n\nпн, 6 окт. 2014 г. в 10:00, Поддержка <support@example.com>:\n\n> ${RU}`,
      text: "Заработало.",
    },
    {
      name: "Apple Mail (en)",
      input: `Works now.\n\nOn Oct 6, 2014, at 10:00, Support <support@example.com> wrote:\n\n> ${EN}`,
      text: "Works now.",
    },
    {
      name: "Apple Mail (ru)",
      input: `Заработало.\n\n6 окт. 2014 г., в 10:00, Поддержка <support@example.com> написал(а):\n\n> ${RU}`,
      text: "Заработало.",
    },
    { name: "Thunderbird date-first", input: `Works now.\n\n06.10.2014 10:00, Support wrote:\n> ${EN}`, text: "Works now." },
    { name: "Thunderbird name-first", input: `Works now.\n\nSupport wrote on 06.10.2014 10:00:\n> ${EN}`, text: "Works now." },
    { name: "Thunderbird (ru) пишет", input: `Заработало.\n\n06.10.2014 10:00, Поддержка пишет:\n> ${RU}`, text: "Заработало." },
    { name: "ru написал:", input: `Заработало.\n\n6 октября 2014 г., Поддержка <s@example.com> написал:\n> ${RU}`, text: "Заработало." },
    {
      name: "Outlook header block (en)",
      input: `Works now.\n\n________________________________\nFrom: Support <support@example.com>\nSent: Monday, October 6, 2014 10:00 AM\nTo: Anna <anna@example.com>\nSubject: Re: [#1042] Printer\n\n${EN}\nHello`,
      text: "Works now.",
    },
    {
      name: "Outlook -----Original Message----- (en)",
      input: `Works now.\n\n-----Original Message-----\nFrom: Support <support@example.com>\nSent: Monday, October 6, 2014 10:00 AM\nTo: anna@example.com\nSubject: Re: Printer\n\n${EN}`,
      text: "Works now.",
    },
    {
      name: "Outlook header block (ru)",
      input: `Заработало.\n\nОт: Поддержка <support@example.com>\nОтправлено: 6 октября 2014 г. 10:00\nКому: anna@example.com\nТема: Re: Принтер\n\n${RU}`,
      text: "Заработало.",
    },
    { name: "CRLF line endings", input: `Works now.\r\nSecond line.\r\n\r\n> ${EN}\r\n> Hello\r\n`, text: "Works now.\nSecond line." },
    { name: "keeps the author's own signature", input: `Works now.\n\n--\nAnna\n\n> ${EN}`, text: "Works now.\n\n--\nAnna" },
  ];
  it.each(cases)("$name", ({ input, text }) => {
    expect(cutReply(input, { replyStrings })).toMatchObject({ text, cutBy: "marker" });
  });

  it("reports the signature it keeps above the marker", () => {
    expect(cutReply(`Works now.\n\n--\nAnna\n\n> ${EN}`, { replyStrings }).signature).toBe("--\nAnna");
  });

  it("ignores the marker string when it is not a whole line", () => {
    const input = `I pasted "${EN}" here by mistake.\nStill broken.`;
    expect(cutReply(input, { replyStrings })).toEqual({ text: input, cutBy: "none" });
  });

  it("falls back to heuristics when nothing is above the marker (bottom-posting)", () => {
    const input = `On Mon, Oct 6, 2014 at 10:00 AM Support <support@example.com> wrote:\n> ${EN}\n> Hello\n\nWorks now.`;
    expect(cutReply(input, { replyStrings })).toEqual({ text: "Works now.", cutBy: "attribution" });
  });
});

describe("cutReply without a reply string", () => {
  const cases: { name: string; input: string; text: string; cutBy: CutBy; signature?: string }[] = [
    { name: "plain text untouched", input: "Just text.\nTwo lines.", text: "Just text.\nTwo lines.", cutBy: "none" },
    { name: "trailing quote", input: `Works now.${QUOTE}`, text: "Works now.", cutBy: "heuristic" },
    {
      name: "Gmail attribution and quote",
      input: `Works now.\n\nOn Mon, Oct 6, 2014 at 10:00 AM Support <support@example.com> wrote:${QUOTE}`,
      text: "Works now.",
      cutBy: "attribution",
    },
    {
      name: "Outlook separator and headers, unquoted original",
      input: "Works now.\n\n________________________________\nFrom: Support <s@example.com>\nSent: 6 October 2014 10:00\nTo: a@example.com\nSubject: Re\n\nHello Anna",
      text: "Works now.",
      cutBy: "attribution",
    },
    {
      name: "ru Outlook -----Исходное сообщение-----",
      input: "Заработало.\n\n-----Исходное сообщение-----\nОт: Поддержка <s@example.com>\nОтправлено: 6 октября 2014 г. 10:00\nКому: a@example.com\nТема: Re\n\nЗдравствуйте",
      text: "Заработало.",
      cutBy: "attribution",
    },
    // signatures are kept (the ticket view folds them) and reported apart
    { name: "signature delimiter", input: "Works now.\n\n-- \nAnna Smith\nACME", text: "Works now.\n\n-- \nAnna Smith\nACME", cutBy: "none", signature: "-- \nAnna Smith\nACME" },
    { name: "mobile signature", input: "Works now.\n\nSent from my iPhone", text: "Works now.\n\nSent from my iPhone", cutBy: "none", signature: "Sent from my iPhone" },
    { name: "ru mobile signature", input: "Заработало.\n\nОтправлено с iPhone", text: "Заработало.\n\nОтправлено с iPhone", cutBy: "none", signature: "Отправлено с iPhone" },
    {
      name: "inline reply keeps the quote it answers",
      input: "Hi Anna,\n\nOn 13.05.2026 at 09:05 Support wrote:\n> Does it work?\n\nYes, it does now.\n\nRegards\nAnna",
      text: "Hi Anna,\n\n> Does it work?\n\nYes, it does now.\n\nRegards\nAnna",
      cutBy: "attribution",
    },
    {
      name: "horizontal rule inside the reply is not a cut",
      input: "Part one.\n\n__________\n\nPart two.\n\nOn July 28, 2026, Support wrote:\n> old",
      text: "Part one.\n\n__________\n\nPart two.",
      cutBy: "attribution",
    },
    { name: "code block is never cut", input: "Log:\n```\n> prompt\n-- \n```\nend", text: "Log:\n```\n> prompt\n-- \n```\nend", cutBy: "none" },
    { name: "a sentence with 'wrote:' is not an attribution", input: "On Monday the tool wrote:\nERROR\nHelp!", text: "On Monday the tool wrote:\nERROR\nHelp!", cutBy: "none" },
    { name: "CR-only and CRLF endings", input: "Line one\r\nLine two\rLine three\r\n", text: "Line one\nLine two\nLine three", cutBy: "none" },
  ];
  it.each(cases)("$name", ({ input, text, cutBy, signature }) => {
    expect(cutReply(input, { replyStrings: [] })).toEqual({ text, cutBy, ...(signature ? { signature } : {}) });
  });

  it.each([
    ["empty", ""],
    ["blank", " \n\t\n"],
  ])("returns an empty text for %s input", (_, input) => {
    expect(cutReply(input, { replyStrings })).toEqual({ text: "", cutBy: "none" });
  });

  it("never returns an empty string for a mail that had text: all-quoted mail comes back whole", () => {
    const input = "\n> only a quote\n> nothing else\n";
    expect(cutReply(input, { replyStrings })).toEqual({ text: "> only a quote\n> nothing else", cutBy: "none" });
    expect(cutReply("> On Mon, Oct 6, 2014 at 10:00 AM Support <s@example.com> wrote:\n>> hi", { replyStrings })).toMatchObject({ cutBy: "none", quotedOnly: true });
    const attributionOnly = "On Mon, Oct 6, 2014 at 10:00 AM Support <s@example.com> wrote:\n> hi";
    expect(cutReply(attributionOnly, { replyStrings: [] }).text).toBe(attributionOnly);
  });
});

describe("cutReplyHtml", () => {
  const cases: { name: string; html: string; out: string }[] = [
    {
      name: "Gmail: .gmail_quote with the attribution and a marker split across spans",
      html: `<div dir="ltr">Works now!<br></div><br><div class="gmail_quote"><div class="gmail_attr">On Mon, Oct 6, 2014 Support &lt;s@example.com&gt; wrote:<br></div><blockquote class="gmail_quote"><div><span>##- Please type your reply </span><span>above this line -##</span></div><p>Hello</p></blockquote></div>`,
      out: `<div dir="ltr">Works now!</div>`,
    },
    {
      name: "Outlook: #appendonsend, <hr>, #divRplyFwdMsg before the quoted body (ru, &nbsp;)",
      html: `<html><head><style>p{}</style></head><body><div>Заработало.</div><div id="appendonsend"></div><hr><div id="divRplyFwdMsg"><b>От:</b> Поддержка<br><b>Отправлено:</b> 6 октября 2014 г.</div><div><div>##-&nbsp;Введите свой ответ над этой строкой -##</div><div>Здравствуйте</div></div></body></html>`,
      out: `<html><head><style>p{}</style></head><body><div>Заработало.</div></body></html>`,
    },
    {
      name: "Thunderbird: .moz-cite-prefix before blockquote[type=cite]",
      html: `<p>Fixed.</p><div class="moz-cite-prefix">On 06.10.2014 10:00, Support wrote:<br></div><blockquote type="cite"><p>${EN}</p><p>Hi</p></blockquote>`,
      out: `<p>Fixed.</p>`,
    },
    {
      name: "Apple Mail: attribution as a plain div before the blockquote",
      html: `<div>Thanks!</div><div>On Oct 6, 2014, at 10:00, Support &lt;s@example.com&gt; wrote:</div><blockquote><div>${EN}</div></blockquote>`,
      out: `<div>Thanks!</div>`,
    },
    {
      name: "marker without any quote container",
      html: `<p>Thanks!</p><p>${EN}</p><p>Hello Anna</p>`,
      out: `<p>Thanks!</p>`,
    },
    {
      name: "no marker: a trailing Gmail quote is cut",
      html: `<div>Only reply</div><div class="gmail_quote"><div class="gmail_attr">On x wrote:</div><blockquote>old</blockquote></div>`,
      out: `<div>Only reply</div>`,
    },
    {
      name: "no marker: an inline quote followed by the author's text is kept",
      html: `<div>Hi</div><blockquote type="cite">Question?</blockquote><div>Answer.</div>`,
      out: `<div>Hi</div><blockquote type="cite">Question?</blockquote><div>Answer.</div>`,
    },
    {
      name: "nothing above the marker: unchanged rather than empty",
      html: `<blockquote>${EN}<br>text</blockquote><div>Reply below</div>`,
      out: `<blockquote>${EN}<br>text</blockquote><div>Reply below</div>`,
    },
    { name: "keeps inline images above the cut", html: `<div><img src="cid:a@b"></div><blockquote>${EN}</blockquote>`, out: `<div><img src="cid:a@b"></div>` },
  ];
  it.each(cases)("$name", ({ html, out }) => {
    expect(cutReplyHtml(html, replyStrings)).toBe(out);
  });

  it("returns empty input as is", () => {
    expect(cutReplyHtml("", replyStrings)).toBe("");
  });
});

describe("splitSignature (the ticket view's fold)", () => {
  it.each([
    ["Works now.\n\n-- \nAnna\nACME", "Works now.", "-- \nAnna\nACME"],
    ["Works now.\n\nSent from my iPhone", "Works now.", "Sent from my iPhone"],
    ["Works now.", "Works now.", null],
    ["Sent from my iPhone", "Sent from my iPhone", null],
  ])("%j", (text, body, signature) => {
    expect(splitSignature(text)).toEqual({ body, signature });
  });
});
