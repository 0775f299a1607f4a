// The reply shapes every language is written in (see languages.ts): what each client puts in
// the mail, and the reply we expect to keep. HTML shapes are HTML-only mails, as the client
// sends them; the others are text/plain or multipart/alternative with both parts.
import type { Language } from "./languages";

export interface ReplyCase {
  name: string;
  subject: string;
  text?: string;
  html?: string;
  expected: string;
  /** a forward: the expected text must contain this (the forwarded mail's body) */
  forwardedBody?: string;
}

export const SUPPORT = { name: "Support Desk", addr: "support@helpdesk.example" };
export const MARKER_EN = "##- Please type your reply above this line -##";
export const MARKER_RU = "##- Введите свой ответ над этой строкой -##";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const attr = (l: Language) => l.attribution.replace("NAME", SUPPORT.name).replace("ADDR", SUPPORT.addr);
const quote = (lines: string[]) => lines.map((x) => (x === "" ? ">" : `> ${x}`)).join("\n");
const reply = (l: Language) => l.reply.join("\n");
const headerBlock = (l: Language, subject: string, withDate = false) =>
  [
    `${l.outlook.from}: ${SUPPORT.name} <${SUPPORT.addr}>`,
    `${withDate ? l.outlook.date : l.outlook.sent}: ${l.date}`,
    `${l.outlook.to}: Anna <anna@customer.example>`,
    `${l.outlook.subject}: ${subject}`,
  ].join("\n");

type Shape = (l: Language) => ReplyCase;

export const SHAPES: Record<string, Shape> = {
  "gmail-multipart": (l) => ({
    name: "gmail-multipart",
    subject: `${l.re} ${l.subject}`,
    text: `${reply(l)}\n\n${attr(l)}\n\n${quote(l.original)}\n`,
    html:
      `<div dir="ltr">${l.reply.map(esc).join("<br>")}</div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">` +
      `${esc(attr(l))}<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">` +
      `${l.original.map(esc).join("<br>")}</blockquote></div>`,
    expected: reply(l),
  }),
  "outlook-html": (l) => ({
    name: "outlook-html",
    subject: `${l.re} ${l.subject}`,
    html:
      `<html><head><meta http-equiv="Content-Type" content="text/html"><style>p.MsoNormal{margin:0}</style></head><body><div class="WordSection1">` +
      l.reply.map((x) => `<p class="MsoNormal">${esc(x)}<o:p></o:p></p>`).join("") +
      `<p class="MsoNormal"><o:p>&nbsp;</o:p></p></div><div id="appendonsend"></div><hr style="display:inline-block;width:98%" tabindex="-1">` +
      `<div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" style="font-size:11pt" color="#000000">` +
      `<b>${l.outlook.from}:</b> ${SUPPORT.name} &lt;${SUPPORT.addr}&gt;<br><b>${l.outlook.sent}:</b> ${esc(l.date)}<br>` +
      `<b>${l.outlook.to}:</b> Anna &lt;anna@customer.example&gt;<br><b>${l.outlook.subject}:</b> ${esc(l.subject)}</font><div>&nbsp;</div></div>` +
      `<div>${l.original.map((x) => `<p>${esc(x)}</p>`).join("")}</div></body></html>`,
    expected: reply(l),
  }),
  "outlook-plain": (l) => ({
    name: "outlook-plain",
    subject: `${l.re} ${l.subject}`,
    text: `${reply(l)}\n\n________________________________\n${headerBlock(l, l.subject)}\n\n${l.original.join("\n")}\n`,
    expected: reply(l),
  }),
  "gmail-forward": (l) => {
    const text = `${l.answers[0]}\n\n${l.forward_sep}\n${headerBlock(l, l.subject, true)}\n\n\n${l.original.join("\n")}`;
    return { name: "gmail-forward", subject: `${l.fwd} ${l.subject}`, text: `${text}\n`, expected: text, forwardedBody: l.original[1] };
  },
  "apple-forward": (l) => {
    const text = `${l.answers[1]}\n\n${l.begin_forward}\n\n${headerBlock(l, l.subject, true)}\n\n${l.original.join("\n")}`;
    return { name: "apple-forward", subject: `${l.fwd} ${l.subject}`, text: `${text}\n`, expected: text, forwardedBody: l.original[1] };
  },
  "outlook-forward": (l) => {
    const text = `${l.answers[0]}\n\n${l.original_sep}\n${headerBlock(l, l.subject)}\n\n${l.original.join("\n")}`;
    return { name: "outlook-forward", subject: `${l.fwd} ${l.subject}`, text: `${text}\n`, expected: text, forwardedBody: l.original[1] };
  },
  inline: (l) => ({
    name: "inline",
    subject: `${l.re} ${l.subject}`,
    text: `${l.hello}\n\n${attr(l)}\n\n${quote([l.original[0]])}\n\n${l.answers[0]}\n\n${quote([l.original[1]])}\n\n${l.answers[1]}\n`,
    expected: `${l.hello}\n\n${quote([l.original[0]])}\n\n${l.answers[0]}\n\n${quote([l.original[1]])}\n\n${l.answers[1]}`,
  }),
  "mobile-signature": (l) => ({
    name: "mobile-signature",
    subject: `${l.re} ${l.subject}`,
    text: `${reply(l)}\n\n${l.mobile}\n\n${attr(l)}\n\n${quote(l.original)}\n`,
    expected: `${reply(l)}\n\n${l.mobile}`,
  }),
  marker: (l) => {
    const marker = l.code === "ru" || l.code === "uk" ? MARKER_RU : MARKER_EN;
    return {
      name: "marker",
      subject: `${l.re} [#1042] ${l.subject}`,
      text: `${reply(l)}\n\n${attr(l)}\n\n${quote([marker, "", ...l.original])}\n`,
      html:
        `<div>${l.reply.map(esc).join("<br>")}</div><div class="gmail_quote"><div class="gmail_attr">${esc(attr(l))}</div>` +
        `<blockquote class="gmail_quote"><div>${esc(marker)}</div><div>${l.original.map(esc).join("<br>")}</div></blockquote></div>`,
      expected: reply(l),
    };
  },
  "thunderbird-html": (l) => ({
    name: "thunderbird-html",
    subject: `${l.re} ${l.subject}`,
    html:
      `<html><head><meta http-equiv="content-type" content="text/html"></head><body><p>${l.reply.map(esc).join("<br>\n")}</p>\n` +
      `<div class="moz-cite-prefix">${esc(attr(l))}<br></div>\n<blockquote type="cite" cite="mid:abc@helpdesk.example">` +
      `${l.original.map((x) => `<p>${esc(x)}</p>`).join("\n")}</blockquote>\n</body></html>`,
    expected: reply(l),
  }),
};
