// Types only (never bundled): the client's call surface with every input and output written
// out as plain object types. Taking them from the router through inference makes the compiler
// print them structurally into the published .d.ts — so it needs neither zod nor tRPC, and a
// change to any field shows up in the declaration diff.
import type { HelpdeskRouter } from "./router.js";

/** Per-call options: abort the call with your own signal. */
export type CallOptions = { signal?: AbortSignal };
export interface Query<I, O> {
  query(input: I, opts?: CallOptions): Promise<O>;
}
export interface Mutation<I, O> {
  mutate(input: I, opts?: CallOptions): Promise<O>;
}
type Def<I, O> = { _def: { $types: { input: I; output: O } } };

declare const r: HelpdeskRouter;
declare function query<I, O>(p: Def<I, O>): Query<I, O>;
declare function mutation<I, O>(p: Def<I, O>): Mutation<I, O>;
declare function noInput<O>(p: Def<void, O>): Query<void, O>;

const _api = {
  ticket: {
    list: query(r.ticket.list),
    byId: query(r.ticket.byId),
    create: mutation(r.ticket.create),
    reply: mutation(r.ticket.reply),
    addNote: mutation(r.ticket.addNote),
    setStatus: mutation(r.ticket.setStatus),
    setPriority: mutation(r.ticket.setPriority),
    setFields: mutation(r.ticket.setFields),
  },
  meta: {
    categories: noInput(r.meta.categories),
    statuses: noInput(r.meta.statuses),
    priorities: noInput(r.meta.priorities),
    customFields: noInput(r.meta.customFields),
  },
};

export type HelpdeskApi = typeof _api;
