// Shapes named in issue 13 that are not one-per-language: odd quote headers, run-together lines,
// Yandex/Mail.ru/Outlook-for-Mac/Outlook 2003/Hotmail/Windows Mail HTML, answers below a quote.
// Written from the clients' reply formats; names and addresses are made up.
import type { ReplyCase } from "./shapes";

export type SpecialCase = ReplyCase & { lang: string; charset?: string; cte?: "base64" | "quoted-printable" | "8bit" };

const Q = "> Hello Anna,\n> please check the cable and tell us.\n";
const S = (lang: string, name: string, subject: string, body: Partial<ReplyCase> & { expected: string }, enc: Partial<SpecialCase> = {}): SpecialCase => ({
  lang, name, subject, ...body, ...enc,
});

export const SPECIAL_CASES: SpecialCase[] = [
  S("en", "sent-verb", "Re: Cable", { text: `The cable was loose, fixed.\n\nOn Mon, Oct 6, 2025, Support Desk <support@helpdesk.example> sent:\n\n${Q}`, expected: "The cable was loose, fixed." }),
  S("en", "android-dashes", "Re: Cable", { text: `Checked, it is fine now.\n\n---- Support Desk wrote ----\n\n${Q}`, expected: "Checked, it is fine now." }),
  S("en", "samsung-run-together", "Re: Cable", { text: `Plugged it in again, works.\n\nSent from Samsung MobileSupport Desk <support@helpdesk.example> wrote:\n${Q}`, expected: "Plugged it in again, works.\n\nSent from Samsung Mobile" }),
  S("en", "polymail-split", "Re: Cable", { text: `All good now.\n\nOn Tue, Oct 7, 2025 at 5:24 PM, Support Desk <\nmailto:support@helpdesk.example\n> wrote:\n\n${Q}`, expected: "All good now." }),
  S("en", "iso-datetime-header", "Re: Cable", { text: `Thanks, solved.\n\n2025-10-17 11:28 GMT+03:00 Support Desk <support@helpdesk.example>:\n\n${Q}`, expected: "Thanks, solved." }),
  S("en", "same-line-header", "Re: Cable", { text: `ok thanks--- On Wed, Apr 4, 2012 at 3:59 PM, Support Desk <support@helpdesk.example> wrote:\n${Q}`, expected: "ok thanks" }),
  S("en", "date-first-block", "Re: Cable", { text: `Replaced the cable.\n\nDate: Mon, 6 Oct 2025 10:00:00 +0000\nFrom: Support Desk <support@helpdesk.example>\nTo: anna@customer.example\nSubject: Cable\n\nHello Anna,\nplease check the cable.\n`, expected: "Replaced the cable." }),
  S("en", "quote-with-link-line", "Re: Cable", { text: `Read it, thanks.\n\nOn Mon, Oct 6, 2025 at 10:00 AM Support Desk <support@helpdesk.example> wrote:\n> Hello Anna, see the guide:\n<https://helpdesk.example/kb/cable>\n> and tell us.\n`, expected: "Read it, thanks." }),
  S("en", "below-quote-regards", "Re: Cable", { text: `On Mon, Oct 6, 2025 at 10:00 AM Support Desk <support@helpdesk.example> wrote:\n${Q}\nWorks now.\n\nRegards, Roman\n`, expected: "Works now.\n\nRegards, Roman" }),
  S("en", "top-and-below-quote", "Re: Cable", { text: `Short answer: yes.\n\nOn Mon, Oct 6, 2025 at 10:00 AM Support Desk <support@helpdesk.example> wrote:\n${Q}\nRegards, Roman\n`, expected: `Short answer: yes.\n\n${Q}\nRegards, Roman` }),
  S("en", "outlook-original-forward", "FW: Invoice 2025-118", {
    text: "Please see the invoice below, it is wrong.\n\n-----Original Message-----\nFrom: Billing <billing@vendor.example>\nSent: Monday, October 6, 2025 10:00 AM\nTo: Anna <anna@customer.example>\nSubject: Invoice 2025-118\n\nDear customer,\nyour invoice 2025-118 is attached.\n",
    expected: "Please see the invoice below, it is wrong.\n\n-----Original Message-----\nFrom: Billing <billing@vendor.example>\nSent: Monday, October 6, 2025 10:00 AM\nTo: Anna <anna@customer.example>\nSubject: Invoice 2025-118\n\nDear customer,\nyour invoice 2025-118 is attached.",
    forwardedBody: "your invoice 2025-118 is attached.",
  }),
  S("en", "outlook-original-reply", "RE: Cable", { text: "Done.\n\n-----Original Message-----\nFrom: Support Desk <support@helpdesk.example>\nSent: Monday, October 6, 2025 10:00 AM\nTo: Anna <anna@customer.example>\nSubject: Cable\n\nHello Anna\n", expected: "Done." }),
  S("en", "bare-gmail-forward", "Fwd: Delivery failed", {
    text: "---------- Forwarded message ---------\nFrom: Mail Delivery Subsystem <mailer-daemon@vendor.example>\nDate: Mon, Oct 6, 2025 at 10:00 AM\nSubject: Delivery failed\nTo: <anna@customer.example>\n\n\nYour message could not be delivered.\n",
    expected: "---------- Forwarded message ---------\nFrom: Mail Delivery Subsystem <mailer-daemon@vendor.example>\nDate: Mon, Oct 6, 2025 at 10:00 AM\nSubject: Delivery failed\nTo: <anna@customer.example>\n\n\nYour message could not be delivered.",
    forwardedBody: "Your message could not be delivered.",
  }),
  S("en", "gmail-forward-html-only", "Fwd: Order 5531", {
    html: `<div dir="ltr">FYI, this is the order I mean.<br><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">---------- Forwarded message ---------<br>From: <strong class="gmail_sendername" dir="auto">Shop</strong> <span dir="auto">&lt;<a href="mailto:shop@vendor.example">shop@vendor.example</a>&gt;</span><br>Date: Mon, Oct 6, 2025 at 10:00 AM<br>Subject: Order 5531<br>To: &lt;<a href="mailto:anna@customer.example">anna@customer.example</a>&gt;<br></div><br><br><div>Your order 5531 has shipped.</div></div></div>`,
    expected: "FYI, this is the order I mean.\n\n---------- Forwarded message ---------\nFrom: Shop <shop@vendor.example>\nDate: Mon, Oct 6, 2025 at 10:00 AM\nSubject: Order 5531\nTo: <anna@customer.example>\n\n\nYour order 5531 has shipped.",
    forwardedBody: "Your order 5531 has shipped.",
  }),
  S("en", "apple-quoted-forward", "Fwd: Order 5531", {
    text: "This is the one.\n\n> Begin forwarded message:\n>\n> From: Shop <shop@vendor.example>\n> Subject: Order 5531\n> Date: 6 October 2025 at 10:00:00 EEST\n> To: anna@customer.example\n>\n> Your order 5531 has shipped.\n",
    expected: "This is the one.\n\n> Begin forwarded message:\n>\n> From: Shop <shop@vendor.example>\n> Subject: Order 5531\n> Date: 6 October 2025 at 10:00:00 EEST\n> To: anna@customer.example\n>\n> Your order 5531 has shipped.",
    forwardedBody: "> Your order 5531 has shipped.",
  }),
  S("ru", "yandex-forward", "Fwd: Счёт 118", {
    text: "Посмотрите, пожалуйста, счёт.\n\n-------- Пересылаемое сообщение --------\n06.10.2025, 10:00, \"Бухгалтерия\" <buh@vendor.example>:\n\nДобрый день!\nСчёт 118 во вложении.\n-------- Конец пересылаемого сообщения --------\n",
    expected: "Посмотрите, пожалуйста, счёт.\n\n-------- Пересылаемое сообщение --------\n06.10.2025, 10:00, \"Бухгалтерия\" <buh@vendor.example>:\n\nДобрый день!\nСчёт 118 во вложении.\n-------- Конец пересылаемого сообщения --------",
    forwardedBody: "Счёт 118 во вложении.",
  }, { charset: "koi8-r", cte: "8bit" }),
  S("ru", "mailru-forward", "Fwd: Счёт 118", {
    text: "Вот это письмо.\n\n\n-------- Пересылаемое сообщение --------\nОт кого: Бухгалтерия <buh@vendor.example>\nКому: anna@customer.example\nДата: Понедельник, 6 октября 2025, 10:00 +03:00\nТема: Счёт 118\n\nСчёт 118 во вложении.\n",
    expected: "Вот это письмо.\n\n\n-------- Пересылаемое сообщение --------\nОт кого: Бухгалтерия <buh@vendor.example>\nКому: anna@customer.example\nДата: Понедельник, 6 октября 2025, 10:00 +03:00\nТема: Счёт 118\n\nСчёт 118 во вложении.",
    forwardedBody: "Счёт 118 во вложении.",
  }, { charset: "utf-8", cte: "base64" }),
  S("ru", "mailru-reply-plain", "Re: Принтер", { text: "Заработало, спасибо.\n\n\nПонедельник, 6 октября 2025, 10:00 +03:00 от Поддержка <support@helpdesk.example>:\n\n> Здравствуйте!\n> Перезагрузите принтер.\n", expected: "Заработало, спасибо." }, { charset: "windows-1251", cte: "quoted-printable" }),
  S("ru", "yandex-reply-html", "Re: Принтер", {
    html: `<div>Заработало, спасибо.</div><div>&nbsp;</div><div>06.10.2025, 10:00, "Поддержка" &lt;support@helpdesk.example&gt;:</div><blockquote><div>Здравствуйте!</div><div>Перезагрузите принтер.</div></blockquote>`,
    expected: "Заработало, спасибо.",
  }, { charset: "utf-8", cte: "base64" }),
  S("ru", "mailru-reply-html", "Re: Принтер", {
    html: `<div>Заработало, спасибо.</div><div><br></div><div>Понедельник, 6 октября 2025, 10:00 +03:00 от Поддержка &lt;<a href="mailto:support@helpdesk.example">support@helpdesk.example</a>&gt;:<br><blockquote style="border-left:1px solid #0857A6; margin:10px; padding:0 0 0 10px;"><div id="style_1"><div>Здравствуйте!<br>Перезагрузите принтер.</div></div></blockquote></div>`,
    expected: "Заработало, спасибо.",
  }, { charset: "windows-1251", cte: "base64" }),
  S("en", "outlook-mac-html", "Re: Cable", {
    html: `<html><body><div>Replaced it, thanks.</div><div><br></div><div id="OLK_SRC_BODY_SECTION"><div style="border-top:solid #B5C4DF 1pt"><span><b>From: </b>Support Desk &lt;support@helpdesk.example&gt;<br><b>Date: </b>Monday, 6 October 2025 at 10:00<br><b>To: </b>Anna &lt;anna@customer.example&gt;<br><b>Subject: </b>Cable<br></span></div><div><br></div><div>Hello Anna, check the cable.</div></div></body></html>`,
    expected: "Replaced it, thanks.",
  }),
  S("en", "outlook2003-html", "RE: Cable", {
    html: `<html><body><div><font face="Arial" size="2">Cable replaced.</font></div><div>&nbsp;</div><div class="OutlookMessageHeader" lang="en-us" dir="ltr" align="left"><hr tabindex="-1"><font face="Tahoma" size="2"><b>From:</b> Support Desk [mailto:support@helpdesk.example] <br><b>Sent:</b> Monday, October 06, 2025 10:00 AM<br><b>To:</b> Anna<br><b>Subject:</b> Cable<br></font><br></div><div>Hello Anna, check the cable.</div></body></html>`,
    expected: "Cable replaced.",
  }),
  S("en", "hotmail-hr-html", "RE: Cable", {
    html: `<html><body><div dir="ltr">Cable replaced, works.<br><br><div><hr id="stopSpelling">From: support@helpdesk.example<br>To: anna@customer.example<br>Subject: Cable<br>Date: Mon, 6 Oct 2025 10:00:00 +0000<br><br>Hello Anna, check the cable.</div></div></body></html>`,
    expected: "Cable replaced, works.",
  }),
  S("en", "windows-mail-html", "Re: Cable", {
    html: `<html><body><div>Cable replaced.</div><div>&nbsp;</div><div style="font: 10pt tahoma"><div>----- Original Message ----- </div><div style="background: #e4e4e4"><b>From:</b> <a title="support@helpdesk.example" href="mailto:support@helpdesk.example">Support Desk</a></div><div><b>To:</b> anna@customer.example</div><div><b>Sent:</b> Monday, October 06, 2025 10:00 AM</div><div><b>Subject:</b> Cable</div></div><div><br></div>Hello Anna, check the cable.</body></html>`,
    expected: "Cable replaced.",
  }),
  S("en", "apple-html-reply", "Re: Cable", {
    html: `<html><body dir="auto"><div>Done, thanks!</div><div><br></div><div dir="ltr"><br><blockquote type="cite">On Oct 6, 2025, at 10:00, Support Desk &lt;support@helpdesk.example&gt; wrote:<br><br></blockquote></div><blockquote type="cite"><div dir="ltr">Hello Anna, check the cable.</div></blockquote></body></html>`,
    expected: "Done, thanks!",
  }),
  S("en", "gmail-inline-html", "Re: Cable", {
    html: `<div dir="ltr">Answers below.</div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Mon, Oct 6, 2025 at 10:00 AM Support Desk &lt;support@helpdesk.example&gt; wrote:<br></div><blockquote class="gmail_quote">Is the cable plugged in?</blockquote><div>Yes, it is.</div><blockquote class="gmail_quote">Is the light green?</blockquote><div>No, red.</div></div>`,
    expected: "Answers below.\n\n> Is the cable plugged in?\nYes, it is.\n> Is the light green?\nNo, red.",
  }),
  S("en", "dashed-signature", "Re: Cable", { text: `Works now.\n\n-- \nAnna Customer\nACME Ltd, +1 555 0100\n\nOn Mon, Oct 6, 2025 at 10:00 AM Support Desk <support@helpdesk.example> wrote:\n${Q}`, expected: "Works now.\n\n-- \nAnna Customer\nACME Ltd, +1 555 0100" }),
  S("ru", "thunderbird-ru-plain", "Re: Принтер", { text: "Заработало.\n\n06.10.2025 10:00, Поддержка пишет:\n> Здравствуйте!\n> Перезагрузите принтер.\n", expected: "Заработало." }, { charset: "koi8-r", cte: "quoted-printable" }),
  S("ru", "apple-ru-plain", "Re: Принтер", { text: "Заработало.\n\n> 6 окт. 2025 г., в 10:00, Поддержка <support@helpdesk.example> написал(а):\n>\n> Здравствуйте!\n", expected: "Заработало." }, { charset: "utf-8", cte: "8bit" }),
];
