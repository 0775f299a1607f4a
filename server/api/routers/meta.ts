// meta.*: small public lookups the forms need (categories, statuses) and who am I.
import { createTRPCRouter, publicProcedure } from "../trpc";
import { db } from "@/server/db/client";
import { names } from "@/server/services/tickets/ticket-dto";
import { loadSettings } from "@/server/services/settings/settings-store";
import { canCreateTicket, canOpenPortal, canUpload } from "@/server/domain/tickets/policies";
import { canSetPriority } from "@/server/domain/tickets/ticket-fields";
import { categoriesOutput, customFieldsOutput, prioritiesOutput, statusesOutput } from "@/packages/client/src/contract";
import { isStaff } from "@/server/domain/actor";
import { fieldAccess } from "@/server/domain/tickets/custom-fields";
import { loadFieldDefs } from "@/server/services/tickets/field-defs";

export const metaRouter = createTRPCRouter({
  categories: publicProcedure.output(categoriesOutput).query(async () => {
    const rows = await db().category.findMany({ where: { archivedAt: null }, orderBy: [{ sortOrder: "asc" }, { id: "asc" }] });
    return rows.map((c) => ({ id: c.id, name: names(c), parentId: c.parentId, noTickets: c.noTickets }));
  }),
  priorities: publicProcedure.output(prioritiesOutput).query(async () => {
    const rows = await db().priority.findMany({ orderBy: [{ sortOrder: "asc" }, { id: "asc" }] });
    return rows.map((p) => ({ id: p.id, name: names(p), color: p.color, isDefault: p.isDefault, isUrgent: p.isUrgent }));
  }),
  /** the definitions this caller may see: staff all, everyone else those not hidden from customers */
  customFields: publicProcedure.output(customFieldsOutput).query(async ({ ctx }) => {
    const staff = isStaff(ctx.actor);
    const defs = await loadFieldDefs();
    return defs.filter((d) => fieldAccess(d, staff).see).map((d) => ({
      id: d.id, type: d.type, name: d.name, help: d.help, categoryId: d.categoryId, required: d.required,
      hiddenFromCustomer: d.hiddenFromCustomer, customerEditable: d.customerEditable, options: d.options,
    }));
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
      canSetPriority: canSetPriority(ctx.actor, s),
    };
  }),
});
