// Table tests of the auto-close decider: which settings turn it on, from when the days count,
// when a ticket gets its reminder and when it closes.
import { describe, it, expect } from "vitest";
import { autoCloseSetup, dueForClose, dueForReminder, daysUntilClose, waitingSince } from "./auto-close";

const statuses = [
  { id: 1, key: "new", isClosed: false, sortOrder: 0 },
  { id: 2, key: "waiting", isClosed: false, sortOrder: 1 },
  { id: 3, key: "closed", isClosed: true, sortOrder: 3 },
  { id: 4, key: null, isClosed: true, sortOrder: 2 },
];
const now = new Date("2026-06-15T12:00:00Z");
const ago = (d: number) => new Date(now.getTime() - d * 86_400_000);

describe("autoCloseSetup", () => {
  it.each([
    [{ autoCloseDays: 0, autoCloseStatusId: 2, autoCloseReminderDays: 0 }, { on: false }],
    [{ autoCloseDays: 7, autoCloseStatusId: "none" as const, autoCloseReminderDays: 0 }, { on: false }],
    [{ autoCloseDays: 7, autoCloseStatusId: 99, autoCloseReminderDays: 0 }, { on: false, problem: "WAITING_STATUS_MISSING" }],
    // the bug of issue 16: a closed status as "waiting" would select the same rows for ever
    [{ autoCloseDays: 7, autoCloseStatusId: 3, autoCloseReminderDays: 0 }, { on: false, problem: "WAITING_STATUS_CLOSED" }],
    [{ autoCloseDays: 7, autoCloseStatusId: 2, autoCloseReminderDays: 7 }, { on: false, problem: "REMINDER_TOO_LATE" }],
    [{ autoCloseDays: 7, autoCloseStatusId: 2, autoCloseReminderDays: 2 }, { on: true, waitingId: 2, closedId: 3, days: 7, reminderDays: 2 }],
  ])("%j → %j", (s, want) => {
    expect(autoCloseSetup(s, statuses)).toEqual(want);
  });

  it("without a seeded 'closed' status takes the first closed one; none at all is a problem", () => {
    const s = { autoCloseDays: 7, autoCloseStatusId: 2, autoCloseReminderDays: 0 };
    expect(autoCloseSetup(s, statuses.filter((x) => x.key !== "closed"))).toMatchObject({ on: true, closedId: 4 });
    expect(autoCloseSetup(s, statuses.filter((x) => !x.isClosed))).toEqual({ on: false, problem: "NO_CLOSED_STATUS" });
  });
});

describe("the waiting clock", () => {
  const clock = (status: number, staff: number | null, customer: number) => ({ statusChangedAt: ago(status), lastStaffReplyAt: staff === null ? null : ago(staff), lastCustomerAt: ago(customer) });

  it.each([
    // entered waiting 8 days ago, nobody wrote since: due after 7 days
    [clock(8, null, 20), true],
    [clock(6, null, 20), false],
    // the case: customer wrote 8 days ago, the agent answered today → not due
    [clock(8, 0.1, 8), false],
    [clock(30, 6.9, 30), false],
    // a customer writing while waiting restarts the wait
    [clock(10, 10, 1), false],
  ])("%j due=%s", (c, due) => {
    expect(dueForClose(c, now, 7)).toBe(due);
  });

  it("waitingSince is the latest of the three moments", () => {
    expect(waitingSince(clock(5, 3, 9))).toEqual(ago(3));
    expect(waitingSince(clock(5, null, 9))).toEqual(ago(5));
  });

  it("reminder: N days before closing, once per waiting period, never once closing is due", () => {
    const c = (since: number, reminded: number | null) => ({ ...clock(since, null, 40), autoCloseRemindedAt: reminded === null ? null : ago(reminded) });
    expect(dueForReminder(c(4, null), now, 7, 2)).toBe(false); // 3 days left
    expect(dueForReminder(c(5.5, null), now, 7, 2)).toBe(true); // 1.5 days left
    expect(dueForReminder(c(5.5, 0.5), now, 7, 2)).toBe(false); // already reminded this period
    expect(dueForReminder(c(5.5, 6), now, 7, 2)).toBe(true); // reminded in an earlier period
    expect(dueForReminder(c(8, null), now, 7, 2)).toBe(false); // closes instead
    expect(dueForReminder(c(5.5, null), now, 7, 0)).toBe(false); // reminders off
    expect(daysUntilClose(c(5.5, null), now, 7)).toBe(2);
    expect(daysUntilClose(c(6.99, null), now, 7)).toBe(1);
  });
});
