// settings.get / settings.update: admin only. Secrets never leave the server: the response
// carries `secretsSet` flags instead, and an empty secret in an update keeps the old value.
import { z } from "zod";
import { createTRPCRouter, adminProcedure } from "../trpc";
import { loadSettings, updateSettings, secretFlags } from "@/server/services/settings/settings-store";
import { recordEvent } from "@/server/services/audit";
import { db } from "@/server/db/client";

const group = z.enum(["tickets", "mail", "outbound"]);

export const settingsRouter = createTRPCRouter({
  get: adminProcedure.input(z.object({ group })).query(async ({ input }) => ({
    values: await loadSettings(input.group),
    secretsSet: await secretFlags(input.group),
  })),

  update: adminProcedure
    .input(z.object({ group, values: z.record(z.string(), z.unknown()) }))
    .mutation(async ({ ctx, input }) => {
      const values = await updateSettings(input.group, input.values);
      await recordEvent(db(), { ticketId: null, actor: ctx.actor, type: "settings.updated", data: { group: input.group, keys: Object.keys(input.values) } });
      return { values, secretsSet: await secretFlags(input.group) };
    }),
});
