// ticket.*: transport only — validate, pick the use-case, return its result.
import { z } from "zod";
import { createTRPCRouter, publicProcedure, clientProcedure } from "../trpc";
import { isStaff } from "@/server/domain/actor";
import { createTicket } from "@/server/services/tickets/create-ticket";
import { getTicket } from "@/server/services/tickets/get-ticket";
import { listMyTickets } from "@/server/services/tickets/list-my-tickets";
import { listQueue } from "@/server/services/tickets/list-queue";
import { replyToTicket } from "@/server/services/tickets/reply-to-ticket";
import { ticketPortalProcedures } from "./ticket-portal";
import { ticketStaffProcedures } from "./ticket-staff";

export const titleSchema = z.string().trim().min(3, "TOO_SHORT").max(200, "TOO_LONG");
export const bodySchema = z.string().trim().min(1, "REQUIRED").max(50_000, "TOO_LONG");
const id = z.number().int().positive();

export const ticketRouter = createTRPCRouter({
  create: clientProcedure
    .input(z.object({ title: titleSchema, body: bodySchema, categoryId: id, attachmentIds: z.array(z.string().max(40)).max(20).optional() }))
    .mutation(({ ctx, input }) => createTicket(ctx.actor, input)),

  list: clientProcedure
    .input(
      z.object({
        cursor: z.string().max(200).nullish(),
        limit: z.number().int().min(1).max(100).default(25),
        search: z.string().max(200).optional(),
        statusId: id.optional(),
        open: z.boolean().optional(),
        categoryId: id.optional(),
        assignee: z.union([z.enum(["me", "unassigned", "any"]), id]).optional(),
      }),
    )
    .query(({ ctx, input }) => (isStaff(ctx.actor) ? listQueue(ctx.actor, input) : listMyTickets(ctx.actor, input))),

  byId: publicProcedure.input(z.object({ id })).query(({ ctx, input }) => getTicket(ctx.actor, input.id)),

  reply: publicProcedure
    .input(z.object({ ticketId: id, body: bodySchema, attachmentIds: z.array(z.string().max(40)).max(20).optional() }))
    .mutation(({ ctx, input }) => replyToTicket(ctx.actor, input)),

  ...ticketPortalProcedures,
  ...ticketStaffProcedures,
});
