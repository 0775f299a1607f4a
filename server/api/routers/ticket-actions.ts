// Staff ticket actions of issue 15 (points 4–8), merged into ticket.*: open a ticket for a
// customer, the Cc list, edit / delete one's own reply, merge. Transport only: the rules live in
// server/domain/tickets/action-policies.ts, the writes in server/services/tickets/.
import { z } from "zod";
import { createTRPCRouter, publicProcedure, staffProcedure } from "../trpc";
import { createTicketForCustomer, findCustomers } from "@/server/services/tickets/create-for-customer";
import { addCc, removeCc } from "@/server/services/tickets/participants";
import { deleteMessage, editMessage } from "@/server/services/tickets/edit-message";
import { mergeCandidates, mergeTickets } from "@/server/services/tickets/merge-tickets";

const id = z.number().int().positive();
const title = z.string().trim().min(3, "TOO_SHORT").max(200, "TOO_LONG");
const body = z.string().trim().min(1, "REQUIRED").max(50_000, "TOO_LONG");
const email = z.string().trim().toLowerCase().max(254, "TOO_LONG").email("INVALID_EMAIL");

export const ticketActionProcedures = {
  createForCustomer: staffProcedure
    .input(
      z.object({
        title, body, categoryId: id,
        attachmentIds: z.array(z.string().max(40)).max(20).optional(),
        customer: z.union([
          z.object({ userId: id }),
          z.object({ email, name: z.string().trim().max(120, "TOO_LONG").optional(), locale: z.enum(["ru", "en"]).optional() }),
        ]),
        notifyCustomer: z.boolean().default(true),
      }),
    )
    .mutation(({ ctx, input }) => createTicketForCustomer(ctx.actor, input)),

  findCustomers: staffProcedure.input(z.object({ query: z.string().max(254) })).query(({ ctx, input }) => findCustomers(ctx.actor, input.query)),

  // staff, or the ticket's customer when the ticket setting customersMayAddCc is on
  addCc: publicProcedure
    .input(z.object({ ticketId: id, email, name: z.string().trim().max(120, "TOO_LONG").nullish() }))
    .mutation(({ ctx, input }) => addCc(ctx.actor, input)),

  removeCc: staffProcedure.input(z.object({ ticketId: id, email: z.string().trim().max(254) })).mutation(({ ctx, input }) => removeCc(ctx.actor, input)),

  // one's own reply or note, within the setting's minutes; never mailed again
  editMessage: staffProcedure.input(z.object({ messageId: id, body })).mutation(({ ctx, input }) => editMessage(ctx.actor, input)),
  deleteMessage: staffProcedure.input(z.object({ messageId: id })).mutation(({ ctx, input }) => deleteMessage(ctx.actor, input)),

  // merge the source into the target; `sourceVersion`: the version the merging page loaded
  merge: staffProcedure
    .input(z.object({ sourceId: id, targetId: id, sourceVersion: z.number().int().min(0).optional() }))
    .mutation(({ ctx, input }) => mergeTickets(ctx.actor, input)),
  mergeCandidates: staffProcedure.input(z.object({ ticketId: id, query: z.string().max(200) })).query(({ ctx, input }) => mergeCandidates(ctx.actor, input)),
};
export const _actionsRouterCheck = createTRPCRouter(ticketActionProcedures);
