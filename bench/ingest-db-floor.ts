// The ingest's database floor (issue 21): the rows the app's ingest writes for a batch of mails,
// written by raw `pg` in ONE transaction per batch of the app's size (BATCH_MAILS), with plain
// multi-row INSERT … SELECT FROM unnest(…). No decider, template, sanitizer or Prisma: only what
// PostgreSQL must do, so app ÷ this floor measures our overhead, not PostgreSQL's.
//
// The bench's mails are all new tickets from existing customers (bench/ingest.ts smallMail: no
// threading headers, no Cc, no attachments), so per mail the app writes (server/mail/ingest/
// process-mail.ts → mail-writes.ts createTicketFromMail → notify "ticket.created"):
//   inbound_mails  1 (the ledger row with the raw source; the app inserts it "pending" and sets
//                     outcome, ticket and marked_at later — here it goes in final)
//   tickets        1 (search vector by the table's trigger, queue counters by theirs)
//   audit_events   1 ("ticket.created")
//   outbox_mails   1 acknowledgement to the customer + 1 "staff.new-ticket" per staff recipient
//   notifications  1 per staff recipient (in-app); the per-user trim of notifications.ts on the
//                  same count of events as the app (one in TRIM_EVERY)
// and per batch: the sender lookup, the per-address rate-limit slots of the acknowledgements
// (enqueue.ts sendSlot) and the cursor in mailbox_states. A mail this floor does not model (an
// unknown sender, a reply) fails the run rather than being counted as work it did not do.
// When the app's rows change (another table, another outbox row), change them here too; the
// bench compares the rows both sides wrote (pg_stat_user_tables) in every run's results.
import crypto from "node:crypto";
import pg from "pg";
import type { ParsedMail as MpMail } from "mailparser";
import { notificationRecipients } from "@/server/domain/notifications/recipients";
import { readPrefs } from "@/server/domain/notifications/prefs";
import { excerpt } from "@/server/domain/notifications/excerpt";
import { NOTIFICATIONS_TRIM_SQL, TRIM_EVERY } from "@/server/platform/notifications";
import { STAFF_ROLES, type Role } from "@/server/domain/actor";

/** The floor's own ledger and cursor: the app's `default` mailbox keeps its dedupe and cursor to itself. */
export const DB_FLOOR_MAILBOX = "bench-dbfloor";

export type FloorMail = { uid: number; raw: Buffer; parsed: MpMail };

export type DbFloor = {
  /** takes the cursor row (the app's lease upsert) */
  start(uidValidity: number | null): Promise<void>;
  /** queues a parsed mail; a full batch is written before it returns */
  add(m: FloorMail): Promise<void>;
  flush(): Promise<void>;
  end(): Promise<void>;
  detail(): { batches: number; batchMails: number; staffRecipients: number; ms: Record<string, number> };
};

const AUTO_HEADERS = { "Auto-Submitted": "auto-generated", "X-Auto-Response-Suppress": "OOF, AutoReply" };

/** server/platform/sanitize.ts textToHtml, the shape of what the app stores as body_html */
const toHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").split(/\n{2,}/).map((p) => `<p>${p.replace(/\n/g, "<br>")}</p>`).join("");
/** compose.ts wrapBody's HTML document around a body (its size, not its renderer); `marks`: the customer mails' reply and ticket lines */
const page = (subject: string, body: string, marks?: [string, string]) =>
  `<!doctype html>\n<html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${toHtml(subject)}</title></head>\n` +
  `<body style="margin:0;padding:16px;font-family:-apple-system,Segoe UI,Roboto,Arial,sans-serif;font-size:15px;line-height:1.5;color:#111827">\n` +
  (marks ? `<div style="color:#9ca3af;font-size:12px;line-height:1.4">${toHtml(marks[0])}</div>\n` : "") +
  `<div>\n${body}\n</div>\n` +
  (marks ? `<hr style="border:none;border-top:1px solid #e5e7eb;margin:24px 0 8px"><div style="color:#9ca3af;font-size:12px;line-height:1.4">${toHtml(marks[1])}</div>\n` : "") +
  `</body></html>\n`;
const sha256 = (b: Buffer | string) => crypto.createHash("sha256").update(b).digest("hex");
const mid = (ticketId: number, host: string) => `<${ticketId}.${crypto.randomUUID()}@${host}>`;

/**
 * One-time reads (outside the timed run, like the app's module loads and settings write): the
 * default category and status as the mail settings' "auto" picks them, and who of the staff hears
 * of a new ticket in that category — by the app's own decider (notifications/recipients.ts).
 */
export async function dbFloor(url: string, fromEmail: string): Promise<DbFloor> {
  const { BATCH_MAILS } = await import("@/server/mail/ingest/run-ingest");
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const one = async <T extends pg.QueryResultRow>(q: string, v: unknown[] = []) => (await c.query<T>(q, v)).rows[0];
  const category = (await one<{ id: number; assignment_rule: string; default_assignee_id: number | null }>(
    `SELECT id, assignment_rule, default_assignee_id FROM categories WHERE archived_at IS NULL ORDER BY no_tickets, sort_order, id LIMIT 1`,
  ))!;
  // chooseAssignee with another rule locks the category and counts each candidate's open tickets: not modelled
  if (category.assignment_rule !== "NONE") throw new Error(`dbfloor: the default category has assignment rule ${category.assignment_rule}, which the floor does not model`);
  const status = (await one<{ id: number }>(`SELECT id FROM statuses WHERE is_default`)) ?? (await one<{ id: number }>(`SELECT id FROM statuses WHERE NOT is_closed ORDER BY sort_order LIMIT 1`))!;
  const staffRows = (await c.query<{ id: number; email: string; name: string; locale: string; role: Role; away: boolean; notify_prefs: unknown; team_ids: number[] }>(
    `SELECT u.id, u.email, u.name, u.locale, u.role, u.away, u.notify_prefs, coalesce(array_agg(m.team_id) FILTER (WHERE m.team_id IS NOT NULL), '{}') AS team_ids
       FROM users u LEFT JOIN team_members m ON m.user_id = u.id
      WHERE u.is_active AND u.role = ANY($1::"Role"[]) GROUP BY u.id ORDER BY u.id LIMIT 500`, [[...STAFF_ROLES]])).rows;
  const links = (await c.query<{ teamId: number; categoryId: number }>(`SELECT team_id AS "teamId", category_id AS "categoryId" FROM team_categories WHERE category_id = $1`, [category.id])).rows;
  const who = notificationRecipients({
    event: { type: "ticket.created" }, ticket: { categoryId: category.id, assigneeId: category.default_assignee_id }, actorId: null,
    staff: staffRows.map((s) => ({ id: s.id, role: s.role, away: s.away, prefs: readPrefs(s.notify_prefs), teamIds: s.team_ids })), categoryLinks: links,
  });
  const byId = new Map(staffRows.map((s) => [s.id, s]));
  const mailTo = who.filter((r) => r.mail).map((r) => byId.get(r.userId)!);
  const appTo = who.filter((r) => r.app);
  const host = fromEmail.split("@")[1] ?? "bench.test";
  await c.query(`DELETE FROM mailbox_states WHERE key = $1`, [DB_FLOOR_MAILBOX]);

  let batch: FloorMail[] = [];
  let batches = 0;
  let uidValidity: number | null = null;
  // where the floor's time goes, per statement (ms over the run): the detail of the results
  const spent: Record<string, number> = {};
  const q = async <T extends pg.QueryResultRow>(label: string, text: string, values?: unknown[]) => {
    const t0 = performance.now();
    try {
      return await c.query<T>(text, values);
    } finally {
      spent[label] = Math.round((spent[label] ?? 0) + performance.now() - t0);
    }
  };

  async function write(list: FloorMail[]) {
    const mails = list.map((m) => {
      const p = m.parsed;
      const from = p.from?.value[0]?.address?.toLowerCase() ?? "";
      if (p.inReplyTo || p.references || p.cc) throw new Error(`dbfloor: mail ${m.uid} is a reply or has Cc's, which the floor does not model`);
      const subject = p.subject ?? "";
      const text = (p.text ?? "").replace(/\s+$/, "");
      return { m, from, subject, title: (subject || "Mail").slice(0, 250), text, key: p.messageId ?? `sha256:${sha256(m.raw)}` };
    });
    await q("begin", "BEGIN");
    try {
      // the senders of the batch in one read (process-mail.ts preloadSenders)
      const senders = new Map((await q<{ id: number; email: string; name: string; locale: string; is_active: boolean }>("senders",
        `SELECT id, email, name, locale, is_active FROM users WHERE email = ANY($1::text[])`, [[...new Set(mails.map((x) => x.from))]])).rows.map((u) => [u.email, u]));
      const users = mails.map((x) => {
        const u = senders.get(x.from);
        if (!u) throw new Error(`dbfloor: sender ${x.from} has no account; the floor does not model new customers`);
        return u;
      });
      // the acknowledgements' send slots: the rate limit of enqueue.ts, for the batch's addresses at once
      const acked = mails.map((_, i) => i).filter((i) => users[i]!.is_active);
      const slots = new Map((await q<{ addr: string; slot: Date | null }>("rate-limit",
        `SELECT a.addr, nth.at AS slot FROM unnest($1::text[]) AS a(addr)
         CROSS JOIN LATERAL (
           SELECT min(at) AS at FROM (
             SELECT next_attempt_at AS at FROM outbox_mails
             WHERE (to_email = a.addr OR (cc <> '{}' AND cc @> ARRAY[a.addr])) AND template NOT LIKE 'staff.%'
             ORDER BY next_attempt_at DESC LIMIT 20) newest
           HAVING count(*) >= 20) nth`, [[...new Set(acked.map((i) => users[i]!.email))]])).rows.map((r) => [r.addr, r.slot]));
      const ids = (await q<{ id: number }>("ticket-ids", `SELECT nextval(pg_get_serial_sequence('tickets', 'id'))::int AS id FROM generate_series(1, $1)`, [mails.length])).rows.map((r) => r.id);
      const now = new Date();
      await q("tickets",
        `INSERT INTO tickets (id, title, body, body_html, category_id, status_id, requester_id, assignee_id, source, locale, created_at, updated_at, last_activity_at, last_customer_at, priority_id)
         SELECT x.id, x.title, x.body, x.html, $5, $6, x.req, $7, 'EMAIL'::"MessageSource", x.locale, $8, $8, $8, $8, default_priority_id()
           FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $9::int[], $10::text[]) AS x(id, title, body, html, req, locale)`,
        [ids, mails.map((x) => x.title), mails.map((x) => x.text), mails.map((x) => toHtml(x.text)), category.id, status.id, category.default_assignee_id, now,
          users.map((u) => u.id), users.map((u) => u.locale)],
      );
      // the ledger row as the app leaves it after the commit: outcome, ticket and marked_at set
      await q("inbound_mails",
        `INSERT INTO inbound_mails (mailbox_key, message_key, uid, from_email, subject, size, sha256, content_sha256, outcome, ticket_id, raw, marked_at)
         SELECT $1, x.key, x.uid, x.from_email, x.subject, x.size, x.sha, x.csha, 'created', x.ticket_id, x.raw, now()
           FROM unnest($2::text[], $3::bigint[], $4::text[], $5::text[], $6::int[], $7::text[], $8::text[], $9::int[], $10::bytea[])
                AS x(key, uid, from_email, subject, size, sha, csha, ticket_id, raw)`,
        [DB_FLOOR_MAILBOX, mails.map((x) => x.key), mails.map((x) => x.m.uid), mails.map((x) => x.from), mails.map((x) => x.subject.slice(0, 1000)), mails.map((x) => x.m.raw.length),
          mails.map((x) => sha256(x.m.raw)), mails.map((x) => sha256(`${x.from}\n${x.subject}`)), ids, mails.map((x) => x.m.raw)],
      );
      await q("audit_events",
        `INSERT INTO audit_events (ticket_id, actor_id, type, data, created_at) SELECT x.t, x.a, 'ticket.created', '{"source":"EMAIL"}', $3 FROM unnest($1::int[], $2::int[]) AS x(t, a)`,
        [ids, users.map((u) => u.id), now],
      );
      // the acknowledgements (ticket.created to the customer: greeting, number, title, link; threaded under the mail)
      const ack = acked.map((i) => {
        const x = mails[i]!;
        const u = users[i]!;
        const link = `https://helpdesk.example/t/${ids[i]}.${crypto.randomBytes(24).toString("base64url")}`;
        const body = `Здравствуйте, ${u.name}!\n\nСпасибо за обращение. Ваша заявка зарегистрирована под номером ${ids[i]}:\n«${x.title}».\n\nМы ответим как можно скорее. Следить за заявкой можно здесь:\n${link}\n\nЧтобы что-то добавить, просто ответьте на это письмо.`;
        const marks: [string, string] = ["##- Пишите ответ выше этой строки -##", `[Заявка #${ids[i]}:${crypto.randomBytes(8).toString("hex")}]`];
        const subject = `Заявка принята: ${x.title} [#${ids[i]}]`;
        const slot = slots.get(u.email);
        const deferred = slot && slot.getTime() + 3_600_000 > now.getTime() ? new Date(slot.getTime() + 3_600_000) : null;
        return {
          t: ids[i]!, locale: u.locale, to: u.email, subject, text: `${marks[0]}\n\n${body}\n\n-- \n${marks[1]}\n`, html: page(subject, toHtml(body), marks), mid: mid(ids[i]!, host),
          headers: JSON.stringify({ ...AUTO_HEADERS, "In-Reply-To": x.key, References: x.key }), next: deferred ?? now, deferred,
        };
      });
      await q("outbox-ack",
        `INSERT INTO outbox_mails (ticket_id, template, locale, to_email, from_email, reply_to, subject, text, html, message_id_header, headers, next_attempt_at, deferred_until)
         SELECT x.t, 'ticket.created', x.locale, x.to_email, $1, $2 || x.t, x.subject, x.text, x.html, x.mid, x.headers::jsonb, x.next, x.deferred
           FROM unnest($3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::timestamptz[], $12::timestamptz[])
                AS x(t, locale, to_email, subject, text, html, mid, headers, next, deferred)`,
        [fromEmail, `${fromEmail.split("@")[0]}+`, ack.map((a) => a.t), ack.map((a) => a.locale), ack.map((a) => a.to), ack.map((a) => a.subject), ack.map((a) => a.text),
          ack.map((a) => a.html), ack.map((a) => a.mid), ack.map((a) => a.headers), ack.map((a) => a.next), ack.map((a) => a.deferred)],
      );
      // staff.new-ticket to every mail recipient: the excerpt (1,500 characters), one text per ticket, a row per agent
      if (mailTo.length) {
        const staffSubject = mails.map((x, i) => `Новая заявка: ${x.title} [#${ids[i]}]`);
        const staffText = mails.map((x, i) => `${users[i]!.name} <${users[i]!.email}> создал(а) заявку ${ids[i]}: «${x.title}»\n\n${excerpt(x.text)}\n\nhttps://helpdesk.example/staff/tickets/${ids[i]}`);
        await q("outbox-staff",
          `INSERT INTO outbox_mails (ticket_id, template, locale, to_email, from_email, reply_to, subject, text, html, message_id_header, headers)
           SELECT x.t, 'staff.new-ticket', r.locale, r.to_email, $1, NULL, x.subject, x.text, x.html, '<' || x.t || '.' || gen_random_uuid() || '@' || $2 || '>', $3::jsonb
             FROM unnest($4::int[], $5::text[], $6::text[], $7::text[]) WITH ORDINALITY AS x(t, subject, text, html, n)
            CROSS JOIN unnest($8::text[], $9::text[]) WITH ORDINALITY AS r(to_email, locale, k)
            ORDER BY x.n, r.k`,
          [fromEmail, host, JSON.stringify(AUTO_HEADERS), ids, staffSubject, staffText, staffText.map((t, i) => page(staffSubject[i]!, toHtml(t))),
            mailTo.map((s) => s.email.toLowerCase()), mailTo.map((s) => s.locale)],
        );
      }
      // the bell: a row per in-app recipient and ticket, then the per-user bound of server/platform/notifications.ts
      if (appTo.length) {
        await q("notifications",
          `INSERT INTO notifications (user_id, ticket_id, event, actor_id, excerpt)
           SELECT r.u, x.t, r.ev, x.a, x.ex FROM unnest($1::int[], $2::int[], $3::text[]) WITH ORDINALITY AS x(t, a, ex, n)
            CROSS JOIN unnest($4::int[], $5::text[]) WITH ORDINALITY AS r(u, ev, k) ORDER BY x.n, r.k`,
          [ids, users.map((u) => u.id), mails.map((x) => excerpt(x.text, 198)), appTo.map((r) => r.userId), appTo.map((r) => r.event)],
        );
        // the app counts an event per mail and trims on one in TRIM_EVERY (migration 0026): the same count here
        const due = await q<{ trim: boolean }>("notifications-trim",
          `SELECT bool_or(nextval('notification_events')::bigint % ${TRIM_EVERY} = 0) AS trim FROM generate_series(1, $1::int)`, [list.length]);
        if (due.rows[0]!.trim) await q("notifications-trim", NOTIFICATIONS_TRIM_SQL, [appTo.map((r) => r.userId)]);
      }
      // the cursor, last (process-mail.ts advanceCursor)
      await q("cursor",
        `UPDATE mailbox_states SET last_uid = GREATEST(last_uid, $2), lease_until = now() + interval '5 minutes', updated_at = now() WHERE key = $1`,
        [DB_FLOOR_MAILBOX, Math.max(...list.map((m) => m.uid))],
      );
      await q("commit", "COMMIT");
      batches += 1;
    } catch (e) {
      await c.query("ROLLBACK").catch(() => {});
      throw e;
    }
  }

  async function flush() {
    const list = batch;
    batch = [];
    if (list.length) await write(list);
  }

  return {
    async start(v) {
      uidValidity = v;
      await c.query(
        `INSERT INTO mailbox_states (key, uid_validity, last_uid, lease_owner, lease_until, updated_at) VALUES ($1, $2, 0, 'dbfloor', now() + interval '5 minutes', now())
         ON CONFLICT (key) DO UPDATE SET lease_owner = EXCLUDED.lease_owner, lease_until = EXCLUDED.lease_until, updated_at = now()`,
        [DB_FLOOR_MAILBOX, uidValidity],
      );
    },
    async add(m) {
      batch.push(m);
      if (batch.length >= BATCH_MAILS) await flush();
    },
    flush,
    async end() {
      await c.query(`UPDATE mailbox_states SET lease_owner = NULL, lease_until = NULL, last_run_at = now(), updated_at = now() WHERE key = $1`, [DB_FLOOR_MAILBOX]).catch(() => {});
      await c.end();
    },
    detail: () => ({ batches, batchMails: BATCH_MAILS, staffRecipients: who.length, ms: spent }),
  };
}
