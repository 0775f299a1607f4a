// meta.*: small public lookups the forms need (categories, statuses) and who am I.
import { createTRPCRouter, publicProcedure } from "../trpc";
import { db } from "@/server/db/client";
import { names } from "@/server/services/tickets/ticket-dto";
import { loadSettings } from "@/server/services/settings/settings-store";
import { canCreateTicket, canOpenPortal, canUpload } from "@/server/domain/tickets/policies";
import { categoriesOutput, statusesOutput } from "@/packages/client/src/contract";

export const metaRouter = createTRPCRouter({
  categories: publicProcedure.output(categoriesOutput).query(async () => {
    const rows = await db().category.findMany({ where: { archivedAt: null }, orderBy: [{ sortOrder: "asc" }, { id: "asc" }] });
    return rows.map((c) => ({ id: c.id, name: names(c) }));
  }),
  statuses: publicProcedure.output(statusesOutput).query(async () => {
    const rows = await db().status.findMany({ orderBy: [{ sortOrder: "asc" }, { id: "asc" }] });
    return rows.map((s) => ({ id: s.id, name: names(s), color: s.color, isClosed: s.isClosed, isDefault: s.isDefault }));
  }),
  /** what the portal may offer this visitor: the same policies the procedures enforce */
  portal: publicProcedure.query(async ({ ctx }) => {
    const s = await loadSettings("tickets");
    return {
      actor: ctx.actor.kind === "user" ? { id: ctx.actor.userId, name: ctx.actor.name, role: ctx.actor.role } : null,
      canOpenPortal: canOpenPortal(ctx.actor, s).ok,
      canCreateTicket: canCreateTicket(ctx.actor, s),
      canUpload: canUpload(ctx.actor, s).ok,
      maxUploadMb: s.maxUploadMb,
      allowedFileTypes: s.allowedFileTypes,
    };
  }),
});
