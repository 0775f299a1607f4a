// settings.get / settings.update: admin only. Secrets never leave the server: the response
// carries `secretsSet` flags instead, and an empty secret in an update keeps the old value.
import { z } from "zod";
import { createTRPCRouter, adminProcedure } from "../trpc";
import { readSettings, saveSettings } from "@/server/services/settings/save-settings";

const group = z.enum(["tickets", "mail", "outbound"]);

export const settingsRouter = createTRPCRouter({
  get: adminProcedure.input(z.object({ group })).query(({ input }) => readSettings(input.group)),
  update: adminProcedure.input(z.object({ group, values: z.record(z.string(), z.unknown()) })).mutation(({ ctx, input }) => saveSettings(ctx.actor, input.group, input.values)),
});
