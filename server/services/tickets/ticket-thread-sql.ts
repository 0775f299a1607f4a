// ticket.byId's read as four indexed statements on the plain pg pool, run side by side: the
// ticket with its status, category, people and merge pointer; its thread with authors (deleted
// messages left out); its attachments; its Cc list. Through
// Prisma the same read was eight queries, each compiled per request — the customer's ticket
// page is the second-hottest read after the queue (bench/, "customer ticket page").
// The statements live in server/db/sql/ticket-page.ts, where the bench's floor takes them too.
import { pgPool } from "@/server/db/pg-pool";
import { TICKET_SQL, THREAD_SQL, ATTACHMENTS_SQL, PARTICIPANTS_SQL, type TicketSqlRow, type MessageSqlRow, type ParticipantSqlRow, type AttachmentSqlRow } from "@/server/db/sql/ticket-page";
import type { MessageRow } from "./ticket-dto";

const attachment = (a: AttachmentSqlRow) => ({ id: a.id, fileName: a.file_name, contentType: a.content_type, size: a.size, isInline: a.is_inline, contentId: a.content_id });

/** The ticket in the shape ticketDetail() takes, or null. */
export async function loadTicketThread(id: number) {
  const pool = pgPool();
  const [t, m, a, p] = await Promise.all([
    pool.query<TicketSqlRow>({ name: "ticket-by-id", text: TICKET_SQL, values: [id] }),
    pool.query<MessageSqlRow>({ name: "ticket-thread", text: THREAD_SQL, values: [id] }),
    pool.query<AttachmentSqlRow>({ name: "ticket-attachments", text: ATTACHMENTS_SQL, values: [id] }),
    pool.query<ParticipantSqlRow>({ name: "ticket-participants", text: PARTICIPANTS_SQL, values: [id] }),
  ]);
  const r = t.rows[0];
  if (!r) return null;
  const byMessage = new Map<number, MessageRow["attachments"]>();
  const own: MessageRow["attachments"] = [];
  for (const x of a.rows) {
    if (x.message_id == null) own.push(attachment(x));
    else {
      const list = byMessage.get(x.message_id);
      if (list) list.push(attachment(x));
      else byMessage.set(x.message_id, [attachment(x)]);
    }
  }
  const messages: MessageRow[] = m.rows.map((x) => ({
    id: x.id, isInternal: x.is_internal, isAutomatic: x.is_automatic, source: x.source, bodyText: x.body_text, bodyHtml: x.body_html,
    fromEmail: x.from_email, fromName: x.from_name, inboundMailId: x.inbound_mail_id, fullText: x.full_text, createdAt: x.created_at,
    author: x.author_id == null ? null : { id: x.author_id, name: x.author_name ?? "", role: x.author_role ?? "CUSTOMER" },
    attachments: byMessage.get(x.id) ?? [],
    editedAt: x.edited_at,
  }));
  return {
    id: r.id, title: r.title, body: r.body, bodyHtml: r.body_html, source: r.source, locale: r.locale, version: r.version,
    rating: r.rating, ratingComment: r.rating_comment, createdAt: r.created_at, updatedAt: r.updated_at, lastActivityAt: r.last_activity_at,
    closedAt: r.closed_at, requesterId: r.requester_id,
    status: { id: r.status_id, nameRu: r.status_ru, nameEn: r.status_en, color: r.status_color, isClosed: r.status_closed },
    category: { id: r.category_id, nameRu: r.category_ru, nameEn: r.category_en },
    priority: { id: r.priority_id, nameRu: r.priority_ru, nameEn: r.priority_en, color: r.priority_color },
    customFields: r.custom_fields,
    requester: { id: r.requester_id, name: r.requester_name, email: r.requester_email },
    assignee: r.assignee_id == null ? null : { id: r.assignee_id, name: r.assignee_name ?? "", email: r.assignee_email ?? "" },
    messages,
    attachments: own,
    participants: p.rows.map((x) => ({ email: x.email, name: x.name })),
    mergedInto: r.merged_into_id == null ? null : { id: r.merged_into_id, title: r.merged_into_title ?? "", requesterId: r.merged_into_requester_id ?? 0 },
  };
}
