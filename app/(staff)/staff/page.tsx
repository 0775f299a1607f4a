import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Inbox, ChevronRight, RotateCcw, Plus } from "lucide-react";
import { PageHeader } from "@/app/_components/ui/page-header";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { Button } from "@/app/_components/ui/button";
import { localName } from "@/app/_components/status-badge";
import { caller, trpc, getQueryClient, HydrateClient } from "@/app/_trpc/server";
import { requireStaff } from "@/app/_lib/require";
import { parseQueueParams, queueHref, type QueueParams } from "./_queue/queue-params";
import { toListInput } from "./_queue/list-input";
import { FilterBar } from "./_queue/filter-bar";
import { QueueTable } from "./_queue/queue-table";
import { QueueViews, type QueueView } from "./_queue/queue-views";
import { TicketFieldFilters } from "./_queue/ticket-field-filters";
import { QueueCsvButton } from "./_queue/queue-csv-button";
import { pickerCategories } from "@/app/_lib/category-options";
import { SavedViews } from "./_queue/saved-views";
import { LiveQueue } from "./_live/live-queue";
import { liveMode } from "@/server/live/live-mode";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff.queue"))("title") };
}

const PAGE = 50;

export default async function QueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireStaff("/staff");
  const params = parseQueueParams(await searchParams);
  const [t, locale, format, api] = [await getTranslations("staff.queue"), await getLocale(), await getFormatter(), await caller()];
  const [page, , statuses, categories, agents, priorities, fields] = await Promise.all([
    api.ticket.list(toListInput(params, PAGE)),
    getQueryClient().prefetchQuery(trpc.ticket.counts.queryOptions()),
    api.status.list(),
    api.category.list(),
    api.user.assignable(),
    api.meta.priorities(),
    api.customField.list(),
  ]);
  const activeFields = fields.filter((f) => !f.archived);
  const statusOpts = statuses.map((s) => ({ id: s.id, label: localName(s.name, locale) }));
  const categoryOpts = pickerCategories(categories);
  const agentOpts = agents.map((a) => ({ id: a.id, label: a.name }));
  const now = new Date();
  const times = Object.fromEntries(page.items.map((i) => [i.id, { relative: format.relativeTime(i.lastActivityAt, now), full: format.dateTime(i.lastActivityAt, { dateStyle: "medium", timeStyle: "short" }) }]));
  const filtered = Boolean(params.q || params.category || params.requester || params.from || params.to || params.assignee !== "any" || params.status !== "open" || params.priority || params.fv || params.sort);
  const urgent = priorities.find((p) => p.isUrgent);

  const views: QueueView[] = [
    { key: "open", label: t("allOpen"), href: queueHref({ status: "open", assignee: "any" }), active: !filtered },
    { key: "mine", label: t("mine"), href: queueHref({ status: "open", assignee: "me" }), active: isOnly(params, "open", "me") },
    { key: "unassigned", label: t("unassigned"), href: queueHref({ status: "open", assignee: "unassigned" }), active: isOnly(params, "open", "unassigned") },
    ...(urgent ? [{ key: "urgent", label: localName(urgent.name, locale), href: queueHref({ status: "open", assignee: "any", priority: urgent.id }), active: isOnly(params, "open", "any", urgent.id), color: urgent.color }] : []),
    ...statuses.map((s) => ({ key: `s${s.id}`, statusId: s.id, label: localName(s.name, locale), href: queueHref({ status: s.id, assignee: "any" }), active: isOnly(params, s.id, "any"), color: s.color })),
  ];

  return (
    <div className="space-y-4">
      <PageHeader
        title={t("title")}
        description={t("description")}
        className="mb-2"
        actions={<Button asChild><Link href="/staff/tickets/new" data-testid="staff-new-ticket"><Plus className="size-4" aria-hidden /> {(await getTranslations("ticket-actions.new"))("button")}</Link></Button>}
      />
      <HydrateClient>
        <QueueViews views={views} label={t("views")} locale={locale} />
        <SavedViews params={withoutCursor(params)} locale={locale} />
        <LiveQueue mode={liveMode()} />
      </HydrateClient>
      <FilterBar
        params={params}
        statuses={statusOpts}
        categories={categoryOpts}
        agents={agentOpts}
        filtered={filtered}
        labels={{
          search: t("search"), searchPlaceholder: t("searchPlaceholder"), status: t("status"), allOpen: t("allOpen"), all: t("all"), category: t("category"), anyCategory: t("anyCategory"),
          assignee: t("assignee"), anyone: t("anyone"), me: t("me"), unassigned: t("unassigned"), requester: t("requester"), requesterPlaceholder: t("requesterPlaceholder"),
          from: t("from"), to: t("to"), apply: t("apply"), reset: t("reset"), filters: t("filters"),
        }}
      >
        <TicketFieldFilters params={params} priorities={[...priorities].reverse().map((p) => ({ id: p.id, label: localName(p.name, locale) }))} fields={activeFields} />
      </FilterBar>
      <div className="flex justify-end"><QueueCsvButton input={toListInput(params, PAGE)} /></div>
      {page.items.length === 0 ? (
        <EmptyState bordered icon={<Inbox />} title={t("empty")} description={filtered ? t("emptyHint") : undefined} />
      ) : (
        <QueueTable items={page.items} times={times} statuses={statusOpts} categories={categoryOpts} agents={agentOpts} column={activeFields.find((f) => f.id === params.col)} />
      )}
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="hidden text-xs text-ink-subtle sm:block">{t("shortcuts")}</p>
        <div className="flex gap-2 sm:ml-auto">
          {params.cursor && (
            <Button asChild variant="ghost"><Link href={queueHref(params)}><RotateCcw className="size-4" aria-hidden /> {t("first")}</Link></Button>
          )}
          {page.nextCursor && (
            <Button asChild variant="outline"><Link href={queueHref(params, { cursor: page.nextCursor })} data-testid="queue-more">{t("more")} <ChevronRight className="size-4" aria-hidden /></Link></Button>
          )}
        </div>
      </div>
    </div>
  );
}

function isOnly(p: QueueParams, status: QueueParams["status"], assignee: QueueParams["assignee"], priority?: number) {
  return p.status === status && p.assignee === assignee && !p.q && !p.category && !p.requester && !p.from && !p.to && p.priority === priority && !p.fv;
}

function withoutCursor({ cursor: _, ...rest }: QueueParams) {
  return rest;
}
