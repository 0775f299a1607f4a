// The live-update event (issue 16.5): what the ticket_events NOTIFY carries (migration 0022) and
// what the SSE route forwards. Parsing is strict — a payload that is not exactly this shape is
// dropped (nothing but our triggers and the typing procedure write to the channel, but a NOTIFY
// is a string anyone with SQL access can send). Pure: no I/O.
import type { Scope } from "../scope";

export const LIVE_CHANNEL = "ticket_events";
export type LiveKind = "created" | "ticket" | "message" | "typing";
const KINDS = new Set<LiveKind>(["created", "ticket", "message", "typing"]);

/** t: ticket id, k: kind, v: ticket version, a: actor user id, c: category (for the scope), n: typist's name */
export type LiveEvent = { t: number; k: LiveKind; v: number | null; a: number | null; c: number; n?: string };

const int = (x: unknown) => (typeof x === "number" && Number.isInteger(x) && x >= 0 ? x : null);

export function parseLiveEvent(payload: string | undefined): LiveEvent | null {
  if (!payload || payload.length > 1000) return null;
  let o: Record<string, unknown>;
  try {
    o = JSON.parse(payload) as Record<string, unknown>;
  } catch {
    return null;
  }
  if (!o || typeof o !== "object") return null;
  const t = int(o.t), c = int(o.c), k = o.k as LiveKind;
  if (!t || c === null || !KINDS.has(k)) return null;
  const e: LiveEvent = { t, k, v: int(o.v), a: int(o.a), c };
  if (k === "typing") {
    if (typeof o.n !== "string" || !e.a) return null;
    e.n = o.n.slice(0, 120);
  }
  return e;
}

/** Whether a listener with this scope may learn of the event: the same rule as every read path. */
export function mayReceive(scope: Scope, e: LiveEvent): boolean {
  return scope.all || scope.categoryIds.includes(e.c);
}

/** One SSE frame; the name field lets EventSource listeners pick typing apart from changes. */
export function sseFrame(e: LiveEvent): string {
  return `event: ${e.k === "typing" ? "typing" : "change"}\ndata: ${JSON.stringify(e)}\n\n`;
}

/** How long "Anna is replying…" stays without a new ping. */
export const TYPING_TTL_MS = 10_000;
/** A typist pings at most this often (the client throttles too; the server enforces it). */
export const TYPING_MIN_INTERVAL_MS = 3_000;
/** SSE connections one user may hold per app instance (tabs); the next one is refused with 429. */
export const MAX_STREAMS_PER_USER = 6;
/** A comment line this often keeps proxies from closing an idle stream. */
export const HEARTBEAT_MS = 20_000;
