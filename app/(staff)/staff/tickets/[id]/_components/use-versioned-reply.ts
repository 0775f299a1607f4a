"use client";
// Issue 16.5 on the composer: the version a reply is WRITTEN AGAINST is the page's version when
// the draft was started, not the latest one — live updates refresh the page (and its version)
// under a half-written reply, and the agent has not necessarily read what arrived. A reply sent
// with that version answers CONFLICT TICKET_CHANGED when the ticket moved on; the composer then
// asks "send anyway?" and resends with the version the server named. Also sends typing pings.
import { useRef, useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/app/_trpc/client";
import { errorInfo } from "@/app/_lib/trpc-error";
import { useTicketVersion } from "./version-context";

const PING_EVERY_MS = 3_000; // TYPING_MIN_INTERVAL_MS of server/domain/live/ticket-event.ts

export type ReplyInput = { ticketId: number; body: string; attachmentIds?: string[]; version?: number };

export function useVersionedReply(ticketId: number) {
  const trpc = useTRPC();
  const { version } = useTicketVersion();
  const basis = useRef<number | null>(null);
  const lastPing = useRef(0);
  const [conflict, setConflict] = useState<ReplyInput | null>(null);
  const ping = useMutation(trpc.live.typing.mutationOptions());

  return {
    /** a keystroke in the composer: remember the version of a new draft, tell others we type */
    edited(value: string, isReply: boolean) {
      if (isReply) basis.current = value ? (basis.current ?? version) : null;
      if (value && Date.now() - lastPing.current > PING_EVERY_MS) {
        lastPing.current = Date.now();
        ping.mutate({ ticketId });
      }
    },
    versionFor: () => basis.current ?? version,
    sent() { basis.current = null; setConflict(null); },
    /** true when the error was the version conflict: the dialog takes over */
    caught(e: unknown, input: ReplyInput): boolean {
      if (errorInfo(e).reason !== "TICKET_CHANGED") return false;
      const current = (e as { data?: { details?: { version?: number } | null } }).data?.details?.version;
      setConflict({ ...input, version: typeof current === "number" ? current : version });
      return true;
    },
    conflict,
    dismiss: () => setConflict(null),
  };
}
