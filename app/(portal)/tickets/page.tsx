import Link from "next/link";
import { redirect } from "next/navigation";
import { getLocale, getTranslations, getFormatter } from "next-intl/server";
import { Inbox, Search, SearchX, Star, X } from "lucide-react";
import { Button } from "@/app/_components/ui/button";
import { Input } from "@/app/_components/ui/input";
import { PageHeader } from "@/app/_components/ui/page-header";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { Card } from "@/app/_components/ui/card";
import { Pagination } from "@/app/_components/ui/pagination";
import { StatusBadge, localName } from "@/app/_components/status-badge";
import { caller } from "@/app/_trpc/server";
import { getActor } from "@/app/_lib/actor";

const PAGE = 20;

// Keyset pages: `after` is the stack of cursors walked so far ("~"-joined), so "Newer" can
// step back without offsets.
function href(q: string | undefined, stack: string[]) {
  const p = new URLSearchParams();
  if (q) p.set("q", q);
  if (stack.length) p.set("after", stack.join("~"));
  const s = p.toString();
  return s ? `/tickets?${s}` : "/tickets";
}

export default async function MyTicketsPage({ searchParams }: { searchParams: Promise<{ q?: string; after?: string }> }) {
  const actor = await getActor();
  if (actor.kind === "guest") redirect(`/tickets/${actor.ticketId}`);
  if (actor.kind !== "user") redirect("/sign-in?next=/tickets");
  const sp = await searchParams;
  const q = sp.q?.trim().slice(0, 200) || undefined;
  const stack = (sp.after ?? "").split("~").filter(Boolean).slice(0, 50);
  const [t, tn, ta, locale, format] = [await getTranslations("portal.list"), await getTranslations("common.nav"), await getTranslations("common.actions"), await getLocale(), await getFormatter()];
  const page = await (await caller()).ticket.list({ limit: PAGE, search: q, cursor: stack[stack.length - 1] ?? null });
  const isStaff = actor.role !== "CUSTOMER";
  const first = !stack.length;
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} actions={<Button asChild><Link href="/tickets/new">{tn("newTicket")}</Link></Button>} />
      {!isStaff && (
        <form className="flex max-w-lg gap-2" role="search" action="/tickets">
          <div className="relative flex-1">
            <Search className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-ink-subtle" aria-hidden />
            <Input name="q" defaultValue={q} placeholder={t("searchPlaceholder")} aria-label={t("searchPlaceholder")} className="pl-9" data-testid="ticket-search" />
          </div>
          <Button type="submit" variant="outline">{ta("search")}</Button>
          {q && (
            <Button asChild variant="ghost" size="icon" aria-label={t("clear")}><Link href="/tickets"><X aria-hidden /></Link></Button>
          )}
        </form>
      )}
      {q && <p className="text-sm text-ink-muted">{t("searchResults", { q })}</p>}
      {page.items.length === 0 ? (
        q ? (
          <EmptyState bordered icon={<SearchX />} title={t("noResults")} action={<Button asChild variant="outline"><Link href="/tickets">{t("clear")}</Link></Button>} />
        ) : (
          <EmptyState bordered icon={<Inbox />} title={t("empty")} action={<Button asChild variant="outline"><Link href="/tickets/new">{t("emptyAction")}</Link></Button>} />
        )
      ) : (
        <Card className="overflow-hidden p-0" data-testid="ticket-list">
          <div className="hidden grid-cols-[5rem_1fr_10rem_9rem] gap-4 border-b border-line bg-subtle/60 px-4 py-2 text-xs font-medium tracking-wide text-ink-subtle uppercase sm:grid">
            <span>{t("number")}</span>
            <span>{t("subject")}</span>
            <span>{t("status")}</span>
            <span className="text-right">{t("updated")}</span>
          </div>
          <ul className="divide-y divide-line">
            {page.items.map((tk) => (
              <li key={tk.id}>
                <Link href={`/tickets/${tk.id}`} className="grid grid-cols-[1fr_auto] gap-x-3 gap-y-1 px-4 py-3 transition-colors hover:bg-subtle sm:grid-cols-[5rem_1fr_10rem_9rem] sm:items-center sm:gap-4" data-testid="ticket-row">
                  <span className="order-3 font-mono text-sm text-ink-subtle sm:order-none">#{tk.number}</span>
                  <span className="col-span-2 min-w-0 sm:col-span-1">
                    <span className="block truncate font-medium text-ink">{tk.title}</span>
                    <span className="flex items-center gap-2 text-xs text-ink-subtle">
                      {localName(tk.category.name, locale)}
                      {tk.rating != null && (
                        <span className="inline-flex items-center gap-0.5"><Star className="size-3 fill-warning-400 text-warning-500" aria-hidden />{t("rated", { rating: tk.rating })}</span>
                      )}
                    </span>
                  </span>
                  <span className="order-4 justify-self-end sm:order-none sm:justify-self-start"><StatusBadge status={tk.status} locale={locale} /></span>
                  <span className="order-5 col-span-2 text-xs text-ink-muted sm:order-none sm:col-span-1 sm:text-right sm:text-sm">{format.relativeTime(tk.lastActivityAt)}</span>
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      )}
      {(!first || page.nextCursor) && (
        <Pagination
          label={t("pagination")}
          prevLabel={t("prev")}
          nextLabel={t("next")}
          status={t("page", { page: stack.length + 1 })}
          prevHref={first ? null : href(q, stack.slice(0, -1))}
          nextHref={page.nextCursor ? href(q, [...stack, page.nextCursor]) : null}
        />
      )}
    </div>
  );
}
