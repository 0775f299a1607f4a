// report.*: staff reports over a date range; `csv` returns the same numbers as CSV text.
import { z } from "zod";
import { createTRPCRouter, staffProcedure } from "../trpc";
import { ticketReport, reportCsv } from "@/server/services/reports/ticket-report";

const range = z.object({ from: z.coerce.date(), to: z.coerce.date() });

export const reportRouter = createTRPCRouter({
  summary: staffProcedure.input(range).query(({ ctx, input }) => ticketReport(ctx.actor, input)),
  csv: staffProcedure.input(range).query(async ({ ctx, input }) => ({ fileName: `helpdesk-report-${input.from.toISOString().slice(0, 10)}-${input.to.toISOString().slice(0, 10)}.csv`, csv: reportCsv(await ticketReport(ctx.actor, input)) })),
});
