// The one way a mail gets into the outbox: template lookup (admin override or default, never a
// broken one), markers and headers (compose.ts), the per-address rate limit, and the insert in
// the caller's transaction. The delivery worker is kicked after the request (kick.ts).
import type { Db, Tx } from "@/server/db/client";
import { logger } from "@/server/logger";
import { loadSettings } from "@/server/services/settings/settings-store";
import type { MailSettings, OutboundSettings, TicketSettings } from "@/server/domain/settings/schema";
import type { TemplateVars } from "./render";
import { loadTemplate, renderOrDefault, templateLocale, type TemplateKey } from "./templates";
import { AUTO_HEADERS, fromAddress, markersFor, newMessageId, replyToFor, threadHeaders, withSubjectToken, wrapBody } from "./compose";
import { kickDelivery } from "./kick";

/** Last line of defence against mail loops: at most this many customer/account mails per address per window. */
export const RATE_LIMIT = { perAddress: 20, windowMs: 60 * 60 * 1000 };

export type OutgoingMail = {
  template: TemplateKey;
  locale: string;
  to: string;
  cc?: string[];
  ticketId?: number | null;
  /** customer mails of a ticket carry the ticket-string / reply-string markers */
  audience: "customer" | "staff" | "account";
  vars: TemplateVars;
  /** attachments.id of files to attach (links stay in the body either way) */
  attachmentIds?: string[];
};

/** `tickets`: the ticket settings, when the caller has them (the wording of some mails follows them) */
export type EnqueueContext = { mail: MailSettings; outbound: OutboundSettings; tickets?: TicketSettings };

export async function loadEnqueueContext(client: Db | Tx): Promise<EnqueueContext> {
  // one after the other: inside a transaction there is only one connection
  const mail = await loadSettings("mail", { db: client });
  const outbound = await loadSettings("outbound", { db: client });
  return { mail, outbound };
}

/**
 * Staff notifications of one ticket event in one statement: a template lookup per locale,
 * one thread lookup and one multi-row insert, however many agents there are (a 50-agent team
 * would otherwise cost ~200 queries per new ticket inside the customer's transaction).
 */
export async function enqueueStaffBatch(client: Db | Tx, mails: Array<Omit<OutgoingMail, "audience" | "cc" | "attachmentIds">>, ctx: EnqueueContext): Promise<number> {
  if (mails.length === 0) return 0;
  const { mail, outbound } = ctx;
  const from = fromAddress(mail, outbound);
  const templates = new Map<string, Awaited<ReturnType<typeof loadTemplate>>["template"]>();
  const threads = new Map<number, Record<string, string>>();
  const data = [];
  for (const m of mails) {
    const locale = templateLocale(m.locale);
    const tkey = `${m.template}:${locale}`;
    if (!templates.has(tkey)) templates.set(tkey, (await loadTemplate(client, m.template, locale)).template);
    const ticketId = m.ticketId ?? null;
    if (ticketId && !threads.has(ticketId)) threads.set(ticketId, await threadHeaders(client, ticketId, "staff"));
    const rendered = renderOrDefault(m.template, locale, templates.get(tkey)!, { "site.name": outbound.fromName, ...m.vars });
    const body = wrapBody(rendered, null, locale);
    data.push({
      ticketId,
      template: m.template,
      locale,
      toEmail: m.to.trim().toLowerCase(),
      fromEmail: from,
      replyTo: replyToFor(mail, outbound, null),
      subject: withSubjectToken(rendered.subject, ticketId),
      text: body.text,
      html: body.html,
      messageIdHeader: newMessageId(ticketId, from),
      headers: { ...AUTO_HEADERS, ...(ticketId ? threads.get(ticketId) : {}) },
    });
  }
  const { count } = await client.outboxMail.createMany({ data });
  kickDelivery();
  return count;
}

/**
 * The address's non-staff mails of the window, counted only up to the limit: an address that
 * a loop (or a load test) has sent thousands of mails must not make every further check scan
 * them all (the (to_email, created_at) index gives the newest first, LIMIT stops the scan).
 */
async function recentMailsTo(client: Db | Tx, to: string): Promise<number> {
  const since = new Date(Date.now() - RATE_LIMIT.windowMs);
  const rows = await client.$queryRaw<Array<{ n: number }>>`
    SELECT count(*)::int AS n FROM (
      SELECT 1 FROM outbox_mails
      WHERE to_email = ${to} AND created_at >= ${since} AND template NOT LIKE 'staff.%'
      ORDER BY created_at DESC LIMIT ${RATE_LIMIT.perAddress}) recent`;
  return rows[0]?.n ?? 0;
}

/** Inserts one outbox row; null when suppressed by the rate limit. */
export async function enqueueMail(client: Db | Tx, m: OutgoingMail, ctx?: EnqueueContext): Promise<{ id: number } | null> {
  const to = m.to.trim().toLowerCase();
  // Staff notifications are exempt: a busy agent legitimately gets many, and they cannot loop
  // with a customer's autoresponder (our own mails carry Auto-Submitted and are not answered).
  const recent = m.audience === "staff" ? 0 : await recentMailsTo(client, to);
  if (recent >= RATE_LIMIT.perAddress) {
    logger.warn("outbound mail suppressed: rate limit per address", { to, template: m.template, ticketId: m.ticketId ?? null, recent, limit: RATE_LIMIT.perAddress });
    return null;
  }
  const { mail, outbound } = ctx ?? (await loadEnqueueContext(client));
  const locale = templateLocale(m.locale);
  const { template } = await loadTemplate(client, m.template, locale);
  const vars: TemplateVars = { "site.name": outbound.fromName, ...m.vars };
  const rendered = renderOrDefault(m.template, locale, template, vars);
  const ticketId = m.ticketId ?? null;
  const markers = m.audience === "customer" && ticketId ? markersFor(mail, ticketId, locale) : null;
  const body = wrapBody(rendered, markers, locale);
  const from = fromAddress(mail, outbound);
  const thread = ticketId && m.audience !== "account" ? await threadHeaders(client, ticketId, m.audience === "staff" ? "staff" : "customer") : {};
  const row = await client.outboxMail.create({
    data: {
      ticketId,
      template: m.template,
      locale,
      toEmail: to,
      cc: (m.cc ?? []).map((c) => c.trim().toLowerCase()).filter((c) => c && c !== to),
      fromEmail: from,
      replyTo: replyToFor(mail, outbound, m.audience === "customer" ? ticketId : null),
      subject: withSubjectToken(rendered.subject, ticketId),
      text: body.text,
      html: body.html,
      messageIdHeader: newMessageId(ticketId, from),
      headers: { ...AUTO_HEADERS, ...thread },
      attachmentIds: m.attachmentIds ?? [],
    },
    select: { id: true },
  });
  kickDelivery();
  return row;
}
