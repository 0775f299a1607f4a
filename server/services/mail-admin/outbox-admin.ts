// The admin's outbox page: every queued and sent mail with its delivery state, one mail in
// full, send one again, and run the delivery worker now (the same work as the cron).
import { db } from "@/server/db/client";
import { notFound, badRequest } from "@/server/domain/errors";
import { deliverDue, requeue } from "@/server/mail/outbound/deliver";
import { kickDelivery } from "@/server/mail/outbound/kick";

export type OutboxStatus = "PENDING" | "SENDING" | "SENT" | "FAILED";

export async function listOutbox(q: { status?: OutboxStatus; ticketId?: number; cursor?: number; limit: number }) {
  const rows = await db().outboxMail.findMany({
    where: { ...(q.status ? { status: q.status } : {}), ...(q.ticketId ? { ticketId: q.ticketId } : {}), ...(q.cursor ? { id: { lt: q.cursor } } : {}) },
    orderBy: { id: "desc" },
    take: q.limit + 1,
    select: { id: true, ticketId: true, template: true, locale: true, toEmail: true, subject: true, status: true, transport: true, attempts: true, lastError: true, nextAttemptAt: true, deferredUntil: true, sentAt: true, createdAt: true },
  });
  const items = rows.slice(0, q.limit);
  const counts = await db().outboxMail.groupBy({ by: ["status"], _count: { _all: true } });
  return {
    items,
    nextCursor: rows.length > q.limit ? items[items.length - 1]!.id : null,
    counts: Object.fromEntries(counts.map((c) => [c.status, c._count._all])) as Partial<Record<OutboxStatus, number>>,
  };
}

export async function getOutboxMail(id: number) {
  const row = await db().outboxMail.findUnique({ where: { id } });
  if (!row) throw notFound();
  return { ...row, headers: (row.headers ?? {}) as Record<string, string> };
}

/** Queue the same row (same Message-ID, same idempotency key) again through today's transport. */
export async function resendOutboxMail(id: number) {
  const row = await db().outboxMail.findUnique({ where: { id }, select: { status: true } });
  if (!row) throw notFound();
  if (row.status === "SENDING") throw badRequest("MAIL_BEING_SENT");
  await requeue(db(), id);
  kickDelivery();
  return { ok: true as const };
}

/** The page's "deliver now" button. */
export function deliverNow() {
  return deliverDue({ timeBudgetMs: 20_000 });
}
