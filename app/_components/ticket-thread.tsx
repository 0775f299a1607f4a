// The conversation of a ticket: the opening message, then replies. Internal notes and
// automatic mails come only in the staff DTO and are styled apart.
import { getFormatter, getTranslations } from "next-intl/server";
import { Lock, Mail, Bot, Paperclip, FileDown } from "lucide-react";
import { Avatar } from "@/app/_components/ui/avatar";
import { Badge } from "@/app/_components/ui/badge";
import { cn } from "@/app/_lib/cn";
import type { TicketDetail } from "@/server/services/tickets/ticket-dto";

type Msg = { key: string; author: string; isStaff: boolean; isInternal: boolean; isAutomatic: boolean; source: string; html: string; at: Date; attachments: TicketDetail["attachments"]; rawMailId: number | null };

export async function TicketThread({ ticket }: { ticket: TicketDetail }) {
  const t = await getTranslations("staff.ticket");
  const tc = await getTranslations("common.source");
  const format = await getFormatter();
  const msgs: Msg[] = [
    { key: "opening", author: ticket.requester.name, isStaff: false, isInternal: false, isAutomatic: false, source: ticket.source, html: ticket.bodyHtml, at: ticket.createdAt, attachments: ticket.attachments, rawMailId: ticket.openingRawMailId },
    ...ticket.messages.map((m) => ({ key: `m${m.id}`, author: m.author.name, isStaff: m.author.isStaff, isInternal: m.isInternal, isAutomatic: m.isAutomatic, source: m.source, html: m.bodyHtml, at: m.createdAt, attachments: m.attachments, rawMailId: m.rawMailId })),
  ];
  return (
    <ol className="space-y-4" data-testid="thread">
      {msgs.map((m) => (
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
            <time className="ml-auto text-ink-subtle" dateTime={m.at.toISOString()}>{format.dateTime(m.at, { dateStyle: "medium", timeStyle: "short" })}</time>
          </header>
          {/* sanitized on the server with sanitize-html before it was stored */}
          <div className="prose-message" dangerouslySetInnerHTML={{ __html: m.html }} />
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
