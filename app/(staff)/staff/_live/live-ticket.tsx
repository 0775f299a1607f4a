"use client";
// The ticket page's live part (issue 16.5): refreshes the page when someone else changes this
// ticket (a newer version than the page shows) and shows "Anna is replying…" for typing pings
// younger than TYPING_TTL_MS. Over SSE both come from the stream; on the polling fallback from
// live.ticketState every few seconds.
import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { PenLine } from "lucide-react";
import { useTRPC } from "@/app/_trpc/client";
import { useTicketVersion } from "../tickets/[id]/_components/version-context";
import { useLiveEvents, type LiveEvent, type LiveMode } from "./use-live-events";

const TYPING_TTL_MS = 10_000; // server/domain/live/ticket-event.ts
const POLL_MS = 4_000;
type Typist = { name: string; until: number };

export function LiveTicket({ ticketId, meId, mode }: { ticketId: number; meId: number; mode: LiveMode }) {
  const t = useTranslations("live.ticket");
  const trpc = useTRPC();
  const qc = useQueryClient();
  const router = useRouter();
  const { version } = useTicketVersion();
  const [typists, setTypists] = useState<Map<number, Typist>>(new Map());
  const refresh = () => { void qc.invalidateQueries({ queryKey: trpc.ticket.pathKey() }); router.refresh(); };

  const transport = useLiveEvents(mode, {
    change: (e: LiveEvent) => {
      if (e.t !== ticketId) return;
      if (e.k === "message" && e.a) setTypists((m) => { const n = new Map(m); n.delete(e.a!); return n; });
      if (e.v === null || e.v > version || e.k === "message") refresh();
    },
    typing: (e) => {
      if (e.t !== ticketId || !e.a || e.a === meId) return;
      setTypists((m) => new Map(m).set(e.a!, { name: e.n ?? "", until: Date.now() + TYPING_TTL_MS }));
    },
    resync: refresh,
  });

  const polled = useQuery({ ...trpc.live.ticketState.queryOptions({ ticketId }), enabled: transport === "poll", refetchInterval: POLL_MS });
  useEffect(() => {
    const d = polled.data;
    if (!d) return;
    if (d.version > version) refresh(); // new poll results only (deps below on purpose)
    setTypists(new Map(d.typing.map((x) => [x.userId, { name: x.name, until: Date.now() + POLL_MS + 1_000 }])));
  }, [polled.data]);

  // expire pings that were not renewed
  useEffect(() => {
    if (!typists.size) return;
    const id = setInterval(() => setTypists((m) => {
      const now = Date.now();
      const n = new Map([...m].filter(([, v]) => v.until > now));
      return n.size === m.size ? m : n;
    }), 1_000);
    return () => clearInterval(id);
  }, [typists.size]);

  const names = [...typists.values()].map((v) => v.name).filter(Boolean);
  return (
    <div aria-live="polite" data-testid="live-ticket" data-transport={transport} className="min-h-5">
      {names.length > 0 && (
        <p className="flex items-center gap-1.5 text-sm text-ink-muted" data-testid="typing-notice">
          <PenLine className="size-4 animate-pulse" aria-hidden />
          {names.length === 1 ? t("typing", { names: names[0] }) : t("typingMany", { names: names.join(", ") })}
        </p>
      )}
    </div>
  );
}
