// Auto-close: tickets in the configured open "waiting for the customer" status move to the
// closed status `autoCloseDays` after the wait began (entering the status, the last staff reply
// or the customer's last message — server/domain/tickets/auto-close.ts decides), with history
// and the customer's closing mail; `autoCloseReminderDays` before that the customer gets one
// reminder per waiting period. Safe to run in parallel (SKIP LOCKED) and it cannot loop: each
// pass walks the table once by id, so a row it did not change is never selected again.
import { db, type Tx } from "@/server/db/client";
import { system } from "@/server/domain/actor";
import { autoCloseSetup, closeCutoff, daysUntilClose, dueForClose, dueForReminder, type AutoCloseProblem } from "@/server/domain/tickets/auto-close";
import { loadSettings } from "@/server/platform/settings/settings-store";
import { loadEnqueueContext, type EnqueueContext } from "@/server/mail/outbound/enqueue";
import { enqueueAutoCloseReminder } from "@/server/mail/outbound/reminder-mail";
import { applyStatus } from "./set-status";

export type AutoCloseResult = { enabled: boolean; problem?: AutoCloseProblem; closed: number; ticketIds: number[]; reminded: number; remindedIds: number[] };

type Setup = Extract<ReturnType<typeof autoCloseSetup>, { on: true }>;
type Pass = (tx: Tx, ids: number[], setup: Setup, now: Date, ctx: EnqueueContext) => Promise<number[]>;

export async function runAutoClose(opts: { now?: Date; batch?: number } = {}): Promise<AutoCloseResult> {
  const s = await loadSettings("tickets");
  const statuses = await db().status.findMany({ select: { id: true, key: true, isClosed: true, sortOrder: true } });
  const setup = autoCloseSetup(s, statuses);
  if (!setup.on) return { enabled: false, ...(setup.problem ? { problem: setup.problem } : {}), closed: 0, ticketIds: [], reminded: 0, remindedIds: [] };
  const now = opts.now ?? new Date();
  const batch = opts.batch ?? 500;
  const ticketIds = await walk(setup, closeCutoff(now, setup.days), batch, now, closePass);
  const remindedIds = setup.reminderDays > 0 ? await walk(setup, closeCutoff(now, setup.days - setup.reminderDays), batch, now, remindPass) : [];
  return { enabled: true, closed: ticketIds.length, ticketIds, reminded: remindedIds.length, remindedIds };
}

/**
 * One pass over the waiting tickets whose wait began before `cutoff`, in small transactions of
 * `batch` locked rows. The cursor only moves forward: a row the pass leaves alone (locked by
 * another run, or refused by the decider) is behind it and is not read again in this run.
 */
async function walk(setup: Setup, cutoff: Date, batch: number, now: Date, pass: Pass): Promise<number[]> {
  const done: number[] = [];
  let after = 0;
  for (;;) {
    const rows = await db().$transaction(async (tx) => {
      const ids = await tx.$queryRaw<Array<{ id: number }>>`
        SELECT id FROM tickets
        WHERE status_id = ${setup.waitingId} AND id > ${after}
          AND status_changed_at < ${cutoff} AND last_customer_at < ${cutoff}
          AND (last_staff_reply_at IS NULL OR last_staff_reply_at < ${cutoff})
        ORDER BY id LIMIT ${batch} FOR UPDATE SKIP LOCKED`;
      const ctx = ids.length ? await loadEnqueueContext(tx) : null;
      if (ctx) done.push(...(await pass(tx, ids.map((r) => r.id), setup, now, ctx)));
      return ids;
    }, { timeout: 120_000 });
    if (rows.length < batch) return done;
    after = rows[rows.length - 1]!.id;
  }
}

const clockSelect = { id: true, statusId: true, version: true, statusChangedAt: true, lastStaffReplyAt: true, lastCustomerAt: true, autoCloseRemindedAt: true, status: { select: { isClosed: true } } } as const;

const closePass: Pass = async (tx, ids, setup, now) => {
  const closed: number[] = [];
  for (const t of await tx.ticket.findMany({ where: { id: { in: ids } }, select: clockSelect, orderBy: { id: "asc" } })) {
    if (t.statusId !== setup.waitingId || !dueForClose(t, now, setup.days)) continue;
    const r = await applyStatus(tx, system, t, setup.closedId, undefined, { auditType: "ticket.closed_auto" });
    if (r.changed) closed.push(t.id);
  }
  return closed;
};

const remindPass: Pass = async (tx, ids, setup, now, ctx) => {
  const reminded: number[] = [];
  for (const t of await tx.ticket.findMany({ where: { id: { in: ids } }, select: clockSelect, orderBy: { id: "asc" } })) {
    if (t.statusId !== setup.waitingId || !dueForReminder(t, now, setup.days, setup.reminderDays)) continue;
    await tx.ticket.update({ where: { id: t.id }, data: { autoCloseRemindedAt: now } });
    if (await enqueueAutoCloseReminder(tx, t.id, daysUntilClose(t, now, setup.days), ctx)) reminded.push(t.id);
  }
  return reminded;
};
