// The print view of a ticket (issue 15.7), for the customer and for staff: the same document, from
// the same DTO — internal notes and automatic mails are in it only when the DTO carries them (staff).
import "./ticket-print.css";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Lock } from "lucide-react";
import { localName } from "@/app/_components/status-badge";
import type { TicketDetail } from "@/app/_trpc/types";
import { PrintButton } from "./print-button";

export async function TicketPrint({ ticket, staff }: { ticket: TicketDetail; staff: boolean }) {
  const [t, locale, format] = [await getTranslations("ticket-actions.print"), await getLocale(), await getFormatter()];
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const rows: [string, string][] = [
    [t("status"), localName(ticket.status.name, locale)],
    [t("category"), localName(ticket.category.name, locale)],
    [t("requester"), `${ticket.requester.name} <${ticket.requester.email}>`],
    ...(ticket.participants.length ? [[t("cc"), ticket.participants.map((p) => p.email).join(", ")] as [string, string]] : []),
    ...(staff ? [[t("assignee"), ticket.assignee?.name ?? t("nobody")] as [string, string]] : []),
    [t("created"), when(ticket.createdAt)],
    ...(ticket.closedAt ? [[t("closed"), when(ticket.closedAt)] as [string, string]] : []),
    ...(ticket.mergedInto ? [[t("mergedInto"), `#${ticket.mergedInto.id}`] as [string, string]] : []),
  ];
  const messages = [
    { key: "opening", author: ticket.requester.name, at: ticket.createdAt, html: ticket.bodyHtml, internal: false, files: ticket.attachments.map((a) => a.fileName) },
    ...ticket.messages.map((m) => ({ key: `m${m.id}`, author: m.author.name, at: m.createdAt, html: m.bodyHtml, internal: m.isInternal || m.isAutomatic, files: m.attachments.map((a) => a.fileName) })),
  ];
  return (
    <article className="ticket-print mx-auto max-w-3xl space-y-6" data-testid="ticket-print">
      <div className="flex items-center justify-between gap-3 print:hidden">
        <p className="text-sm text-ink-muted">{staff ? t("staffHint") : t("customerHint")}</p>
        <PrintButton label={t("print")} />
      </div>
      <header data-print="keep" className="space-y-1 border-b border-line pb-4">
        <p className="font-mono text-sm text-ink-subtle">{t("number", { number: ticket.number })}</p>
        <h1 className="text-2xl font-semibold text-ink">{ticket.title}</h1>
      </header>
      <dl className="grid grid-cols-[6.5rem_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm sm:grid-cols-[9rem_minmax(0,1fr)]">
        {rows.map(([k, v]) => (
          <div key={k} className="contents"><dt className="text-ink-muted">{k}</dt><dd className="min-w-0 text-ink [overflow-wrap:anywhere]">{v}</dd></div>
        ))}
      </dl>
      <ol className="space-y-4">
        {messages.map((m) => (
          <li key={m.key} className={`print-message rounded-lg border border-line p-4 ${m.internal ? "print-note border-l-4 border-l-warning-500 bg-warning-50" : ""}`} data-testid={m.internal ? "print-note" : "print-message"}>
            <div className="mb-2 flex flex-wrap items-baseline gap-2 text-sm">
              <span className="font-semibold text-ink">{m.author}</span>
              {m.internal && <span className="inline-flex items-center gap-1 text-xs font-medium text-warning-800"><Lock className="size-3" aria-hidden /> {t("internal")}</span>}
              <time className="ml-auto text-ink-subtle" dateTime={m.at.toISOString()}>{when(m.at)}</time>
            </div>
            {/* sanitized on the server before it was stored */}
            <div className="prose-message" dangerouslySetInnerHTML={{ __html: m.html }} />
            {m.files.length > 0 && <p className="mt-2 text-xs text-ink-muted">{t("files")}: {m.files.join(", ")}</p>}
          </li>
        ))}
      </ol>
      <p className="text-xs text-ink-subtle">{t("printedAt", { date: when(new Date()) })}</p>
    </article>
  );
}
