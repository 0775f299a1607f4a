"use client";
// The bell in the staff header (issue 16 point 3): unread count, the newest notifications, mark
// one / all read, each item links to its ticket. Polls every 30 s while the page is visible.
import Link from "next/link";
import { Bell, Check } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator, DropdownMenuTrigger } from "@/app/_components/ui/dropdown-menu";
import { useTRPC } from "@/app/_trpc/client";
import { cn } from "@/app/_lib/cn";

const EVENTS = ["newTicket", "assigned", "customerReply", "anyReply", "mention"] as const;
type Item = { id: number; ticketId: number; ticketTitle: string; event: string; excerpt: string; actorName: string | null; read: boolean; createdAt: Date };

export function NotificationBell() {
  const t = useTranslations("notifications");
  const trpc = useTRPC();
  const qc = useQueryClient();
  const list = useQuery(trpc.notification.list.queryOptions(undefined, { refetchInterval: 30_000, refetchIntervalInBackground: false }));
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.notification.list.queryKey() });
  const markOne = useMutation(trpc.notification.markRead.mutationOptions({ onSettled: refresh }));
  const markAll = useMutation(trpc.notification.markAllRead.mutationOptions({ onSettled: refresh }));
  const unread = list.data?.unread ?? 0;
  const items = list.data?.items ?? [];
  return (
    <DropdownMenu onOpenChange={(open) => open && void refresh()}>
      <DropdownMenuTrigger
        className="relative inline-flex size-9 items-center justify-center rounded-md text-ink-muted hover:bg-subtle focus-visible:outline-2 focus-visible:outline-primary-500"
        aria-label={`${t("bell.label")}: ${t("bell.unread", { count: unread })}`}
        data-testid="notification-bell"
      >
        <Bell className="size-5" aria-hidden />
        {unread > 0 && (
          <span data-testid="notification-count" className="absolute -top-0.5 -right-0.5 min-w-4.5 rounded-full bg-danger-600 px-1 text-center text-[11px] leading-4.5 font-semibold text-white">
            {unread > 99 ? "99+" : unread}
          </span>
        )}
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-[min(24rem,calc(100vw-1rem))] p-0" data-testid="notification-list">
        <div className="flex items-center justify-between gap-2 border-b border-line px-3 py-2">
          <DropdownMenuLabel className="p-0 text-sm font-semibold text-ink">{t("bell.label")}</DropdownMenuLabel>
          <button type="button" className="text-xs font-medium text-primary-700 hover:underline disabled:text-ink-subtle disabled:no-underline" disabled={unread === 0 || markAll.isPending} onClick={() => markAll.mutate()} data-testid="notification-mark-all">
            {t("bell.markAll")}
          </button>
        </div>
        {items.length === 0 ? (
          <p className="px-3 py-6 text-center text-sm text-ink-muted" data-testid="notification-empty">{t("bell.empty")}</p>
        ) : (
          <ul className="max-h-[60vh] overflow-y-auto py-1">
            {items.map((n) => <BellItem key={n.id} n={n} onRead={() => markOne.mutate({ id: n.id })} />)}
          </ul>
        )}
        <DropdownMenuSeparator className="my-0" />
        <DropdownMenuItem asChild className="m-1 text-xs text-ink-muted">
          <Link href="/account/notifications" data-testid="notification-settings">{t("bell.settings")}</Link>
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

function BellItem({ n, onRead }: { n: Item; onRead: () => void }) {
  const t = useTranslations("notifications");
  const format = useFormatter();
  const event = (EVENTS as readonly string[]).includes(n.event) ? t(`event.${n.event as (typeof EVENTS)[number]}`) : n.event;
  return (
    <li className={cn("group relative flex gap-2 px-1", !n.read && "bg-primary-50/60")} data-testid="notification-item" data-read={n.read ? "1" : "0"}>
      <DropdownMenuItem asChild className="min-w-0 flex-1 items-start">
        <Link href={`/staff/tickets/${n.ticketId}`} onClick={() => !n.read && onRead()}>
          <span className={cn("mt-1.5 size-2 shrink-0 rounded-full", n.read ? "bg-transparent" : "bg-primary-600")} aria-hidden />
          <span className="min-w-0 flex-1">
            <span className="flex items-baseline justify-between gap-2 text-xs text-ink-muted">
              <span className="truncate font-medium text-ink">{event}{n.actorName ? ` · ${n.actorName}` : ""}</span>
              <time dateTime={new Date(n.createdAt).toISOString()} className="shrink-0">{format.relativeTime(new Date(n.createdAt))}</time>
            </span>
            <span className="block truncate text-sm text-ink">{t("bell.ticket", { id: n.ticketId })} · {n.ticketTitle}</span>
            {n.excerpt && <span className="line-clamp-2 text-xs break-words text-ink-muted">{n.excerpt}</span>}
          </span>
        </Link>
      </DropdownMenuItem>
      {!n.read && (
        <button type="button" onClick={onRead} className="my-1 shrink-0 self-start rounded-md p-1.5 text-ink-subtle hover:bg-subtle hover:text-ink" aria-label={t("bell.markOne")} title={t("bell.markOne")} data-testid="notification-mark-one">
          <Check className="size-4" aria-hidden />
        </button>
      )}
    </li>
  );
}
