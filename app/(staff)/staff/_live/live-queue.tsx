"use client";
// Keeps the queue page current (issue 16.5): a change to any ticket the agent may see refreshes
// the list (server components) and the badges (TanStack Query), at most once per second and a
// half; on the polling fallback every 20 s. Typing pings are for the ticket page only.
import { useEffect, useRef } from "react";
import { useRouter } from "next/navigation";
import { useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/app/_trpc/client";
import { useLiveEvents, type LiveMode } from "./use-live-events";

const DEBOUNCE_MS = 1_500;
const POLL_MS = 20_000;

export function LiveQueue({ mode }: { mode: LiveMode }) {
  const router = useRouter();
  const qc = useQueryClient();
  const trpc = useTRPC();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const refresh = () => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      void qc.invalidateQueries({ queryKey: trpc.ticket.counts.queryKey() });
      void qc.invalidateQueries({ queryKey: trpc.view.counts.queryKey() });
      router.refresh();
    }, DEBOUNCE_MS);
  };
  const transport = useLiveEvents(mode, { change: refresh, resync: refresh });
  useEffect(() => {
    if (transport !== "poll") return;
    const id = setInterval(refresh, POLL_MS);
    return () => clearInterval(id);
  });
  useEffect(() => () => { if (timer.current) clearTimeout(timer.current); }, []);
  return <span hidden data-testid="live-queue" data-transport={transport} />;
}
