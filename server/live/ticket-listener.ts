// One LISTEN connection per process (issue 16.5), fanned out in memory to every open SSE stream
// of this instance. Several instances each hold their own connection, so a write on any of them
// (or by the mail ingest, or by SQL) reaches every browser. The connection is opened with the
// first subscriber, closed with the last, and reopened after a drop (events sent while it was
// down are lost: subscribers get a "resync" call so the pages refetch once instead).
import pg from "pg";
import { databaseUrl } from "@/server/db/client";
import { logger } from "@/server/logger";
import { LIVE_CHANNEL, parseLiveEvent, type LiveEvent } from "@/server/domain/live/ticket-event";

export type Subscriber = { event: (e: LiveEvent) => void; resync: () => void };

type State = { subs: Set<Subscriber>; client: pg.Client | null; connecting: Promise<void> | null; retry: NodeJS.Timeout | null };
const g = globalThis as unknown as { __ticketListener?: State };
const state = (): State => (g.__ticketListener ??= { subs: new Set(), client: null, connecting: null, retry: null });

async function connect(s: State): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  client.on("notification", (m) => {
    if (m.channel !== LIVE_CHANNEL) return;
    const e = parseLiveEvent(m.payload);
    if (e) for (const sub of s.subs) sub.event(e);
  });
  client.on("error", (err) => {
    logger.warn("live: LISTEN connection failed", { error: String(err) });
    drop(s, client);
  });
  client.on("end", () => drop(s, client));
  await client.connect();
  await client.query(`LISTEN ${LIVE_CHANNEL}`);
  s.client = client;
}

function drop(s: State, client: pg.Client) {
  if (s.client !== client) return;
  s.client = null;
  client.end().catch(() => {});
  if (s.subs.size === 0 || s.retry) return;
  s.retry = setTimeout(() => {
    s.retry = null;
    void ensure(s).then(() => s.subs.forEach((sub) => sub.resync()));
  }, 1_000);
}

function ensure(s: State): Promise<void> {
  if (s.client || s.subs.size === 0) return Promise.resolve();
  s.connecting ??= connect(s)
    .catch((err) => {
      logger.warn("live: cannot LISTEN", { error: String(err) });
      if (!s.retry && s.subs.size) s.retry = setTimeout(() => { s.retry = null; void ensure(s); }, 2_000);
    })
    .finally(() => { s.connecting = null; });
  return s.connecting;
}

/** Adds a subscriber; resolves once the LISTEN is in place. The returned function unsubscribes. */
export async function subscribe(sub: Subscriber): Promise<() => void> {
  const s = state();
  s.subs.add(sub);
  await ensure(s);
  return () => {
    s.subs.delete(sub);
    if (s.subs.size > 0) return;
    if (s.retry) clearTimeout(s.retry);
    s.retry = null;
    const c = s.client;
    s.client = null;
    c?.end().catch(() => {});
  };
}

/** For tests: how many subscribers this process holds and whether its LISTEN is up. */
export function listenerStats() {
  const s = state();
  return { subscribers: s.subs.size, listening: Boolean(s.client) };
}
