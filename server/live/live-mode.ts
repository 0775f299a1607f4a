// How the staff pages learn of changes (issue 16.5). "sse" keeps one long-lived request per tab
// open against /api/live; serverless hosts bill and cut those (Vercel ends a function after its
// maximum duration), so "auto" polls there — cheap reads of ticket version + typists on the
// ticket page (live.ticketState) and of the counts on the queue. A browser whose EventSource
// fails before the first event falls back to polling on its own (app/(staff)/staff/_live).
import { env } from "@/server/env";

export type LiveMode = "sse" | "poll";

export function liveMode(): LiveMode {
  const m = env().LIVE_UPDATES;
  if (m !== "auto") return m;
  return env().VERCEL ? "poll" : "sse";
}
