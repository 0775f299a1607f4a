// Auto-close, decided in one place: whether its settings make sense, from which moment a
// waiting ticket's days count, and whether a ticket is due for the reminder or for closing.
// The job (server/services/tickets/auto-close.ts) pre-selects with SQL and asks these
// functions again for every locked row; the settings store refuses what `autoCloseSetup` refuses.
import type { TicketSettings } from "@/server/domain/settings/schema";

const DAY = 86_400_000;

export type AutoCloseStatus = { id: number; key: string | null; isClosed: boolean; sortOrder: number };

export type AutoCloseProblem = "WAITING_STATUS_MISSING" | "WAITING_STATUS_CLOSED" | "NO_CLOSED_STATUS" | "REMINDER_TOO_LATE";

export type AutoCloseSetup =
  | { on: false; problem?: AutoCloseProblem }
  | { on: true; waitingId: number; closedId: number; days: number; reminderDays: number };

type Settings = Pick<TicketSettings, "autoCloseDays" | "autoCloseStatusId" | "autoCloseReminderDays">;

/**
 * The waiting status must be an open one (closing moves tickets out of it: a closed "waiting"
 * status would select the same rows for ever); the reminder must come before the closing day.
 */
export function autoCloseSetup(s: Settings, statuses: AutoCloseStatus[]): AutoCloseSetup {
  if (!s.autoCloseDays || s.autoCloseStatusId === "none") return { on: false };
  const waiting = statuses.find((x) => x.id === s.autoCloseStatusId);
  if (!waiting) return { on: false, problem: "WAITING_STATUS_MISSING" };
  if (waiting.isClosed) return { on: false, problem: "WAITING_STATUS_CLOSED" };
  if (s.autoCloseReminderDays >= s.autoCloseDays) return { on: false, problem: "REMINDER_TOO_LATE" };
  const closed = statuses.find((x) => x.key === "closed" && x.isClosed) ?? [...statuses].filter((x) => x.isClosed).sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id)[0];
  if (!closed) return { on: false, problem: "NO_CLOSED_STATUS" };
  return { on: true, waitingId: waiting.id, closedId: closed.id, days: s.autoCloseDays, reminderDays: s.autoCloseReminderDays };
}

export type WaitingClock = { statusChangedAt: Date; lastStaffReplyAt: Date | null; lastCustomerAt: Date };

/**
 * The moment the wait began: the latest of entering the status, the last staff reply and the
 * customer's last message (a customer who writes while waiting is not ignored). Never the
 * customer's message alone: an agent who answers late must not see the ticket close at once.
 */
export function waitingSince(c: WaitingClock): Date {
  const t = Math.max(c.statusChangedAt.getTime(), c.lastStaffReplyAt?.getTime() ?? 0, c.lastCustomerAt.getTime());
  return new Date(t);
}

/** The cut-off for SQL pre-selection: a ticket whose wait began before it is due. */
export const closeCutoff = (now: Date, days: number) => new Date(now.getTime() - days * DAY);

export function dueForClose(c: WaitingClock, now: Date, days: number): boolean {
  return waitingSince(c) < closeCutoff(now, days);
}

/** Due for the reminder: `reminderDays` before closing, once per waiting period, and not yet due to close. */
export function dueForReminder(c: WaitingClock & { autoCloseRemindedAt: Date | null }, now: Date, days: number, reminderDays: number): boolean {
  if (reminderDays <= 0 || dueForClose(c, now, days)) return false;
  const since = waitingSince(c);
  if (c.autoCloseRemindedAt && c.autoCloseRemindedAt >= since) return false;
  return since < closeCutoff(now, days - reminderDays);
}

/** Whole days left until the ticket closes (for the reminder mail), at least 1. */
export function daysUntilClose(c: WaitingClock, now: Date, days: number): number {
  const left = waitingSince(c).getTime() + days * DAY - now.getTime();
  return Math.max(1, Math.ceil(left / DAY));
}
