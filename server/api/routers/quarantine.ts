// quarantine.*: the staff page «Карантин / Quarantine» — list, view, retry, discard, create a
// ticket from a held mail, and inspect an uploaded .eml without touching anything.
import { z } from "zod";
import { createTRPCRouter, staffProcedure } from "../trpc";
import { badRequest } from "@/server/domain/errors";
import { discardQuarantine, getQuarantine, listQuarantine, retryQuarantine, ticketFromQuarantine } from "@/server/services/quarantine/quarantine";
import { inspectMail } from "@/server/mail/ingest/inspect-mail";

const id = z.object({ id: z.number().int().positive() });
/** base64 of an .eml; 10 MB of mail is plenty for an inspection */
const MAX_INSPECT_BYTES = 10 * 1024 * 1024;

export const quarantineRouter = createTRPCRouter({
  list: staffProcedure
    .input(z.object({ resolved: z.boolean().default(false), cursor: z.number().int().positive().nullish() }))
    .query(({ input }) => listQuarantine(input)),
  byId: staffProcedure.input(id).query(({ input }) => getQuarantine(input.id)),
  retry: staffProcedure.input(id).mutation(({ ctx, input }) => retryQuarantine(ctx.actor, input.id)),
  discard: staffProcedure.input(id).mutation(({ ctx, input }) => discardQuarantine(ctx.actor, input.id)),
  createTicket: staffProcedure.input(id).mutation(({ ctx, input }) => ticketFromQuarantine(ctx.actor, input.id)),
  inspect: staffProcedure
    .input(z.object({ emlBase64: z.string().min(1).max(Math.ceil((MAX_INSPECT_BYTES * 4) / 3) + 8) }))
    .mutation(async ({ input }) => {
      const raw = Buffer.from(input.emlBase64, "base64");
      if (raw.length === 0) throw badRequest("FILE_EMPTY");
      return inspectMail(raw);
    }),
});
