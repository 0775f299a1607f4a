// Turns a rendered template into the mail we store in the outbox: the markers that let the
// ingest thread the customer's answer (reply-string line on top, signed ticket-string line at
// the bottom, subject token), our Message-ID, In-Reply-To/References along the ticket's thread,
// the anti-loop headers, From and Reply-To.
import crypto from "node:crypto";
import type { Db, Tx } from "@/server/db/client";
import { env } from "@/server/env";
import { deriveKey } from "@/server/secrets";
import type { MailSettings, OutboundSettings } from "@/server/domain/settings/schema";
import { makeMessageId, plusAddress, subjectToken, ticketStringLine } from "@/server/domain/mail/markers";
import { escapeHtml } from "./render";
import type { RenderedTemplate } from "./templates";

export const markerKey = () => deriveKey("SIGNING_KEY", "mail-markers");

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/** The support mailbox address: the inbound username when it is an address, else the From setting. */
export function mailboxAddress(mail: MailSettings, outbound: OutboundSettings): string | null {
  if (EMAIL.test(mail.username.trim())) return mail.username.trim().toLowerCase();
  if (EMAIL.test(outbound.fromEmail.trim())) return outbound.fromEmail.trim().toLowerCase();
  return null;
}

/** The From address: outbound.fromEmail, else the mailbox username, else a local placeholder. */
export function fromAddress(mail: MailSettings, outbound: OutboundSettings): string {
  if (EMAIL.test(outbound.fromEmail.trim())) return outbound.fromEmail.trim();
  if (EMAIL.test(mail.username.trim())) return mail.username.trim();
  return `helpdesk@${siteDomain()}`;
}

/** True when From and the mailbox differ: replies would go elsewhere (the settings page warns). */
export function fromDiffersFromMailbox(mail: MailSettings, outbound: OutboundSettings): boolean {
  const box = EMAIL.test(mail.username.trim()) ? mail.username.trim().toLowerCase() : null;
  const from = outbound.fromEmail.trim().toLowerCase();
  return box !== null && from !== "" && from !== box;
}

function siteDomain(): string {
  const host = new URL(env().APP_URL).hostname;
  return /^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/.test(host) ? host : "helpdesk.local";
}

export function messageIdDomain(from: string): string {
  const d = from.split("@")[1] ?? "";
  return /^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/.test(d) ? d.toLowerCase() : siteDomain();
}

export function newMessageId(ticketId: number | null, from: string): string {
  const random = crypto.randomBytes(9).toString("base64url");
  const domain = messageIdDomain(from);
  if (ticketId) return makeMessageId({ ticketId, domain, key: markerKey(), random });
  return `<hd.${random}@${domain}>`;
}

function bracket(id: string): string | null {
  const t = id.trim();
  if (!t || t.startsWith("sha256:")) return null;
  return t.startsWith("<") ? t : `<${t}>`;
}

/**
 * In-Reply-To / References for a new mail of a ticket: every earlier Message-ID of the thread
 * the recipient has seen (our outbound mails of the same audience and the customer's inbound
 * mails), oldest first; References keeps the first and the newest 19.
 */
export async function threadHeaders(client: Db | Tx, ticketId: number, audience: "customer" | "staff"): Promise<Record<string, string>> {
  // one statement for both sources (issue 21: it runs inside every write that mails)
  const rows = await client.$queryRawUnsafe<Array<{ id: string; at: Date; src: number }>>(
    `(SELECT message_id_header AS id, created_at AS at, 0 AS src, id AS n FROM outbox_mails
       WHERE ticket_id = $1::int AND (template LIKE 'staff.%') = $2::boolean ORDER BY created_at, id LIMIT 200)
     UNION ALL
     (SELECT message_key, created_at, 1, id FROM inbound_mails WHERE $2::boolean = false AND ticket_id = $1::int ORDER BY created_at, id LIMIT 200)
     ORDER BY src, at, n`,
    ticketId, audience === "staff",
  );
  const all = rows.map((r) => ({ id: r.id, at: r.at.getTime() })).sort((a, b) => a.at - b.at);
  const ids: string[] = [];
  for (const x of all) {
    const b = bracket(x.id);
    if (b && !ids.includes(b)) ids.push(b);
  }
  if (ids.length === 0) return {};
  const refs = ids.length > 20 ? [ids[0]!, ...ids.slice(-19)] : ids;
  return { "In-Reply-To": ids[ids.length - 1]!, References: refs.join(" ") };
}

export const AUTO_HEADERS = { "Auto-Submitted": "auto-generated", "X-Auto-Response-Suppress": "OOF, AutoReply" } as const;

export type Markers = { ticketLine: string; replyLine: string } | null;

export function markersFor(mail: MailSettings, ticketId: number, locale: "ru" | "en"): NonNullable<Markers> {
  const ticketString = locale === "en" ? mail.ticketStringEn : mail.ticketStringRu;
  const replyLine = locale === "en" ? mail.replyStringEn : mail.replyStringRu;
  return { ticketLine: ticketStringLine(ticketString, ticketId, markerKey()), replyLine: replyLine.trim() };
}

export function replyToFor(mail: MailSettings, outbound: OutboundSettings, ticketId: number | null): string | null {
  const box = mailboxAddress(mail, outbound);
  if (!box) return null;
  if (ticketId && mail.plusAddressing) {
    try {
      return plusAddress(box, ticketId, markerKey());
    } catch {
      return box;
    }
  }
  return box;
}

export function withSubjectToken(subject: string, ticketId: number | null): string {
  if (!ticketId) return subject;
  const token = subjectToken(ticketId);
  return subject.includes(token) ? subject : `${token} ${subject}`;
}

/** Wraps the rendered body with the markers (customer ticket mails) and a minimal HTML frame. */
export function wrapBody(r: RenderedTemplate, markers: Markers, locale: string): { text: string; html: string } {
  const text = markers ? `${markers.replyLine}\n\n${r.text}\n\n-- \n${markers.ticketLine}\n` : `${r.text}\n`;
  const grey = "color:#9ca3af;font-size:12px;line-height:1.4";
  const body =
    r.html ||
    escapeHtml(r.text)
      .split(/\n{2,}/)
      .map((p) => `<p>${p.replace(/\n/g, "<br>\n")}</p>`)
      .join("\n");
  const html =
    `<!doctype html>\n<html lang="${locale === "en" ? "en" : "ru"}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(r.subject)}</title></head>\n` +
    `<body style="margin:0;padding:16px;font-family:-apple-system,Segoe UI,Roboto,Arial,sans-serif;font-size:15px;line-height:1.5;color:#111827">\n` +
    (markers ? `<div style="${grey}">${escapeHtml(markers.replyLine)}</div>\n` : "") +
    `<div>\n${body}\n</div>\n` +
    (markers ? `<hr style="border:none;border-top:1px solid #e5e7eb;margin:24px 0 8px"><div style="${grey}">${escapeHtml(markers.ticketLine)}</div>\n` : "") +
    `</body></html>\n`;
  return { text, html };
}
