// ticket.byId's four statements (ticket, thread, attachments, Cc list), run side by side by
// server/services/tickets/ticket-thread-sql.ts and, as the floor, by bench/floor-server.ts.
export type TicketSqlRow = {
  id: number; title: string; body: string; body_html: string; source: string; locale: string; version: number;
  rating: number | null; rating_comment: string | null; created_at: Date; updated_at: Date; last_activity_at: Date; closed_at: Date | null;
  requester_id: number; status_id: number; status_ru: string; status_en: string; status_color: string; status_closed: boolean;
  category_id: number; category_ru: string; category_en: string; requester_name: string; requester_email: string;
  assignee_id: number | null; assignee_name: string | null; assignee_email: string | null;
  priority_id: number; priority_ru: string; priority_en: string; priority_color: string; custom_fields: unknown;
  merged_into_id: number | null; merged_into_title: string | null; merged_into_requester_id: number | null;
};
export type MessageSqlRow = {
  id: number; is_internal: boolean; is_automatic: boolean; source: string; body_text: string; body_html: string; from_email: string | null;
  from_name: string | null; inbound_mail_id: number | null; full_text: string | null; created_at: Date; author_id: number | null; author_name: string | null; author_role: string | null;
  edited_at: Date | null;
};
export type ParticipantSqlRow = { email: string; name: string | null };
export type AttachmentSqlRow = { id: string; file_name: string; content_type: string; size: number; is_inline: boolean; content_id: string | null; message_id: number | null };

export const TICKET_SQL = `
  SELECT t.id, t.title, t.body, t.body_html, t.source::text AS source, t.locale, t.version, t.rating, t.rating_comment,
         t.created_at, t.updated_at, t.last_activity_at, t.closed_at, t.requester_id,
         s.id AS status_id, s.name_ru AS status_ru, s.name_en AS status_en, s.color AS status_color, s.is_closed AS status_closed,
         c.id AS category_id, c.name_ru AS category_ru, c.name_en AS category_en,
         r.name AS requester_name, r.email AS requester_email, a.id AS assignee_id, a.name AS assignee_name, a.email AS assignee_email,
         p.id AS priority_id, p.name_ru AS priority_ru, p.name_en AS priority_en, p.color AS priority_color, t.custom_fields,
         t.merged_into_id, mt.title AS merged_into_title, mt.requester_id AS merged_into_requester_id
    FROM tickets t JOIN statuses s ON s.id = t.status_id JOIN categories c ON c.id = t.category_id JOIN priorities p ON p.id = t.priority_id
    JOIN users r ON r.id = t.requester_id LEFT JOIN users a ON a.id = t.assignee_id LEFT JOIN tickets mt ON mt.id = t.merged_into_id
   WHERE t.id = $1`;

export const THREAD_SQL = `
  SELECT m.id, m.is_internal, m.is_automatic, m.source::text AS source, m.body_text, m.body_html, m.from_email, m.from_name,
         m.inbound_mail_id, m.full_text, m.created_at, u.id AS author_id, u.name AS author_name, u.role::text AS author_role, m.edited_at
    FROM messages m LEFT JOIN users u ON u.id = m.author_id
   WHERE m.ticket_id = $1 AND m.deleted_at IS NULL ORDER BY m.created_at, m.id`;

export const ATTACHMENTS_SQL = `
  SELECT id, file_name, content_type, size, is_inline, content_id, message_id FROM attachments WHERE ticket_id = $1 ORDER BY created_at, id`;

/** the Cc list (issue 15.6): at most MAX_PARTICIPANTS rows */
export const PARTICIPANTS_SQL = `SELECT email, name FROM ticket_participants WHERE ticket_id = $1 ORDER BY created_at, email`;
