// team.*: teams of agents and the categories they see (issue 16) — ADMIN only.
import { z } from "zod";
import { createTRPCRouter, adminProcedure } from "../trpc";
import { listTeams, saveTeam, deleteTeam } from "@/server/services/admin/teams";

const id = z.number().int().positive();

export const teamRouter = createTRPCRouter({
  list: adminProcedure.query(() => listTeams()),
  save: adminProcedure
    .input(z.object({ id: id.optional(), name: z.string().trim().min(1, "REQUIRED").max(100, "TOO_LONG"), memberIds: z.array(id).max(500), categoryIds: z.array(id).max(500) }))
    .mutation(({ input }) => saveTeam(input)),
  delete: adminProcedure.input(z.object({ id })).mutation(({ input }) => deleteTeam(input.id)),
});
