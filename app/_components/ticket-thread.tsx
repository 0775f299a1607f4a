// The conversation of a ticket: the opening message, then replies. Internal notes and
// automatic mails come only in the staff DTO and are styled apart.
import { getFormatter, getTranslations } from "next-intl/server";
import { Lock, Mail, Bot, Paperclip, FileDown } from "lucide-react";
import { Avatar } from "@/app/_components/ui/avatar";
import { Badge } from "@/app/_components/ui/badge";
import { cn } from "@/app/_lib/cn";
import type { TicketDetail } from "@/app/_trpc/types";
import { splitSignature } from "@/server/domain/mail/reply-signature";
import { textToHtml } from "@/server/platform/sanitize";
import { MessageActions } from "./message-actions";

type Msg = {
  key: string; author: string; isStaff: boolean; isInternal: boolean; isAutomatic: boolean; source: string; html: string; text: string; at: Date;
  attachments: TicketDetail["attachments"]; rawMailId: number | null;
  /** staff only, mail-born messages: the whole mail text before the reply was cut out */
  fullText: string | null;
  /** issue 15.8: the message's id when its author may still edit or delete it; when it was edited */
  editableId?: number | null; editedAt?: Date | null;
};

/**
 * A plain-text mail's signature ("-- ", "Sent from my iPhone") is kept in the stored text but
 * folded here. Only where the stored HTML was made from the text: an HTML mail is shown as sent.
 */
function foldSignature(m: Msg): { html: string; signatureHtml: string | null } {
  if (m.source !== "EMAIL" || m.html !== textToHtml(m.text)) return { html: m.html, signatureHtml: null };
  const { body, signature } = splitSignature(m.text);
  return signature === null ? { html: m.html, signatureHtml: null } : { html: textToHtml(body), signatureHtml: textToHtml(signature) };
}

export async function TicketThread({ ticket }: { ticket: TicketDetail }) {
  const t = await getTranslations("staff.ticket");
  const ta = await getTranslations("ticket-actions.edit");
  const tc = await getTranslations("common.source");
  const format = await getFormatter();
  const msgs: Msg[] = [
    { key: "opening", author: ticket.requester.name, isStaff: false, isInternal: false, isAutomatic: false, source: ticket.source, html: ticket.bodyHtml, text: ticket.body, at: ticket.createdAt, attachments: ticket.attachments, rawMailId: ticket.openingRawMailId,
      // the opening mail is stored uncut: its text is the whole mail
      fullText: ticket.openingRawMailId ? ticket.body : null },
    ...ticket.messages.map((m) => ({ key: `m${m.id}`, author: m.author.name, isStaff: m.author.isStaff, isInternal: m.isInternal, isAutomatic: m.isAutomatic, source: m.source, html: m.bodyHtml, text: m.bodyText, at: m.createdAt, attachments: m.attachments, rawMailId: m.rawMailId, fullText: m.fullText, editableId: m.canEdit ? m.id : null, editedAt: m.editedAt })),
  ];
  return (
    <ol className="space-y-4" data-testid="thread">
      {msgs.map((m) => ({ m, body: foldSignature(m) })).map(({ m, body }) => (
        <li
          key={m.key}
          data-testid={m.isInternal ? "internal-note" : "message"}
          className={cn(
            "rounded-lg border border-line bg-surface p-4 shadow-xs",
            m.isInternal && "border-warning-200 border-l-4 border-l-warning-500 bg-warning-50",
            m.isAutomatic && "border-dashed opacity-80",
            m.isStaff && !m.isInternal && "border-primary-200",
          )}
        >
          <header className="mb-2 flex flex-wrap items-center gap-2 text-sm">
            <Avatar name={m.author} size="sm" />
            <span className="font-medium text-ink">{m.author}</span>
            {m.isInternal && <Badge variant="warning" className="whitespace-nowrap"><Lock className="mr-0.5 inline size-3 align-[-2px]" aria-hidden /> {t("internal")}</Badge>}
            {m.isAutomatic && <Badge variant="neutral"><Bot className="mr-0.5 inline size-3 align-[-2px]" aria-hidden /> {t("automatic")}</Badge>}
            {m.source === "EMAIL" && <Badge variant="info"><Mail className="mr-0.5 inline size-3 align-[-2px]" aria-hidden /> {tc("EMAIL")}</Badge>}
            {m.rawMailId && (
              <a href={`/api/raw-mail/${m.rawMailId}`} className="inline-flex items-center gap-1 text-xs text-ink-muted hover:text-ink hover:underline" data-testid="raw-mail-link">
                <FileDown className="size-3.5" aria-hidden /> {t("rawMail")}
              </a>
            )}
            {/* time, "(edited)" and the author's buttons wrap together on a phone */}
            <span className="ml-auto inline-flex items-center gap-1.5">
              <time className="text-ink-subtle" dateTime={m.at.toISOString()}>{format.dateTime(m.at, { dateStyle: "medium", timeStyle: "short" })}</time>
              {m.editedAt && <span className="text-xs text-ink-subtle" data-testid="edited" title={format.dateTime(m.editedAt, { dateStyle: "medium", timeStyle: "short" })}>{ta("edited")}</span>}
              {m.editableId && <MessageActions messageId={m.editableId} body={m.text} />}
            </span>
          </header>
          {/* sanitized on the server with sanitize-html before it was stored */}
          <div className="prose-message" dangerouslySetInnerHTML={{ __html: body.html }} />
          {body.signatureHtml !== null && (
            <details className="mt-2 text-sm text-ink-muted" data-testid="signature">
              <summary className="cursor-pointer select-none">{t("signature")}</summary>
              {/* made by textToHtml from the stored text: escaped */}
              <div className="prose-message mt-1" dangerouslySetInnerHTML={{ __html: body.signatureHtml }} />
            </details>
          )}
          {m.fullText !== null && (
            <details className="mt-3 rounded-md border border-line bg-subtle/50 text-sm" data-testid="quoted-text">
              <summary className="cursor-pointer select-none px-3 py-1.5 text-ink-muted hover:text-ink">{t("showQuoted")}</summary>
              <pre className="max-h-96 overflow-auto whitespace-pre-wrap break-words border-t border-line px-3 py-2 font-sans text-ink-muted">{m.fullText}</pre>
            </details>
          )}
          {m.attachments.length > 0 && (
            <ul className="mt-3 flex flex-wrap gap-2">
              {m.attachments.map((a) => (
                <li key={a.id}>
                  <a className="inline-flex items-center gap-1 rounded-md border border-line px-2 py-1 text-sm text-ink hover:bg-subtle" href={`/api/attachments/${a.id}`}>
                    <Paperclip className="size-3.5" aria-hidden /> {a.fileName}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
