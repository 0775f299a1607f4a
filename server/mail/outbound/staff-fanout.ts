// Staff notifications of one ticket event as ONE statement that PostgreSQL fans out: the body is
// rendered once per locale with a marker where {{agent.name}} goes and sent once; the INSERT …
// SELECT FROM unnest(recipients) writes a row per agent, putting each agent's name in with
// replace(). A 50-agent team used to push 50 copies of the ticket's text (≈ 4 MB for a 37 KB
// mail) through the Prisma engine per new ticket; now it is one copy per locale. The rows are
// exactly what enqueueStaffBatch() writes (same template, subject, markers, headers).
import type { Db, Tx } from "@/server/db/client";
import type { TemplateVars } from "./render";
import { loadTemplate, renderOrDefault, templateLocale, type TemplateText } from "./templates";
import type { TemplateKey, TemplateLocale } from "@/server/domain/mail/template-keys";
import { AUTO_HEADERS, fromAddress, newMessageId, replyToFor, threadHeaders, withSubjectToken, wrapBody } from "./compose";
import { escapeHtml } from "./render";
import { enqueueStaffBatch, type EnqueueContext } from "./enqueue";
import { kickDelivery } from "./kick";

export type StaffRecipient = { email: string; name: string; locale: string };

/** Stands for the agent's name in the rendered body; no template or name can contain it. */
const MARK = "\u0001agent.name\u0001";

/**
 * A name that renders the same wherever it stands: not empty, no line breaks, no leading,
 * trailing or doubled whitespace (the renderer trims and collapses those in places).
 */
const plainName = (n: string) => n !== "" && n === n.replace(/\s+/g, " ").trim();

// Templates per context: one lookup per (key, locale) for a whole ingest run or request.
const templateMemo = new WeakMap<EnqueueContext, Map<string, TemplateText>>();

async function template(client: Db | Tx, ctx: EnqueueContext, key: TemplateKey, locale: TemplateLocale): Promise<TemplateText> {
  let m = templateMemo.get(ctx);
  if (!m) templateMemo.set(ctx, (m = new Map()));
  const k = `${key}:${locale}`;
  let t = m.get(k);
  if (!t) m.set(k, (t = (await loadTemplate(client, key, locale)).template));
  return t;
}

/**
 * Enqueues `template` to every recipient of a ticket's staff notification. `newTicket`: the
 * ticket was created in this transaction, so it has no earlier staff mail to thread under.
 */
export async function enqueueStaffFanout(
  client: Db | Tx,
  o: { template: TemplateKey; ticketId: number; recipients: StaffRecipient[]; vars: TemplateVars; newTicket?: boolean },
  ctx: EnqueueContext,
): Promise<number> {
  if (o.recipients.length === 0) return 0;
  const { mail, outbound } = ctx;
  // the thread as it is before any of these rows (each row of one event answers the same mails)
  const headers = JSON.stringify({ ...AUTO_HEADERS, ...(o.newTicket ? {} : await threadHeaders(client, o.ticketId, "staff")) });
  const odd = o.recipients.filter((r) => !plainName(r.name));
  // names the marker cannot stand for (rare): rendered one by one, as before
  let count = odd.length ? await enqueueStaffBatch(client, odd.map((r) => ({ template: o.template, locale: r.locale, to: r.email, ticketId: o.ticketId, vars: { ...o.vars, "agent.name": r.name } })), ctx) : 0;
  const byLocale = new Map<TemplateLocale, StaffRecipient[]>();
  for (const r of o.recipients) {
    if (!plainName(r.name)) continue;
    const l = templateLocale(r.locale);
    byLocale.set(l, [...(byLocale.get(l) ?? []), r]);
  }
  if (byLocale.size === 0) return count;
  const from = fromAddress(mail, outbound);
  for (const [locale, list] of byLocale) {
    const t = await template(client, ctx, o.template, locale);
    const vars = { "site.name": outbound.fromName, ...o.vars };
    const marked = renderOrDefault(o.template, locale, t, { ...vars, "agent.name": MARK });
    const body = wrapBody(marked, null, locale);
    // subjects are short: rendered per agent, exactly
    const subjects = list.map((r) => withSubjectToken(marked.subject.includes(MARK) ? renderOrDefault(o.template, locale, t, { ...vars, "agent.name": r.name }).subject : marked.subject, o.ticketId));
    const rows = {
      to: list.map((r) => r.email.trim().toLowerCase()),
      subject: subjects,
      nameText: list.map((r) => r.name),
      nameHtml: list.map((r) => escapeHtml(r.name)),
      mid: list.map(() => newMessageId(o.ticketId, from)),
    };
    const common = { ticketId: o.ticketId, template: o.template, locale, from, replyTo: replyToFor(mail, outbound, null), headers };
    count += body.text.includes(MARK) || body.html.includes(MARK) ? await insertNamed(client, common, body, rows) : await insertShared(client, common, body, rows);
  }
  kickDelivery();
  return count;
}

type Common = { ticketId: number; template: string; locale: string; from: string; replyTo: string | null; headers: string };
type Rows = { to: string[]; subject: string[]; nameText: string[]; nameHtml: string[]; mid: string[] };

/**
 * The same body for every agent: the first row is inserted with it, the others copy it from that
 * row. PostgreSQL compresses a large text once per value it is given, and copies an already
 * stored (compressed) value as it is: 50 agents cost one compression of the body, not 50.
 */
async function insertShared(client: Db | Tx, c: Common, body: { text: string; html: string }, r: Rows): Promise<number> {
  const [first] = await client.$queryRaw<{ id: number }[]>`
    INSERT INTO outbox_mails (ticket_id, template, locale, to_email, from_email, reply_to, subject, text, html, message_id_header, headers)
    VALUES (${c.ticketId}, ${c.template}, ${c.locale}, ${r.to[0]}, ${c.from}, ${c.replyTo}, ${r.subject[0]}, ${body.text}, ${body.html}, ${r.mid[0]}, ${c.headers}::jsonb)
    RETURNING id`;
  if (r.to.length === 1) return 1;
  const rest = await client.$executeRaw`
    INSERT INTO outbox_mails (ticket_id, template, locale, to_email, from_email, reply_to, subject, text, html, message_id_header, headers)
    SELECT o.ticket_id, o.template, o.locale, x.to_email, o.from_email, o.reply_to, x.subject, o.text, o.html, x.mid, o.headers
      FROM outbox_mails o, unnest(${r.to.slice(1)}::text[], ${r.subject.slice(1)}::text[], ${r.mid.slice(1)}::text[]) WITH ORDINALITY AS x(to_email, subject, mid, n)
     WHERE o.id = ${first!.id}
     ORDER BY x.n`;
  return 1 + rest;
}

/** A template that shows {{agent.name}} in the body: each row gets its own copy with the name put in. */
async function insertNamed(client: Db | Tx, c: Common, body: { text: string; html: string }, r: Rows): Promise<number> {
  // split once here; PostgreSQL joins the pieces with each agent's name (no search per row)
  return client.$executeRaw`
    INSERT INTO outbox_mails (ticket_id, template, locale, to_email, from_email, reply_to, subject, text, html, message_id_header, headers)
    SELECT ${c.ticketId}, ${c.template}, ${c.locale}, x.to_email, ${c.from}, ${c.replyTo}, x.subject,
           array_to_string(${body.text.split(MARK)}::text[], x.name_text), array_to_string(${body.html.split(MARK)}::text[], x.name_html), x.mid, ${c.headers}::jsonb
      FROM unnest(${r.to}::text[], ${r.subject}::text[], ${r.nameText}::text[], ${r.nameHtml}::text[], ${r.mid}::text[]) WITH ORDINALITY AS x(to_email, subject, name_text, name_html, mid, n)
     ORDER BY x.n`;
}
