// Auto-close: tickets in the configured "waiting for customer" status with no customer message
// for `autoCloseDays` days move to the default closed status, with history and the customer's
// closing mail. Off when autoCloseDays = 0 or autoCloseStatusId = "none". Safe to run in
// parallel: each ticket is locked and re-checked (SKIP LOCKED picks the batch).
import { db } from "@/server/db/client";
import { system } from "@/server/domain/actor";
import { loadSettings } from "@/server/services/settings/settings-store";
import { applyStatus } from "./set-status";

export type AutoCloseResult = { enabled: boolean; closed: number; ticketIds: number[] };

export async function runAutoClose(opts: { now?: Date; batch?: number } = {}): Promise<AutoCloseResult> {
  const s = await loadSettings("tickets");
  if (!s.autoCloseDays || s.autoCloseStatusId === "none") return { enabled: false, closed: 0, ticketIds: [] };
  const waitingId = s.autoCloseStatusId;
  // the seeded "closed" status, else the first closed one
  const seeded = await db().status.findUnique({ where: { key: "closed" } });
  const closedStatus = seeded?.isClosed ? seeded : await db().status.findFirst({ where: { isClosed: true }, orderBy: [{ sortOrder: "asc" }, { id: "asc" }] });
  if (!closedStatus) return { enabled: false, closed: 0, ticketIds: [] };
  const cutoff = new Date((opts.now ?? new Date()).getTime() - s.autoCloseDays * 86_400_000);
  const batch = opts.batch ?? 500;
  const ids: number[] = [];
  // small transactions: one batch of locked rows at a time, never the whole table
  for (;;) {
    const done = await db().$transaction(async (tx) => {
      const rows = await tx.$queryRaw<Array<{ id: number }>>`
        SELECT id FROM tickets WHERE status_id = ${waitingId} AND last_customer_at < ${cutoff}
        ORDER BY id LIMIT ${batch} FOR UPDATE SKIP LOCKED`;
      for (const r of rows) {
        const t = await tx.ticket.findUniqueOrThrow({ where: { id: r.id }, include: { status: true } });
        await applyStatus(tx, system, t, closedStatus.id, undefined, { auditType: "ticket.closed_auto" });
        ids.push(r.id);
      }
      return rows.length < batch;
    }, { timeout: 120_000 });
    if (done) break;
  }
  return { enabled: true, closed: ids.length, ticketIds: ids };
}
