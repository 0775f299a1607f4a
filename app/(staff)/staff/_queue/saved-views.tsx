"use client";
// The pinned saved views (issue 16.4) as chips with count badges beside the built-in views, and
// the "Save view" / "Manage views" buttons. Badges come from view.counts, a separate query from
// the page's data, capped on the server at 1000 ("999+"); live updates invalidate it.
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Users } from "lucide-react";
import { useTRPC } from "@/app/_trpc/client";
import { cn } from "@/app/_lib/cn";
import { queueHref, type QueueParams } from "./queue-params";
import { SaveViewDialog } from "./save-view-dialog";
import { ManageViewsDialog } from "./manage-views-dialog";

const CAP = 1000; // VIEW_COUNT_CAP of server/domain/views/saved-view.ts
type Params = Omit<QueueParams, "cursor">;

/** The same view: every parameter equal, ignoring absent ones. */
function same(a: Params, b: Params) {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as (keyof Params)[]);
  return [...keys].every((k) => (a[k] ?? undefined) === (b[k] ?? undefined));
}

export function SavedViews({ params, locale }: { params: Params; locale: string }) {
  const t = useTranslations("live.views");
  const trpc = useTRPC();
  const list = useQuery(trpc.view.list.queryOptions());
  const counts = useQuery({ ...trpc.view.counts.queryOptions(), refetchInterval: 60_000 });
  const items = list.data?.items ?? [];
  const pinned = items.filter((v) => v.pinned);
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="saved-views">
      {pinned.length > 0 && (
        <nav aria-label={t("title")} className="-mx-1 max-w-full overflow-x-auto pb-1">
          <ul className="flex min-w-max gap-1 px-1">
            {pinned.map((v) => {
              const active = same(params, v.params as Params);
              const n = counts.data?.[v.id];
              return (
                <li key={v.id}>
                  <Link
                    href={queueHref(v.params as QueueParams)}
                    aria-current={active ? "page" : undefined}
                    data-testid={`saved-view-${v.id}`}
                    className={cn(
                      "inline-flex h-8 items-center gap-2 rounded-full border border-dashed px-3 text-sm whitespace-nowrap transition-colors",
                      active ? "border-primary-600 bg-primary-600 text-white" : "border-line-strong bg-surface text-ink-muted hover:text-ink",
                    )}
                  >
                    {!v.mine && <Users className="size-3.5" aria-label={t("sharedBy", { name: v.ownerName })} />}
                    {v.name}
                    <span className={cn("rounded-full px-1.5 text-xs tabular-nums", active ? "bg-white/20" : "bg-subtle")} data-testid="count">
                      {n === undefined ? "…" : n >= CAP ? "999+" : n.toLocaleString(locale)}
                    </span>
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
      )}
      <div className="flex gap-1">
        <SaveViewDialog params={params} teams={list.data?.shareTeams ?? []} />
        <ManageViewsDialog items={items} teams={list.data?.shareTeams ?? []} />
      </div>
    </div>
  );
}
