// Customer-side ticket procedures (ticket.update, ticket.rate …), merged into ticket.*.
import { createTRPCRouter } from "../trpc";

export const ticketPortalProcedures = {};
export const _portalRouterCheck = createTRPCRouter(ticketPortalProcedures);
