// outbox.*: the staff page «Исходящие / Outbox». Admin only: the outbox holds set-password and
// reset links of every account, which an agent must not be able to read.
import { z } from "zod";
import { createTRPCRouter, adminProcedure } from "../trpc";
import { db } from "@/server/db/client";
import { notFound, badRequest } from "@/server/domain/errors";
import { deliverDue, requeue } from "@/server/mail/outbound/deliver";
import { kickDelivery } from "@/server/mail/outbound/kick";

const status = z.enum(["PENDING", "SENDING", "SENT", "FAILED"]);

export const outboxRouter = createTRPCRouter({
  list: adminProcedure
    .input(z.object({ status: status.optional(), ticketId: z.number().int().positive().optional(), cursor: z.number().int().positive().optional(), limit: z.number().int().min(1).max(100).default(50) }))
    .query(async ({ input }) => {
      const rows = await db().outboxMail.findMany({
        where: { ...(input.status ? { status: input.status } : {}), ...(input.ticketId ? { ticketId: input.ticketId } : {}), ...(input.cursor ? { id: { lt: input.cursor } } : {}) },
        orderBy: { id: "desc" },
        take: input.limit + 1,
        select: { id: true, ticketId: true, template: true, locale: true, toEmail: true, subject: true, status: true, transport: true, attempts: true, lastError: true, nextAttemptAt: true, deferredUntil: true, sentAt: true, createdAt: true },
      });
      const items = rows.slice(0, input.limit);
      const counts = await db().outboxMail.groupBy({ by: ["status"], _count: { _all: true } });
      return {
        items,
        nextCursor: rows.length > input.limit ? items[items.length - 1]!.id : null,
        counts: Object.fromEntries(counts.map((c) => [c.status, c._count._all])) as Partial<Record<z.infer<typeof status>, number>>,
      };
    }),

  get: adminProcedure.input(z.object({ id: z.number().int().positive() })).query(async ({ input }) => {
    const row = await db().outboxMail.findUnique({ where: { id: input.id } });
    if (!row) throw notFound();
    return { ...row, headers: (row.headers ?? {}) as Record<string, string> };
  }),

  /** Queue the same row (same Message-ID, same idempotency key) again through today's transport. */
  resend: adminProcedure.input(z.object({ id: z.number().int().positive() })).mutation(async ({ input }) => {
    const row = await db().outboxMail.findUnique({ where: { id: input.id }, select: { status: true } });
    if (!row) throw notFound();
    if (row.status === "SENDING") throw badRequest("MAIL_BEING_SENT");
    await requeue(db(), input.id);
    kickDelivery();
    return { ok: true as const };
  }),

  /** Run the worker now (the page's "deliver now" button; same work as the cron). */
  deliverNow: adminProcedure.mutation(async () => deliverDue({ timeBudgetMs: 20_000 })),
});
