// ticket.reply: a public reply by the customer or staff (internal notes are addNote).
// Policy first (no reply after close, ownership), then one transaction through the write step
// the mail ingest shares (add-reply.ts): the message, claimed uploads, status, history, mail.
import { db } from "@/server/db/client";
import type { Actor } from "@/server/domain/actor";
import { isStaff } from "@/server/domain/actor";
import { forbidden } from "@/server/domain/errors";
import { canReply } from "@/server/domain/tickets/policies";
import { loadSettings } from "@/server/services/settings/settings-store";
import { renderMarkdown } from "@/server/services/content/markdown";
import { claimUploads } from "./claim-uploads";
import { addReply } from "./add-reply";
import { lockVisibleTicket } from "./lock-ticket";

export async function replyToTicket(actor: Actor, input: { ticketId: number; body: string; attachmentIds?: string[] }) {
  const settings = await loadSettings("tickets");
  const byStaff = isStaff(actor);
  return db().$transaction(async (tx) => {
    const { t, facts } = await lockVisibleTicket(tx, actor, input.ticketId, settings);
    const d = canReply(actor, facts, settings);
    if (!d.ok) throw forbidden(d.reason);

    const authorId = actor.kind === "user" || actor.kind === "guest" ? actor.userId : null;
    const m = await addReply(tx, {
      ticket: t, actor, byStaff, settings,
      message: { authorId, bodyText: input.body, bodyHtml: renderMarkdown(input.body), source: actor.kind === "user" && actor.via === "token" ? "API" : "WEB" },
      attach: (messageId) => claimUploads(tx, actor, input.attachmentIds ?? [], { ticketId: t.id, messageId }, settings),
    });
    return { id: m.messageId };
  });
}
