// Replies, in source order. A reply whose ticket is gone (Patchesoft deletes tickets without
// their replies) is skipped and counted; a zero date takes its ticket's date. The author is
// the mapped user; a guest's reply (userid 0) is the ticket's requester's.
import { eachBatch, inBatch, type ImportContext } from "./context";
import { reconcile, type Planned } from "./reconcile";
import { insertRows, nextIds, unixDate, updateRow } from "./sql";
import { int, type Row } from "./source";
import { htmlContent } from "./content";

type ReplyRow = { ticketId: number; authorId: number | null; text: string; html: string; createdAt: Date };

function plan(ctx: ImportContext, r: Row): Planned<ReplyRow> | null {
  const ticket = ctx.tickets.get(int(r.ticketid));
  if (!ticket) {
    ctx.summary.skip("reply", "orphaned: its ticket is gone");
    return null;
  }
  let createdAt = unixDate(int(r.timestamp));
  if (!createdAt) {
    ctx.summary.fix("reply", "zero date: the ticket's date used");
    createdAt = ticket.createdAt;
  }
  const uid = int(r.userid);
  const authorId = uid > 0 ? (ctx.users.get(uid) ?? null) : ticket.requesterId;
  if (uid > 0 && authorId === null) ctx.summary.fix("reply", "author deleted: kept without an author");
  const { text, html } = htmlContent(r.body);
  return { sourceId: String(r.ID), row: { ticketId: int(r.ticketid), authorId, text, html, createdAt } };
}

export async function importReplies(ctx: ImportContext): Promise<void> {
  await eachBatch(ctx, "ticket_replies", "replies", ctx.batchSize * 2, async (rows) => {
    const planned = rows.map((r) => plan(ctx, r)).filter((p): p is Planned<ReplyRow> => p !== null);
    const ids = await inBatch(ctx, () =>
      reconcile(ctx, "reply", planned, {
        async insert(ps) {
          const ids = await nextIds(ctx.pg, "messages", ps.length);
          await insertRows(ctx.pg, "messages", ["id", "ticket_id", "author_id", "is_internal", "source", "body_text", "body_html", "created_at"],
            ps.map((p, i) => [ids[i], p.row.ticketId, p.row.authorId, false, "WEB", p.row.text, p.row.html, p.row.createdAt]));
          return ids.map(String);
        },
        update: (id, { row: m }) => updateRow(ctx.pg, "messages", id, { ticket_id: m.ticketId, author_id: m.authorId, body_text: m.text, body_html: m.html, created_at: m.createdAt }),
      }),
    );
    for (const [s, t] of ids) ctx.replies.set(Number(s), Number(t));
  });
}
