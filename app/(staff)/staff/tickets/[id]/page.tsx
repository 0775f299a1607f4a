import Link from "next/link";
import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ArrowLeft } from "lucide-react";
import { Card, CardContent, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { Badge } from "@/app/_components/ui/badge";
import { StatusBadge, localName } from "@/app/_components/status-badge";
import { TicketThread } from "@/app/_components/ticket-thread";
import { requireStaff } from "@/app/_lib/require";
import { loadTicketForPage } from "@/app/_lib/ticket-page";
import { caller } from "@/app/_trpc/server";
import { isAdmin } from "@/server/domain/actor";
import { TicketVersionProvider } from "./_components/version-context";
import { TicketControls } from "./_components/ticket-controls";
import { StaffComposer } from "./_components/staff-composer";
import { RequesterCard } from "./_components/requester-card";
import { HistoryPanel } from "./_components/history-panel";
import { TicketFieldsSection } from "./_components/ticket-fields-section";
import { pickerCategories } from "@/app/_lib/category-options";
import { CcList } from "@/app/_components/cc-list";
import { MergedBanner } from "@/app/_components/merged-banner";
import { MergeDialog } from "./_components/merge-dialog";
import { Printer } from "lucide-react";
import { LiveTicket } from "../../_live/live-ticket";
import { liveMode } from "@/server/live/live-mode";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return { title: `#${(await params).id}` };
}

export default async function StaffTicketPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireStaff(`/staff/tickets/${id}`);
  const ticket = await loadTicketForPage(id);
  const api = await caller();
  const ta = await getTranslations("ticket-actions");
  const [t, tp, tq, tc, locale, format] = [await getTranslations("staff.ticket"), await getTranslations("portal.ticket"), await getTranslations("staff.queue"), await getTranslations("common.source"), await getLocale(), await getFormatter()];
  const [statuses, categories, agents, canned, history, staffSettings, fieldDefs] = await Promise.all([
    api.status.list(),
    api.category.list(),
    api.user.assignable(),
    api.cannedReply.list(),
    api.ticket.history({ ticketId: ticket.id }),
    api.ticket.staffSettings(),
    api.meta.customFields(),
  ]);
  return (
    <TicketVersionProvider version={ticket.version}>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 space-y-5">
          <header className="space-y-2">
            <Link href="/staff" className="inline-flex items-center gap-1 text-sm text-ink-muted hover:text-ink"><ArrowLeft className="size-4" aria-hidden /> {t("back")}</Link>
            <div className="flex flex-wrap items-center gap-2 text-sm text-ink-subtle">
              <span className="font-mono">{tp("number", { number: ticket.number })}</span>
              <StatusBadge status={ticket.status} locale={locale} />
              <Badge variant="neutral">{tc(ticket.source as never)}</Badge>
            </div>
            <h1 className="text-2xl font-semibold tracking-tight text-balance" data-testid="ticket-title">{ticket.title}</h1>
          </header>
          {ticket.mergedInto && <MergedBanner mergedInto={ticket.mergedInto} href={`/staff/tickets/${ticket.mergedInto.id}`} />}
          <TicketThread ticket={ticket} />
          <LiveTicket ticketId={ticket.id} meId={actor.userId} mode={liveMode()} />
          <StaffComposer
            ticketId={ticket.id}
            canned={canned.map((c) => ({ id: c.id, title: c.title, body: c.body }))}
            values={{ customerName: ticket.requester.name, ticketNumber: ticket.number, agentName: actor.name }}
            uploadLimits={staffSettings.uploads}
          />
        </div>
        <aside className="min-w-0 space-y-4 lg:sticky lg:top-4 lg:self-start">
          <Card>
            <CardHeader><CardTitle as="h2">{t("requester")}</CardTitle></CardHeader>
            <CardContent><RequesterCard ticketId={ticket.id} requester={ticket.requester} canEdit={isAdmin(actor)} /></CardContent>
          </Card>
          <Card>
            <CardHeader><CardTitle as="h2">{ta("cc.title")}</CardTitle></CardHeader>
            <CardContent><CcList ticketId={ticket.id} participants={ticket.participants} canAdd={ticket.actions.canAddCc} canRemove={ticket.actions.canRemoveCc} /></CardContent>
          </Card>
          <Card>
            <CardHeader><CardTitle as="h2">{t("properties")}</CardTitle></CardHeader>
            <CardContent className="space-y-4">
              <TicketControls
                ticketId={ticket.id}
                statusId={ticket.status.id}
                categoryId={ticket.category.id}
                assigneeId={ticket.assignee?.id ?? null}
                meId={actor.userId}
                statuses={statuses.map((s) => ({ id: s.id, label: localName(s.name, locale), isClosed: s.isClosed }))}
                categories={pickerCategories(categories)}
                agents={agents.map((a) => ({ id: a.id, label: a.name }))}
                closeNotesOnClose={staffSettings.closeNotesOnClose}
                fieldDefs={fieldDefs}
                fieldValues={ticket.customFields}
              />
              <dl className="space-y-1 border-t border-line pt-3 text-sm">
                <div className="flex justify-between gap-2"><dt className="text-ink-muted">{t("created")}</dt><dd>{format.dateTime(ticket.createdAt, { dateStyle: "medium", timeStyle: "short" })}</dd></div>
                <div className="flex justify-between gap-2"><dt className="text-ink-muted">{tq("updated")}</dt><dd>{format.relativeTime(ticket.lastActivityAt)}</dd></div>
              </dl>
              <div className="space-y-2 border-t border-line pt-3">
                {ticket.actions.canMerge && <MergeDialog ticketId={ticket.id} title={ticket.title} />}
                <Link href={`/staff/tickets/${ticket.id}/print`} target="_blank" className="inline-flex w-full items-center justify-center gap-2 rounded-md px-3 py-2 text-sm text-ink-muted hover:bg-subtle hover:text-ink" data-testid="print-link"><Printer className="size-4" aria-hidden /> {ta("print.link")}</Link>
              </div>
            </CardContent>
          </Card>
          <TicketFieldsSection ticket={ticket} />
          <Card>
            <CardHeader><CardTitle as="h2">{t("history")}</CardTitle></CardHeader>
            <CardContent className="max-h-[28rem] overflow-y-auto"><HistoryPanel events={history} /></CardContent>
          </Card>
        </aside>
      </div>
    </TicketVersionProvider>
  );
}
