// The client's router TYPE, built from the contract's schemas (never bundled: only `import type`
// reaches it). Same paths as the server's AppRouter; server/api/public-contract.test.ts checks
// that the server's procedures take and return exactly these types.
import { initTRPC } from "@trpc/server";
import superjson from "superjson";
import { contract as c } from "./contract.js";

// superjson, like the server: Dates arrive as Dates
const t = initTRPC.create({ transformer: superjson });
const stub = () => null as never;

export const helpdeskRouter = t.router({
  ticket: {
    list: t.procedure.input(c["ticket.list"].input).output(c["ticket.list"].output).query(stub),
    byId: t.procedure.input(c["ticket.byId"].input).output(c["ticket.byId"].output).query(stub),
    create: t.procedure.input(c["ticket.create"].input).output(c["ticket.create"].output).mutation(stub),
    reply: t.procedure.input(c["ticket.reply"].input).output(c["ticket.reply"].output).mutation(stub),
    addNote: t.procedure.input(c["ticket.addNote"].input).output(c["ticket.addNote"].output).mutation(stub),
    setStatus: t.procedure.input(c["ticket.setStatus"].input).output(c["ticket.setStatus"].output).mutation(stub),
    setPriority: t.procedure.input(c["ticket.setPriority"].input).output(c["ticket.setPriority"].output).mutation(stub),
    setFields: t.procedure.input(c["ticket.setFields"].input).output(c["ticket.setFields"].output).mutation(stub),
  },
  meta: {
    categories: t.procedure.output(c["meta.categories"].output).query(stub),
    statuses: t.procedure.output(c["meta.statuses"].output).query(stub),
    priorities: t.procedure.output(c["meta.priorities"].output).query(stub),
    customFields: t.procedure.output(c["meta.customFields"].output).query(stub),
  },
});

export type HelpdeskRouter = typeof helpdeskRouter;
