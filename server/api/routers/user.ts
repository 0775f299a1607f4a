// user.*: assignable staff for pickers (any staff); invite / role / (de)activate are ADMIN only.
import { z } from "zod";
import { createTRPCRouter, staffProcedure, adminProcedure } from "../trpc";
import { listAssignable, listStaffUsers, inviteAgent, setRole, setActive } from "@/server/services/admin/users";
import { getAway, setAway } from "@/server/services/users/away";

const id = z.number().int().positive();

export const userRouter = createTRPCRouter({
  assignable: staffProcedure.query(() => listAssignable()),
  /** the caller's own "away" flag: automatic assignment skips them (issue 16) */
  away: staffProcedure.query(({ ctx }) => getAway(ctx.actor)),
  setAway: staffProcedure.input(z.object({ away: z.boolean() })).mutation(({ ctx, input }) => setAway(ctx.actor, input.away)),
  list: adminProcedure.input(z.object({ search: z.string().max(200).optional(), includeCustomers: z.boolean().optional() }).optional()).query(({ input }) => listStaffUsers(input ?? {})),
  invite: adminProcedure
    .input(z.object({ email: z.string().trim().email("INVALID_EMAIL").max(254), name: z.string().trim().min(1, "REQUIRED").max(200, "TOO_LONG"), locale: z.enum(["ru", "en"]).default("ru"), role: z.enum(["AGENT", "ADMIN", "MANAGER"]).optional() }))
    .mutation(({ input }) => inviteAgent(input)),
  setRole: adminProcedure.input(z.object({ id, role: z.enum(["CUSTOMER", "AGENT", "ADMIN", "MANAGER"]) })).mutation(({ ctx, input }) => setRole(ctx.actor, input.id, input.role)),
  setActive: adminProcedure.input(z.object({ id, active: z.boolean() })).mutation(({ ctx, input }) => setActive(ctx.actor, input.id, input.active)),
});
