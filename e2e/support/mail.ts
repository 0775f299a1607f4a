// Mail-loop e2e helpers: the server's secrets (same DATA_DIR, so sealed settings and signed
// links match), mail/outbound settings written straight into the e2e database, the cron URLs,
// and a customer's reply to one of our notifications shaped the way Gmail, Outlook and
// Thunderbird shape it (reply on top, attribution, quoted history, threading headers).
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import MailComposer from "nodemailer/lib/mail-composer/index.js";
import type Mail from "nodemailer/lib/mailer/index.js";
import type { SinkMessage } from "../../server/testing/smtp-sink";
import { resetEnvCache } from "../../server/env";
import { resetSecretsCache, secrets } from "../../server/secrets";
import { e2eDb } from "./db";

/**
 * Points this (worker) process at the e2e server's DATA_DIR, so `seal()` and `signLink()` use
 * the keys of the running server; returns its secrets (CRON_SECRET for the cron URLs).
 */
export function useServerSecrets(): { CRON_SECRET: string } {
  process.env.DATA_DIR = process.env.E2E_DATA_DIR;
  process.env.DATABASE_URL = process.env.E2E_DATABASE_URL;
  resetEnvCache();
  resetSecretsCache();
  // The server creates secrets.json on first use; if no request needed it yet, this creates it
  // (same code, same file) and the server reads it from there.
  if (!fs.existsSync(path.join(process.env.E2E_DATA_DIR!, "secrets.json"))) secrets();
  return JSON.parse(fs.readFileSync(path.join(process.env.E2E_DATA_DIR!, "secrets.json"), "utf8"));
}

/** Every settings row of the groups the loop touches goes; the defaults come back. */
export async function resetMailSettings() {
  await e2eDb().setting.deleteMany({ where: { OR: [{ key: { startsWith: "mail." } }, { key: { startsWith: "outbound." } }, { key: { startsWith: "tickets." } }] } });
}

export async function cron(baseURL: string, job: "deliver_mail" | "ticket_replies" | "ticket_create", secret: string) {
  const res = await fetch(`${baseURL}/cron/${job}?token=${encodeURIComponent(secret)}`);
  const body = (await res.json()) as Record<string, unknown>;
  if (!res.ok) throw new Error(`/cron/${job} answered ${res.status}: ${JSON.stringify(body)}`);
  return body;
}

export type MailClient = "gmail" | "outlook" | "thunderbird";
export const MAIL_CLIENTS: MailClient[] = ["gmail", "outlook", "thunderbird"];

type Shape = { client: MailClient; locale: "ru" | "en"; notification: SinkMessage; from: { name: string; address: string }; reply: string };

const pad = (n: number) => String(n).padStart(2, "0");
const quote = (text: string) => text.replace(/\r\n/g, "\n").replace(/\n+$/, "").split("\n").map((l) => (l === "" ? ">" : `> ${l}`)).join("\n");
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const bodyOf = (html: string) => /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html;
const paragraphs = (text: string) => text.split("\n").map((l) => `<div>${l === "" ? "<br>" : esc(l)}</div>`).join("");

const EN_DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const EN_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const EN_LONG_DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const EN_LONG_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const RU_DAYS = ["вс", "пн", "вт", "ср", "чт", "пт", "сб"];
const RU_MONTHS = ["янв.", "февр.", "мар.", "апр.", "мая", "июн.", "июл.", "авг.", "сент.", "окт.", "нояб.", "дек."];
const RU_LONG_MONTHS = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"];

/**
 * The attribution (text and HTML), the quoted history and the reply text as each client writes
 * them. Gmail and Thunderbird quote with "> " under "On … wrote:" / «… пишет:»; Outlook puts a
 * rule and a From/Sent/To/Subject block (От/Отправлено/Кому/Тема) over the unprefixed history.
 */
function shape(s: Shape): { text: string; html?: string } {
  const n = s.notification.parsed;
  const d = n.date ?? new Date();
  const ru = s.locale === "ru";
  const sender = n.from!.value[0]!;
  const senderName = sender.name || sender.address!;
  const hm = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  const history = n.text ?? "";
  const historyHtml = n.html ? bodyOf(n.html) : paragraphs(history);
  if (s.client === "gmail") {
    const attr = ru
      ? `${RU_DAYS[d.getDay()]}, ${d.getDate()} ${RU_MONTHS[d.getMonth()]} ${d.getFullYear()} г. в ${hm}, ${senderName} <${sender.address}> пишет:`
      : `On ${EN_DAYS[d.getDay()]}, ${d.getDate()} ${EN_MONTHS[d.getMonth()]} ${d.getFullYear()} at ${hm}, ${senderName} <${sender.address}> wrote:`;
    return {
      text: `${s.reply}\n\n${attr}\n\n${quote(history)}\n`,
      html:
        `<div dir="ltr">${paragraphs(s.reply)}</div><br><div class="gmail_quote gmail_quote_container">` +
        `<div dir="ltr" class="gmail_attr">${esc(attr)}<br></div>` +
        `<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">${historyHtml}</blockquote></div>\n`,
    };
  }
  if (s.client === "outlook") {
    const to = `${s.from.name} <${s.from.address}>`;
    const sent = ru
      ? `${d.getDate()} ${RU_LONG_MONTHS[d.getMonth()]} ${d.getFullYear()} г. ${hm}`
      : `${EN_LONG_DAYS[d.getDay()]}, ${EN_LONG_MONTHS[d.getMonth()]} ${d.getDate()}, ${d.getFullYear()} ${((d.getHours() + 11) % 12) + 1}:${pad(d.getMinutes())} ${d.getHours() < 12 ? "AM" : "PM"}`;
    const rows = ru
      ? [["От", `${senderName} <${sender.address}>`], ["Отправлено", sent], ["Кому", to], ["Тема", n.subject ?? ""]]
      : [["From", `${senderName} <${sender.address}>`], ["Sent", sent], ["To", to], ["Subject", n.subject ?? ""]];
    return {
      text: `${s.reply}\n\n________________________________\n${rows.map(([k, v]) => `${k}: ${v}`).join("\n")}\n\n${history}\n`,
      html:
        `<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body>` +
        `<div style="font-family: Aptos, Calibri, Helvetica, sans-serif; font-size: 12pt;">${paragraphs(s.reply)}</div>` +
        `<hr style="display:inline-block;width:98%" tabindex="-1"><div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" style="font-size:11pt">` +
        rows.map(([k, v]) => `<b>${k}:</b> ${esc(v!)}`).join("<br>") +
        `</font><div>&nbsp;</div></div>${historyHtml}</body></html>\n`,
    };
  }
  const attr = ru ? `${pad(d.getDate())}.${pad(d.getMonth() + 1)}.${d.getFullYear()} ${hm}, ${senderName} пишет:` : `On ${d.getDate()}/${d.getMonth() + 1}/${d.getFullYear()} ${hm}, ${senderName} wrote:`;
  return { text: `${s.reply}\n\n${attr}\n${quote(history)}\n` };
}

/** The customer's reply to `notification` as `client` would send it (RFC 5322 bytes). */
export async function replyAs(s: Shape): Promise<Buffer> {
  const n = s.notification.parsed;
  const parentId = n.messageId!;
  const refs = [...(Array.isArray(n.references) ? n.references : n.references ? [n.references] : []), parentId];
  const subject = `${s.locale === "ru" && s.client === "outlook" ? "RE" : "Re"}: ${n.subject}`;
  const body = shape(s);
  const opts: Mail.Options = {
    from: { name: s.from.name, address: s.from.address },
    to: n.replyTo?.value[0]?.address ?? n.from!.value[0]!.address!,
    subject,
    date: new Date(),
    messageId: `<${crypto.randomUUID()}@${s.client}.mail.example>`,
    inReplyTo: parentId,
    references: refs,
    text: body.text,
    ...(body.html ? { html: body.html } : {}),
    headers: s.client === "thunderbird" ? { "User-Agent": "Mozilla Thunderbird" } : s.client === "outlook" ? { "X-Mailer": "Microsoft Outlook 16.0" } : {},
  };
  return new Promise<Buffer>((resolve, reject) => new MailComposer(opts).compile().build((err, raw) => (err ? reject(err) : resolve(raw))));
}
