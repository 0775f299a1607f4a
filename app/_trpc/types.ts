// What procedures answer, as the app sees them: components type their props from the API's
// outputs, not from service internals.
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type TicketDetail = RouterOutputs["ticket"]["byId"];
export type TicketSummary = RouterOutputs["ticket"]["list"]["items"][number];
export type TicketReport = RouterOutputs["report"]["summary"];
export type FieldDefView = RouterOutputs["customField"]["list"][number];
