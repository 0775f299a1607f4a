// ticket.bulkUpdate: assign / change status / change category of up to 100 tickets from the
// queue's checkboxes, in one transaction, with the same history and mail as single changes.
import { db } from "@/server/db/client";
import type { Actor } from "@/server/domain/actor";
import { badRequest, DomainError } from "@/server/domain/errors";
import { activeCategory, statusById } from "./lookups";
import { applyStatus } from "./set-status";
import { applyAssignee, assertAssignable } from "./assign";
import { applyCategory } from "./set-category";
import { assertStaff, lockTicket } from "./staff-write";

/**
 * `versions` (issue 16.5), optional for API callers: the version of each ticket as the queue
 * showed it, in the order of `ticketIds`. When one has changed since, nothing is written and the
 * answer is CONFLICT STALE_UPDATE listing `staleIds`.
 */
export type BulkInput = { ticketIds: number[]; versions?: number[]; statusId?: number; categoryId?: number; assigneeId?: number | null };

export async function bulkUpdate(actor: Actor, input: BulkInput) {
  assertStaff(actor);
  if (input.statusId === undefined && input.categoryId === undefined && input.assigneeId === undefined) throw badRequest("NOTHING_TO_DO");
  if (input.versions && input.versions.length !== input.ticketIds.length) throw badRequest("VERSIONS_MISMATCH");
  const expected = new Map(input.versions?.map((v, i) => [input.ticketIds[i]!, v]));
  const ids = [...new Set(input.ticketIds)].sort((a, b) => a - b); // fixed lock order: no deadlocks
  return db().$transaction(async (tx) => {
    const stale: number[] = [];
    for (const id of ids) {
      const t = await lockTicket(tx, id, undefined, actor);
      if (expected.has(id) && expected.get(id) !== t.version) stale.push(id);
    }
    if (stale.length) throw new DomainError("CONFLICT", "STALE_UPDATE", "STALE_UPDATE", { staleIds: stale });
    if (input.statusId !== undefined) await statusById(tx, input.statusId);
    if (input.categoryId !== undefined) await activeCategory(tx, input.categoryId);
    if (input.assigneeId !== undefined) await assertAssignable(tx, input.assigneeId);
    let updated = 0;
    for (const id of ids) {
      let t = await lockTicket(tx, id, undefined, actor);
      const before = t.version;
      if (input.assigneeId !== undefined) await applyAssignee(tx, actor, t, input.assigneeId);
      if (input.categoryId !== undefined) await applyCategory(tx, actor, t, input.categoryId);
      if (input.statusId !== undefined) {
        t = await lockTicket(tx, id, undefined, null); // checked above; the category may have just changed
        await applyStatus(tx, actor, t, input.statusId);
      }
      const after = await tx.ticket.findUniqueOrThrow({ where: { id }, select: { version: true } });
      if (after.version !== before) updated += 1;
    }
    return { updated };
  }, { timeout: 30_000 });
}
