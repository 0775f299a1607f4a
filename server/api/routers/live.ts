// live.*: the typing ping and the polling fallback of live updates (issue 16.5); the stream
// itself is GET /api/live (server/live/sse-stream.ts). Transport only.
import { z } from "zod";
import { createTRPCRouter, staffProcedure } from "../trpc";
import { pingTyping, ticketLiveState } from "@/server/services/live/typing";

const ticketId = z.object({ ticketId: z.number().int().positive() });

export const liveRouter = createTRPCRouter({
  typing: staffProcedure.input(ticketId).mutation(({ ctx, input }) => pingTyping(ctx.actor, input.ticketId)),
  ticketState: staffProcedure.input(ticketId).query(({ ctx, input }) => ticketLiveState(ctx.actor, input.ticketId)),
});
