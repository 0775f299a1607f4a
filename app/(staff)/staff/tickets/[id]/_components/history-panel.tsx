// The ticket's history (audit_events): who did what and when, newest last.
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/app/_components/ui/badge";
import { localName } from "@/app/_components/status-badge";

type Text = { from: string; to: string };
type FieldChange = { name: { ru: string; en: string }; ru: Text; en: Text };
type Event = { id: number; type: string; actor: { id: number; name: string } | null; createdAt: Date; from: { ru: string; en: string; color?: string } | null; to: { ru: string; en: string; color?: string } | null; closeNote: string | null; auto: boolean;
  fields?: FieldChange[];
  /** issue 15: Cc addresses, the merged ticket, the original text of an edited or deleted reply */
  emails?: string[] | null; ticketRef?: number | null; original?: string | null };

export async function HistoryPanel({ events }: { events: Event[] }) {
  const [t, ta, format, locale] = [await getTranslations("staff.ticket"), await getTranslations("ticket-actions"), await getFormatter(), await getLocale()];
  // message keys cannot contain dots: "ticket.assigned" → events.ticket_assigned
  const label = (type: string) => {
    const key = `events.${type.replace(/\./g, "_")}`;
    if (t.has(key as never)) return t(key as never);
    return ta.has(key as never) ? ta(key as never) : t("events.other");
  };
  if (events.length === 0) return <p className="text-sm text-ink-subtle">{t("historyEmpty")}</p>;
  return (
    <ol className="relative space-y-3 border-l border-line pl-4" data-testid="history">
      {events.map((e) => (
        <li key={e.id} className="relative text-sm" data-testid="history-event" data-type={e.type}>
          <span aria-hidden className="absolute top-1.5 -left-[1.3rem] size-2 rounded-full bg-line-strong ring-4 ring-surface" />
          <div className="text-ink">
            <span className="font-medium">{e.actor?.name ?? t("system")}</span>{" "}
            <span className="text-ink-muted">{label(e.type)}</span>
            {e.auto && <span className="text-ink-subtle"> ({t("autoChange")})</span>}
          </div>
          {(e.from || e.to) && (
            <div className="mt-1 flex flex-wrap items-center gap-1">
              {e.from && <Badge color={e.from.color ?? null} className="line-through decoration-ink-subtle/50">{localName(e.from, locale)}</Badge>}
              {e.from && e.to && <span aria-hidden className="text-ink-subtle">→</span>}
              {e.to ? <Badge color={e.to.color ?? null}>{localName(e.to, locale)}</Badge> : <Badge>{t("nobody")}</Badge>}
            </div>
          )}
          {e.fields && e.fields.length > 0 && (
            <ul className="mt-1 space-y-0.5 text-xs" data-testid="history-fields">
              {e.fields.map((f, i) => {
                const v = locale === "en" ? f.en : f.ru;
                return <li key={i}><span className="text-ink-muted">{localName(f.name, locale)}:</span> <span className="line-through decoration-ink-subtle/50">{v.from || "—"}</span> → <span className="text-ink">{v.to || "—"}</span></li>;
              })}
            </ul>
          )}
          {e.emails && e.emails.length > 0 && <p className="mt-0.5 break-all text-xs text-ink-muted">{e.emails.join(", ")}</p>}
          {e.ticketRef && <a className="mt-0.5 block text-xs text-primary-700 hover:underline" href={`/staff/tickets/${e.ticketRef}`}>#{e.ticketRef}</a>}
          {e.original !== null && e.original !== undefined && (
            <details className="mt-1 text-xs" data-testid="history-original">
              <summary className="cursor-pointer text-ink-muted">{ta("edit.original")}</summary>
              <p className="mt-1 rounded-md bg-subtle px-2 py-1 whitespace-pre-wrap text-ink-muted">{e.original}</p>
            </details>
          )}
          {e.closeNote && <p className="mt-1 rounded-md bg-warning-50 px-2 py-1 text-xs whitespace-pre-wrap text-warning-800">{e.closeNote}</p>}
          <time className="text-xs text-ink-subtle" dateTime={e.createdAt.toISOString()}>{format.dateTime(e.createdAt, { dateStyle: "medium", timeStyle: "short" })}</time>
        </li>
      ))}
    </ol>
  );
}
