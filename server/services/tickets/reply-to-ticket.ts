// ticket.reply: a public reply by the customer or staff (internal notes are addNote).
// Policy first (no reply after close, ownership), then one transaction through the write step
// the mail ingest shares (add-reply.ts): the message, claimed uploads, status, history, mail.
import { db } from "@/server/db/client";
import type { Actor } from "@/server/domain/actor";
import { isStaff } from "@/server/domain/actor";
import { DomainError, forbidden } from "@/server/domain/errors";
import { canReply } from "@/server/domain/tickets/policies";
import { loadSettings } from "@/server/platform/settings/settings-store";
import { renderMarkdown } from "@/server/services/content/markdown";
import { claimUploads } from "./claim-uploads";
import { addReply } from "./add-reply";
import { lockVisibleTicket } from "./lock-ticket";

/**
 * `version` (issue 16.5): the ticket version the reply was written against. When the ticket has
 * changed since (a new message, a status change), nothing is written and the answer is CONFLICT
 * TICKET_CHANGED with the current version in `details`, so the UI can ask "send anyway?" and
 * send again with it. Optional for API callers (no check without it); our UI always sends it.
 */
export async function replyToTicket(actor: Actor, input: { ticketId: number; body: string; attachmentIds?: string[]; version?: number }) {
  const settings = await loadSettings("tickets");
  const byStaff = isStaff(actor);
  return db().$transaction(async (tx) => {
    const { t, facts } = await lockVisibleTicket(tx, actor, input.ticketId, settings);
    const d = canReply(actor, facts, settings);
    if (!d.ok) throw forbidden(d.reason);
    if (input.version !== undefined && input.version !== t.version) {
      throw new DomainError("CONFLICT", "TICKET_CHANGED", "TICKET_CHANGED", { version: t.version });
    }

    const authorId = actor.kind === "user" || actor.kind === "guest" ? actor.userId : null;
    const m = await addReply(tx, {
      ticket: t, actor, byStaff, settings,
      message: { authorId, bodyText: input.body, bodyHtml: renderMarkdown(input.body), source: actor.kind === "user" && actor.via === "token" ? "API" : "WEB" },
      attach: (messageId) => claimUploads(tx, actor, input.attachmentIds ?? [], { ticketId: t.id, messageId }, settings),
    });
    return { id: m.messageId, version: t.version + 1 }; // addReply bumped it once, under our row lock
  });
}
