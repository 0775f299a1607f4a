"use client";
// The browser side of live updates (issue 16.5): one EventSource on /api/live per mounted page
// component. When the stream cannot be opened (two errors before its first "ready" event: a
// proxy that buffers, a host that cuts long requests) or the server chose "poll", the caller
// gets transport "poll" and refreshes on a timer instead. Events arrive already scoped.
import { useEffect, useRef, useState } from "react";

export type LiveMode = "sse" | "poll";
export type LiveEvent = { t: number; k: "created" | "ticket" | "message" | "typing"; v: number | null; a: number | null; c: number; n?: string };
export type LiveHandlers = { change?: (e: LiveEvent) => void; typing?: (e: LiveEvent) => void; resync?: () => void };

export function useLiveEvents(mode: LiveMode, handlers: LiveHandlers): LiveMode {
  const [transport, setTransport] = useState<LiveMode>(mode);
  const ref = useRef(handlers);
  useEffect(() => { ref.current = handlers; });
  useEffect(() => {
    if (transport !== "sse" || typeof EventSource === "undefined") {
      if (transport === "sse") setTransport("poll");
      return;
    }
    const es = new EventSource("/api/live");
    let ready = false, failures = 0;
    const parse = (m: MessageEvent) => { try { return JSON.parse(m.data as string) as LiveEvent; } catch { return null; } };
    es.addEventListener("ready", () => { if (ready) ref.current.resync?.(); ready = true; failures = 0; });
    es.addEventListener("change", (m) => { const e = parse(m as MessageEvent); if (e) ref.current.change?.(e); });
    es.addEventListener("typing", (m) => { const e = parse(m as MessageEvent); if (e) ref.current.typing?.(e); });
    es.addEventListener("resync", () => ref.current.resync?.());
    es.onerror = () => {
      failures += 1;
      // refused (401/403/429 close the stream) or never got through twice: poll instead
      if (es.readyState === EventSource.CLOSED || (!ready && failures >= 2) || failures >= 5) {
        es.close();
        setTransport("poll");
      }
    };
    return () => es.close();
  }, [transport]);
  return transport;
}
