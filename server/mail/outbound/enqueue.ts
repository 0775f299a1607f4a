// The one way a mail gets into the outbox: template lookup (admin override or default, never a
// broken one), markers and headers (compose.ts), the per-address rate limit, and the insert in
// the caller's transaction. The delivery worker is kicked after the request (kick.ts).
import type { Db, Tx } from "@/server/db/client";
import { logger } from "@/server/logger";
import { loadSettingsGroups } from "@/server/platform/settings/settings-store";
import type { MailSettings, OutboundSettings, TicketSettings } from "@/server/domain/settings/schema";
import type { TemplateVars } from "./render";
import { loadTemplate, renderOrDefault, templateLocale } from "./templates";
import type { TemplateKey } from "@/server/domain/mail/template-keys";
import { AUTO_HEADERS, fromAddress, markersFor, newMessageId, replyToFor, threadHeaders, withSubjectToken, wrapBody } from "./compose";
import { kickDelivery } from "./kick";

/** Last line of defence against mail loops: at most this many customer/account mails per address (To or Cc) per window; more wait. */
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
  return loadSettingsGroups(["mail", "outbound", "tickets"], client);
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
 * The send slot of a mail to these addresses (To and Cc): now, unless one of them already has
 * `perAddress` customer/account mails in a window, then the moment the oldest of its newest
 * `perAddress` slots leaves the window. Slots are next_attempt_at, so mails deferred earlier
 * count where they will be sent and any window holds at most `perAddress` mails per address.
 * One statement for all recipients; each lookup stops after `perAddress` rows (index on
 * (to_email, next_attempt_at), GIN on the non-empty cc lists), however many mails a loop has queued.
 */
async function sendSlot(client: Db | Tx, addresses: string[], now: Date): Promise<Date> {
  const rows = await client.$queryRaw<Array<{ slot: Date | null }>>`
    SELECT max(nth.at) AS slot FROM unnest(${addresses}::text[]) AS a(addr)
    CROSS JOIN LATERAL (
      SELECT min(at) AS at FROM (
        SELECT next_attempt_at AS at FROM outbox_mails
        WHERE (to_email = a.addr OR (cc <> '{}' AND cc @> ARRAY[a.addr])) AND template NOT LIKE 'staff.%'
        ORDER BY next_attempt_at DESC LIMIT ${RATE_LIMIT.perAddress}) newest
      HAVING count(*) >= ${RATE_LIMIT.perAddress}) nth`;
  const oldest = rows[0]?.slot;
  const free = oldest ? new Date(oldest.getTime() + RATE_LIMIT.windowMs) : now;
  return free > now ? free : now;
}

/**
 * Inserts one outbox row. Over the per-address limit the row is deferred (kept, sent later,
 * shown as "deferred until" on the outbox page), never dropped (issue 12 point 6).
 */
export async function enqueueMail(client: Db | Tx, m: OutgoingMail, ctx?: EnqueueContext): Promise<{ id: number; deferredUntil: Date | null }> {
  const to = m.to.trim().toLowerCase();
  const cc = (m.cc ?? []).map((c) => c.trim().toLowerCase()).filter((c) => c && c !== to);
  // Staff notifications are exempt: a busy agent legitimately gets many, and they cannot loop
  // with a customer's autoresponder (our own mails carry Auto-Submitted and are not answered).
  const now = new Date();
  const slot = m.audience === "staff" ? now : await sendSlot(client, [to, ...cc], now);
  const deferredUntil = slot > now ? slot : null;
  if (deferredUntil) logger.warn("outbound mail deferred: rate limit per address", { to, template: m.template, ticketId: m.ticketId ?? null, until: deferredUntil.toISOString(), limit: RATE_LIMIT.perAddress });
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
  // plain SQL (issue 21); the timestamps are UTC like every column Prisma writes
  const [row] = await client.$queryRawUnsafe<Array<{ id: number }>>(
    `INSERT INTO outbox_mails (ticket_id, template, locale, to_email, cc, from_email, reply_to, subject, text, html, message_id_header, headers, attachment_ids, next_attempt_at, deferred_until, created_at)
     VALUES ($1::int, $2, $3, $4, $5::text[], $6, $7, $8, $9, $10, $11, $12::jsonb, $13::text[], $14::timestamptz AT TIME ZONE 'UTC', $15::timestamptz AT TIME ZONE 'UTC', $16::timestamptz AT TIME ZONE 'UTC')
     RETURNING id`,
    ticketId, m.template, locale, to, cc, from, replyToFor(mail, outbound, m.audience === "customer" ? ticketId : null),
    withSubjectToken(rendered.subject, ticketId), body.text, body.html, newMessageId(ticketId, from),
    JSON.stringify({ ...AUTO_HEADERS, ...thread }), m.attachmentIds ?? [], slot.toISOString(), deferredUntil?.toISOString() ?? null, now.toISOString(),
  );
  if (!deferredUntil) kickDelivery();
  return { id: row!.id, deferredUntil };
}
