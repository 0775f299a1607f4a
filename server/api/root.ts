// The app's router. Every procedure is reachable from here, which is how the authorization
// matrix test enumerates them.
import { createTRPCRouter, createCallerFactory } from "./trpc";
import { ticketRouter } from "./routers/ticket";
import { settingsRouter } from "./routers/settings";
import { metaRouter } from "./routers/meta";

export const appRouter = createTRPCRouter({
  ticket: ticketRouter,
  settings: settingsRouter,
  meta: metaRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
