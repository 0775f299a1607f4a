// The SSE stream of one staff member (issue 16.5): events of the tickets they may see, a
// heartbeat comment, and a bounded number of streams per user and process. The scope is loaded
// when the stream opens and reloaded every minute, so a team change takes effect without a
// reconnect; filtering happens in memory against the event's category (no query per event).
import type { Actor } from "@/server/domain/actor";
import { isStaff } from "@/server/domain/actor";
import { HEARTBEAT_MS, MAX_STREAMS_PER_USER, mayReceive, sseFrame } from "@/server/domain/live/ticket-event";
import type { Scope } from "@/server/domain/scope";
import { loadScope } from "@/server/services/scope/staff-scope";
import { subscribe } from "./ticket-listener";

const SCOPE_REFRESH_MS = 60_000;
const g = globalThis as unknown as { __liveStreams?: Map<number, number> };
const streams = () => (g.__liveStreams ??= new Map());

const json = (status: number, reason: string) =>
  new Response(JSON.stringify({ error: reason }), { status, headers: { "Content-Type": "application/json", "Cache-Control": "no-store" } });

export async function openLiveStream(actor: Actor, signal: AbortSignal): Promise<Response> {
  if (actor.kind === "anonymous") return json(401, "LOGIN_REQUIRED");
  if (!isStaff(actor)) return json(403, "STAFF_ONLY");
  const open = streams().get(actor.userId) ?? 0;
  if (open >= MAX_STREAMS_PER_USER) return json(429, "TOO_MANY_STREAMS");
  streams().set(actor.userId, open + 1);

  let scope: Scope = await loadScope(actor);
  const enc = new TextEncoder();
  let close = () => {};
  const body = new ReadableStream<Uint8Array>({
    async start(ctl) {
      const send = (s: string) => { try { ctl.enqueue(enc.encode(s)); } catch { close(); } };
      const unsubscribe = await subscribe({
        event: (e) => { if (mayReceive(scope, e)) send(sseFrame(e)); },
        resync: () => send("event: resync\ndata: {}\n\n"),
      });
      const beat = setInterval(() => send(": ping\n\n"), HEARTBEAT_MS);
      const refresh = setInterval(() => { loadScope(actor).then((s) => { scope = s; }, () => {}); }, SCOPE_REFRESH_MS);
      let closed = false;
      close = () => {
        if (closed) return;
        closed = true;
        clearInterval(beat);
        clearInterval(refresh);
        unsubscribe();
        const n = (streams().get(actor.userId) ?? 1) - 1;
        if (n > 0) streams().set(actor.userId, n); else streams().delete(actor.userId);
        try { ctl.close(); } catch { /* already closed by the client */ }
      };
      signal.addEventListener("abort", close);
      // the browser retries after 5 s when the stream drops; "ready" tells it the LISTEN is in place
      send(`retry: 5000\nevent: ready\ndata: {"user":${actor.userId}}\n\n`);
    },
    cancel() { close(); },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-store, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
}
