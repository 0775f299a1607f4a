// A `tickets` row (and its status) in the shape Prisma's model calls return, from plain SQL:
// the write paths lock-and-load and insert tickets on every reply and creation, where a model
// call costs ~1 ms of Node CPU more than a raw one (issue 21). Every scalar column of the model
// but the search vector; a column added to the model must be added here too (the integration
// test server/db/ticket-row.int.test.ts compares both shapes).
import type { Status, Ticket } from "@/server/generated/prisma/client";

export const TICKET_COLUMNS = `t.id, t.title, t.body, t.body_html AS "bodyHtml", t.category_id AS "categoryId", t.status_id AS "statusId",
  t.requester_id AS "requesterId", t.assignee_id AS "assigneeId", t.source::text AS source, t.locale, t.version, t.rating,
  t.rating_comment AS "ratingComment", t.rated_at AS "ratedAt", t.created_at AS "createdAt", t.updated_at AS "updatedAt",
  t.last_activity_at AS "lastActivityAt", t.last_customer_at AS "lastCustomerAt", t.first_response_at AS "firstResponseAt",
  t.closed_at AS "closedAt", t.priority_id AS "priorityId", t.custom_fields AS "customFields", t.status_changed_at AS "statusChangedAt",
  t.last_staff_reply_at AS "lastStaffReplyAt", t.auto_close_reminded_at AS "autoCloseRemindedAt", t.merged_into_id AS "mergedIntoId"`;

/** The status columns, prefixed `s_` (statusOf() turns them back into a Status). */
export const STATUS_COLUMNS = `s.id AS s_id, s.key AS s_key, s.name_ru AS s_name_ru, s.name_en AS s_name_en, s.color AS s_color,
  s.is_closed AS s_is_closed, s.is_default AS s_is_default, s.sort_order AS s_sort_order, s.created_at AS s_created_at`;

export type StatusColumns = {
  s_id: number; s_key: string | null; s_name_ru: string; s_name_en: string; s_color: string;
  s_is_closed: boolean; s_is_default: boolean; s_sort_order: number; s_created_at: Date;
};

/** Splits a row of TICKET_COLUMNS + STATUS_COLUMNS into the ticket with its status. */
export function withStatus(r: Ticket & StatusColumns): Ticket & { status: Status } {
  const { s_id, s_key, s_name_ru, s_name_en, s_color, s_is_closed, s_is_default, s_sort_order, s_created_at, ...t } = r;
  return {
    ...t,
    status: { id: s_id, key: s_key, nameRu: s_name_ru, nameEn: s_name_en, color: s_color, isClosed: s_is_closed, isDefault: s_is_default, sortOrder: s_sort_order, createdAt: s_created_at },
  };
}
