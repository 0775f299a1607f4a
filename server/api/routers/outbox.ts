// outbox.*: the staff page «Исходящие / Outbox». Admin only: the outbox holds set-password and
// reset links of every account, which an agent must not be able to read.
import { z } from "zod";
import { createTRPCRouter, adminProcedure } from "../trpc";
import { listOutbox, getOutboxMail, resendOutboxMail, deliverNow } from "@/server/services/mail-admin/outbox-admin";

const status = z.enum(["PENDING", "SENDING", "SENT", "FAILED"]);
const id = z.object({ id: z.number().int().positive() });

export const outboxRouter = createTRPCRouter({
  list: adminProcedure
    .input(z.object({ status: status.optional(), ticketId: z.number().int().positive().optional(), cursor: z.number().int().positive().optional(), limit: z.number().int().min(1).max(100).default(50) }))
    .query(({ input }) => listOutbox(input)),
  get: adminProcedure.input(id).query(({ input }) => getOutboxMail(input.id)),
  /** Queue the same row (same Message-ID, same idempotency key) again through today's transport. */
  resend: adminProcedure.input(id).mutation(({ input }) => resendOutboxMail(input.id)),
  /** Run the worker now (the page's "deliver now" button; same work as the cron). */
  deliverNow: adminProcedure.mutation(() => deliverNow()),
});
