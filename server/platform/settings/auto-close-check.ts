// Refuses auto-close settings the job could not run with (a closed "waiting" status, a reminder
// on or after the closing day), whichever door writes them: the pages, settings.update, the CLI.
import type { Db, Tx } from "@/server/db/client";
import { badRequest } from "@/server/domain/errors";
import { autoCloseSetup } from "@/server/domain/tickets/auto-close";
import type { TicketSettings } from "@/server/domain/settings/schema";

const KEYS = ["autoCloseDays", "autoCloseStatusId", "autoCloseReminderDays"];

export async function assertAutoCloseSettings(client: Db | Tx, next: TicketSettings, patch: Record<string, unknown>): Promise<void> {
  if (!KEYS.some((k) => k in patch)) return;
  const statuses = await client.status.findMany({ select: { id: true, key: true, isClosed: true, sortOrder: true } });
  const setup = autoCloseSetup(next, statuses);
  if (setup.on || !setup.problem) return;
  const field = setup.problem === "REMINDER_TOO_LATE" ? "autoCloseReminderDays" : "autoCloseStatusId";
  throw badRequest("INVALID_SETTINGS", { fields: { [field]: setup.problem } });
}
