import Link from "next/link";
import { redirect } from "next/navigation";
import { getLocale, getTranslations, getFormatter } from "next-intl/server";
import { Inbox, Search } from "lucide-react";
import { Button } from "@/app/_components/ui/button";
import { Input } from "@/app/_components/ui/input";
import { PageHeader } from "@/app/_components/ui/page-header";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { Card } from "@/app/_components/ui/card";
import { StatusBadge } from "@/app/_components/status-badge";
import { caller } from "@/app/_trpc/server";
import { getActor } from "@/app/_lib/actor";

export default async function MyTicketsPage({ searchParams }: { searchParams: Promise<{ q?: string; cursor?: string }> }) {
  const actor = await getActor();
  if (actor.kind !== "user") redirect("/sign-in?next=/tickets");
  const { q, cursor } = await searchParams;
  const [t, locale, format] = [await getTranslations("portal.list"), await getLocale(), await getFormatter()];
  const page = await (await caller()).ticket.list({ limit: 25, search: q, cursor });
  const isStaff = actor.role !== "CUSTOMER";
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} actions={<Button asChild><Link href="/tickets/new">{(await getTranslations("common.nav"))("newTicket")}</Link></Button>} />
      {!isStaff && (
        <form className="flex max-w-md gap-2" role="search">
          <Input name="q" defaultValue={q} placeholder={t("searchPlaceholder")} aria-label={t("searchPlaceholder")} />
          <Button type="submit" variant="outline" size="icon" aria-label={t("searchPlaceholder")}><Search /></Button>
        </form>
      )}
      {page.items.length === 0 ? (
        <EmptyState bordered icon={<Inbox />} title={t("empty")} action={<Button asChild variant="outline"><Link href="/tickets/new">{t("emptyAction")}</Link></Button>} />
      ) : (
        <Card className="divide-y divide-line overflow-hidden p-0" data-testid="ticket-list">
          {page.items.map((tk) => (
            <Link key={tk.id} href={`/tickets/${tk.id}`} className="flex flex-col gap-1 px-4 py-3 hover:bg-subtle sm:flex-row sm:items-center sm:gap-4" data-testid="ticket-row">
              <span className="w-16 shrink-0 font-mono text-sm text-ink-subtle">#{tk.number}</span>
              <span className="min-w-0 flex-1 truncate font-medium text-ink">{tk.title}</span>
              <StatusBadge status={tk.status} locale={locale} />
              <span className="w-40 shrink-0 text-sm text-ink-muted sm:text-right">{format.relativeTime(tk.lastActivityAt)}</span>
            </Link>
          ))}
        </Card>
      )}
      {page.nextCursor && (
        <div className="flex justify-center">
          <Button asChild variant="outline"><Link href={`/tickets?${new URLSearchParams({ ...(q ? { q } : {}), cursor: page.nextCursor })}`}>{t("more")}</Link></Button>
        </div>
      )}
    </div>
  );
}
