// Tickets keep their numbers: Patchesoft's ticket ID is the number customers and staff know,
// so it becomes the id here, and the id sequence continues after the highest one. Priority
// goes to tickets.priority_id (priorities.ts), custom field values to tickets.custom_fields
// (custom-fields.ts; a value that does not fit becomes a history line). Notes (one text per
// ticket) become an internal note.
import { inBatch, type ImportContext } from "./context";
import { reconcile, type Planned } from "./reconcile";
import { insertRows, nextIds, unixDate, updateRow } from "./sql";
import { int, str, type Row } from "./source";
import { htmlContent } from "./content";
import { repairText } from "./mojibake";
import { emailSchema } from "@/server/services/users/register-user";
import { ensureDeletedUsers, ensureGuests } from "./users";
import { Progress } from "./progress";
import { historyWriter } from "./history";
import { ticketFieldValues, type RejectedValue } from "./custom-fields";
import type { FieldValues } from "@/server/domain/tickets/custom-fields";

type TicketRow = {
  title: string; body: string; bodyHtml: string; categoryId: number; statusId: number; requesterId: number; assigneeId: number | null;
  priorityId: number; customFields: FieldValues; rating: number | null; createdAt: Date; lastActivityAt: Date; closedAt: Date | null;
};

const FALLBACK_DATE = new Date(Date.UTC(2000, 0, 1));

function requesterOf(ctx: ImportContext, r: Row): number {
  const uid = int(r.userid);
  if (uid > 0) return ctx.users.get(uid)!;
  const guest = emailSchema.safeParse(repairText(str(r.guest_email)));
  return guest.success ? ctx.guests.get(guest.data)! : ctx.users.get(-int(r.ID))!;
}

function plan(ctx: ImportContext, r: Row, values: Row[], prev: { date: Date }, rejected: RejectedValue[]): Planned<TicketRow> {
  const id = int(r.ID);
  let created = unixDate(int(r.timestamp));
  if (!created) {
    ctx.summary.fix("ticket", "zero date: the previous ticket's date used");
    created = prev.date;
  }
  prev.date = created;
  const last = unixDate(int(r.last_reply_timestamp));
  const lastActivityAt = last && last > created ? last : created;
  const statusId = ctx.statuses.get(int(r.status)) ?? ctx.statuses.get(-1)!;
  const assignee = int(r.assignedid);
  const closed = ctx.closedStatuses.has(statusId);
  const rating = int(r.rating);
  const { text, html } = htmlContent(r.body);
  const custom = ticketFieldValues(ctx, id, values);
  rejected.push(...custom.rejected);
  return {
    sourceId: String(id),
    row: {
      title: repairText(str(r.title)).slice(0, 300) || `#${id}`, body: text, bodyHtml: html,
      categoryId: ctx.categories.get(int(r.categoryid)) ?? ctx.categories.get(-1)!, statusId, requesterId: requesterOf(ctx, r),
      assigneeId: assignee && ctx.roles.get(assignee) !== "CUSTOMER" ? (ctx.users.get(assignee) ?? null) : null,
      priorityId: ctx.priorities.get(int(r.priority))!, customFields: custom.values,
      rating: rating >= 1 && rating <= 5 ? rating : null, createdAt: created, lastActivityAt,
      closedAt: closed ? (unixDate(int(r.close_timestamp)) ?? lastActivityAt) : null,
    },
  };
}

const COLS = ["id", "title", "body", "body_html", "category_id", "status_id", "requester_id", "assignee_id", "priority_id", "custom_fields", "source", "locale", "rating", "created_at", "updated_at", "last_activity_at", "last_customer_at", "closed_at"];
const values = (id: number, t: TicketRow) => [id, t.title, t.body, t.bodyHtml, t.categoryId, t.statusId, t.requesterId, t.assigneeId, t.priorityId, JSON.stringify(t.customFields), "WEB", "ru", t.rating, t.createdAt, t.lastActivityAt, t.lastActivityAt, t.lastActivityAt, t.closedAt];

function ticketWriter(ctx: ImportContext) {
  return {
    async insert(ps: Planned<TicketRow>[]) {
      // numbers stay the same, so a number this helpdesk already used for a ticket of its own stops the import
      const taken = await ctx.pg.query<{ id: number }>("SELECT id FROM tickets WHERE id = ANY($1::int[]) ORDER BY id LIMIT 5", [ps.map((p) => Number(p.sourceId))]);
      if (taken.rows.length) throw new Error(`ticket number(s) ${taken.rows.map((r) => r.id).join(", ")} already exist here and are not from this import: import into a fresh install so numbers stay the same`);
      await insertRows(ctx.pg, "tickets", COLS, ps.map((p) => values(Number(p.sourceId), p.row)));
      return ps.map((p) => p.sourceId);
    },
    update: (id: string, { row: t }: Planned<TicketRow>) =>
      updateRow(ctx.pg, "tickets", id, {
        title: t.title, body: t.body, body_html: t.bodyHtml, category_id: t.categoryId, status_id: t.statusId, requester_id: t.requesterId,
        assignee_id: t.assigneeId, priority_id: t.priorityId, custom_fields: JSON.stringify(t.customFields), rating: t.rating, created_at: t.createdAt, last_activity_at: t.lastActivityAt, closed_at: t.closedAt, updated_at: new Date(),
      }),
  };
}

/** Values that did not fit their field: a Patchesoft history line on the ticket (shown in the history panel). */
async function importRejectedValues(ctx: ImportContext, rejected: RejectedValue[]) {
  const planned = rejected.map((v) => ({ sourceId: v.sourceId, row: { ticketId: v.ticketId, actorId: null, message: v.message, createdAt: ctx.tickets.get(v.ticketId)!.createdAt } }));
  await reconcile(ctx, "field history", planned, historyWriter(ctx));
}

async function importNotes(ctx: ImportContext, rows: Row[]) {
  const planned = rows
    .filter((r) => str(r.notes).trim() !== "")
    .map((r) => {
      const text = repairText(str(r.notes)).trim();
      const t = ctx.tickets.get(int(r.ID))!;
      return { sourceId: String(r.ID), row: { ticketId: int(r.ID), text, createdAt: t.createdAt } };
    });
  await reconcile(ctx, "note", planned, {
    async insert(ps) {
      const ids = await nextIds(ctx.pg, "messages", ps.length);
      const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
      await insertRows(ctx.pg, "messages", ["id", "ticket_id", "is_internal", "source", "body_text", "body_html", "created_at"],
        ps.map((p, i) => [ids[i], p.row.ticketId, true, "SYSTEM", p.row.text, `<p>${esc(p.row.text).replace(/\n/g, "<br>")}</p>`, p.row.createdAt]));
      return ids.map(String);
    },
    update: (id, p) => updateRow(ctx.pg, "messages", id, { body_text: p.row.text }),
  });
}

export async function importTickets(ctx: ImportContext): Promise<void> {
  const progress = new Progress("tickets", await ctx.src.count("tickets"), ctx.progress);
  const prev = { date: FALLBACK_DATE };
  for (let after = 0; ; ) {
    const rows = await ctx.src.batch("tickets", after, ctx.batchSize);
    if (!rows.length) break;
    after = int(rows[rows.length - 1]!.ID);
    const custom = await ctx.src.where("ticket_user_custom_fields", "ticketid", rows.map((r) => int(r.ID)));
    await inBatch(ctx, async () => {
      await requesters(ctx, rows);
      const rejected: RejectedValue[] = [];
      const planned = rows.map((r) => plan(ctx, r, custom.filter((c) => int(c.ticketid) === int(r.ID)), prev, rejected));
      await reconcile(ctx, "ticket", planned, ticketWriter(ctx));
      for (const p of planned) ctx.tickets.set(Number(p.sourceId), { requesterId: p.row.requesterId, createdAt: p.row.createdAt });
      await importNotes(ctx, rows);
      await importRejectedValues(ctx, rejected);
    });
    progress.add(rows.length);
  }
  if (!ctx.dryRun) await ctx.pg.query(`SELECT setval(pg_get_serial_sequence('tickets', 'id'), GREATEST((SELECT max(id) FROM tickets), 1))`);
}

/** The accounts the batch's tickets need: guests by address, placeholders for deleted users and bad guest addresses. */
async function requesters(ctx: ImportContext, rows: Row[]) {
  const guests: string[] = [];
  const deleted: number[] = [];
  for (const r of rows) {
    const uid = int(r.userid);
    if (uid > 0) {
      if (!ctx.users.has(uid)) {
        deleted.push(uid);
        ctx.summary.fix("ticket", "requester deleted: inactive placeholder account");
      }
      continue;
    }
    const g = emailSchema.safeParse(repairText(str(r.guest_email)));
    if (g.success) {
      guests.push(g.data);
      continue;
    }
    deleted.push(-int(r.ID));
    ctx.summary.fix("ticket", "guest without a valid address: inactive placeholder account");
  }
  await ensureGuests(ctx, guests);
  await ensureDeletedUsers(ctx, deleted);
}
