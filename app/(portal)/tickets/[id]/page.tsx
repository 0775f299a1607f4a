import { redirect } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Alert } from "@/app/_components/ui/alert";
import { Card, CardContent } from "@/app/_components/ui/card";
import { StatusBadge, localName } from "@/app/_components/status-badge";
import { TicketThread } from "@/app/_components/ticket-thread";
import { ReplyForm } from "@/app/_components/reply-form";
import { getActor } from "@/app/_lib/actor";
import { loadTicketForPage } from "@/app/_lib/ticket-page";

export default async function TicketPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await getActor();
  if (actor.kind === "anonymous") redirect(`/sign-in?next=/tickets/${encodeURIComponent(id)}`);
  const ticket = await loadTicketForPage(id);
  const [t, te, locale, format] = [await getTranslations("portal.ticket"), await getTranslations("errors"), await getLocale(), await getFormatter()];
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <header className="space-y-2">
        <p className="font-mono text-sm text-ink-subtle">{t("number", { number: ticket.number })}</p>
        <h1 className="text-2xl font-semibold tracking-tight text-ink" data-testid="ticket-title">{ticket.title}</h1>
        <div className="flex flex-wrap items-center gap-3 text-sm text-ink-muted">
          <StatusBadge status={ticket.status} locale={locale} />
          <span>{localName(ticket.category.name, locale)}</span>
          <span>{t("opened", { date: format.dateTime(ticket.createdAt, { dateStyle: "medium" }) })}</span>
        </div>
      </header>
      <TicketThread ticket={ticket} />
      {ticket.permissions.canReply ? (
        <Card>
          <CardContent className="pt-6">
            <ReplyForm ticketId={ticket.id} labels={{ label: t("reply"), placeholder: t("replyPlaceholder"), send: t("send"), sent: t("sent") }} />
          </CardContent>
        </Card>
      ) : (
        ticket.permissions.replyBlockedReason && (
          <Alert variant="info" data-testid="replies-closed">{te(ticket.permissions.replyBlockedReason)}</Alert>
        )
      )}
    </div>
  );
}
