"use client";
// The view chips with their count badges. The counts are prefetched on the server (tRPC v11
// RSC pattern: prefetch + HydrateClient) and then kept fresh here every 30 s, so badges
// follow new mail without a reload.
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/app/_trpc/client";
import { cn } from "@/app/_lib/cn";

export type QueueView = { key: string; label: string; href: string; active: boolean; color?: string; statusId?: number };
type Counts = { open: number; mine: number; unassigned: number; urgent?: number; byStatus: Record<number, number> };

function countOf(v: QueueView, c: Counts | undefined): number {
  if (!c) return 0;
  if (v.statusId) return c.byStatus[v.statusId] ?? 0;
  if (v.key === "urgent") return c.urgent ?? 0;
  return v.key === "mine" ? c.mine : v.key === "unassigned" ? c.unassigned : c.open;
}

/** The urgent count is capped on the server (queue-counts.ts URGENT_CAP): 1000 reads "999+". */
const shown = (v: QueueView, n: number, locale: string) => (v.key === "urgent" && n >= 1000 ? "999+" : n.toLocaleString(locale));

export function QueueViews({ views, label, locale }: { views: QueueView[]; label: string; locale: string }) {
  const trpc = useTRPC();
  const { data } = useQuery({ ...trpc.ticket.counts.queryOptions(), refetchInterval: 30_000 });
  return (
    <nav aria-label={label} className="-mx-1 overflow-x-auto pb-1">
      <ul className="flex min-w-max gap-1 px-1" data-testid="queue-views">
        {views.map((v) => (
          <li key={v.key}>
            <Link
              href={v.href}
              aria-current={v.active ? "page" : undefined}
              data-testid={`view-${v.key}`}
              className={cn(
                "inline-flex h-8 items-center gap-2 rounded-full border px-3 text-sm whitespace-nowrap transition-colors",
                v.active ? "border-primary-600 bg-primary-600 text-white" : "border-line bg-surface text-ink-muted hover:border-line-strong hover:text-ink",
              )}
            >
              {v.color && <span aria-hidden className="size-2 rounded-full" style={{ backgroundColor: v.color }} />}
              {v.label}
              <span className={cn("rounded-full px-1.5 text-xs tabular-nums", v.active ? "bg-white/20" : "bg-subtle")} data-testid="count">
                {shown(v, countOf(v, data), locale)}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
