// The ticket.list input of a queue view: the saved-view filter (one definition,
// server/domain/views) plus page and sort. Server side only: saved-view.ts builds zod schemas,
// and zod probes `new Function` when a schema is built — in the browser that is a CSP
// violation (script-src without 'unsafe-eval'), so client components import queue-params.ts,
// never this file.
import { viewFilter } from "@/server/domain/views/saved-view";
import type { QueueParams } from "./queue-params";

export function toListInput(p: QueueParams, limit: number) {
  return { limit, cursor: p.cursor, ...viewFilter(p), sort: p.sort };
}
