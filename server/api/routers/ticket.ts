// ticket.*: transport only — validate, pick the use-case, return its result.
import { z } from "zod";
import { createTRPCRouter, publicProcedure, clientProcedure } from "../trpc";
import { isStaff } from "@/server/domain/actor";
import { clientIp } from "@/server/auth/client-ip";
import { createOwnTicket } from "@/server/services/tickets/create-own-ticket";
import { createGuestTicket } from "@/server/services/tickets/create-guest-ticket";
import { getTicket } from "@/server/services/tickets/get-ticket";
import { listMyTickets } from "@/server/services/tickets/list-my-tickets";
import { listQueue } from "@/server/services/tickets/list-queue";
import { replyToTicket } from "@/server/services/tickets/reply-to-ticket";
import { ticketPortalProcedures } from "./ticket-portal";
import { ticketStaffProcedures } from "./ticket-staff";
import { ticketActionProcedures } from "./ticket-actions";
// output schemas come from the published client's contract, so its declarations and /api/openapi.json match what is sent
import { ticketCreateOutput, ticketListOutput, ticketDetail, ticketReplyOutput, customFieldsInput } from "@/packages/client/src/contract";

export const titleSchema = z.string().trim().min(3, "TOO_SHORT").max(200, "TOO_LONG");
export const bodySchema = z.string().trim().min(1, "REQUIRED").max(50_000, "TOO_LONG");
const id = z.number().int().positive();

export const ticketRouter = createTRPCRouter({
  // signed-in users open tickets (a visitor uses createGuest below)
  create: publicProcedure
    .input(z.object({ title: titleSchema, body: bodySchema, categoryId: id, attachmentIds: z.array(z.string().max(40)).max(20).optional(), priorityId: id.optional(), customFields: customFieldsInput.optional() }))
    .output(ticketCreateOutput)
    .mutation(({ ctx, input }) => createOwnTicket(ctx.actor, input)),

  // the guest form (name + email; `website` is the honeypot), when the settings allow it. One
  // neutral answer, "check your mailbox", whether or not the address has an account (issue 14.10).
  createGuest: publicProcedure
    .input(
      z.object({
        title: titleSchema, body: bodySchema, categoryId: id,
        name: z.string().trim().min(1, "REQUIRED").max(120, "TOO_LONG"),
        email: z.string().trim().toLowerCase().max(254, "TOO_LONG").email("INVALID_EMAIL"),
        website: z.string().max(500).optional(),
        locale: z.enum(["ru", "en"]).optional(),
        priorityId: id.optional(),
        customFields: customFieldsInput.optional(),
      }),
    )
    .mutation(({ ctx, input }) => createGuestTicket(ctx.actor, { ...input, locale: input.locale ?? "ru", ip: clientIp(ctx.headers) })),

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
        requester: z.string().max(254).optional(),
        from: z.coerce.date().optional(),
        to: z.coerce.date().optional(),
        priorityId: id.optional(),
        fieldId: id.optional(),
        fieldValue: z.string().max(200).optional(),
        sort: z.enum(["activity", "priority"]).optional(),
      }),
    )
    .output(ticketListOutput)
    .query(({ ctx, input }) => (isStaff(ctx.actor) ? listQueue(ctx.actor, input) : listMyTickets(ctx.actor, input))),

  byId: publicProcedure.input(z.object({ id })).output(ticketDetail).query(({ ctx, input }) => getTicket(ctx.actor, input.id)),

  reply: publicProcedure
    .input(z.object({ ticketId: id, body: bodySchema, attachmentIds: z.array(z.string().max(40)).max(20).optional(), version: z.number().int().min(0).optional() }))
    .output(ticketReplyOutput)
    .mutation(({ ctx, input }) => replyToTicket(ctx.actor, input)),

  ...ticketPortalProcedures,
  ...ticketStaffProcedures,
  ...ticketActionProcedures,
});
