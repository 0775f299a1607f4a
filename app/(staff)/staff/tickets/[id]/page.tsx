import { getLocale, getTranslations } from "next-intl/server";
import { Card, CardContent, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { StatusBadge, localName } from "@/app/_components/status-badge";
import { TicketThread } from "@/app/_components/ticket-thread";
import { ReplyForm } from "@/app/_components/reply-form";
import { requireStaff } from "@/app/_lib/require";
import { loadTicketForPage } from "@/app/_lib/ticket-page";

export default async function StaffTicketPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireStaff(`/staff/tickets/${id}`);
  const ticket = await loadTicketForPage(id);
  const [t, tp, locale] = [await getTranslations("staff.ticket"), await getTranslations("portal.ticket"), await getLocale()];
  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
      <div className="min-w-0 space-y-6">
        <header className="space-y-2">
          <p className="font-mono text-sm text-ink-subtle">{tp("number", { number: ticket.number })}</p>
          <h1 className="text-2xl font-semibold tracking-tight" data-testid="ticket-title">{ticket.title}</h1>
        </header>
        <TicketThread ticket={ticket} />
        <Card>
          <CardContent className="pt-6">
            <ReplyForm ticketId={ticket.id} labels={{ label: t("reply"), placeholder: t("replyPlaceholder"), send: t("send"), sent: t("sent") }} />
          </CardContent>
        </Card>
      </div>
      <aside className="space-y-4">
        <Card>
          <CardHeader><CardTitle as="h2">{t("requester")}</CardTitle></CardHeader>
          <CardContent className="space-y-1 text-sm">
            <div className="font-medium">{ticket.requester.name}</div>
            <div className="text-ink-muted">{ticket.requester.email}</div>
          </CardContent>
        </Card>
        <Card>
          <CardContent className="space-y-3 pt-6 text-sm">
            <div className="flex justify-between gap-2"><span className="text-ink-muted">{tp("status")}</span><StatusBadge status={ticket.status} locale={locale} /></div>
            <div className="flex justify-between gap-2"><span className="text-ink-muted">{tp("category")}</span><span>{localName(ticket.category.name, locale)}</span></div>
          </CardContent>
        </Card>
      </aside>
    </div>
  );
}
