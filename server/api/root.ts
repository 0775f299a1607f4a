// The app's router. Every procedure is reachable from here, which is how the authorization
// matrix test enumerates them.
import { createTRPCRouter, createCallerFactory } from "./trpc";
import { ticketRouter } from "./routers/ticket";
import { settingsRouter } from "./routers/settings";
import { metaRouter } from "./routers/meta";
import { attachmentRouter } from "./routers/attachment";
import { statusRouter } from "./routers/status";
import { categoryRouter } from "./routers/category";
import { teamRouter } from "./routers/team";
import { userRouter } from "./routers/user";
import { cannedReplyRouter } from "./routers/canned-reply";
import { apiTokenRouter } from "./routers/api-token";
import { reportRouter } from "./routers/report";
import { outboxRouter } from "./routers/outbox";
import { mailTemplateRouter } from "./routers/mail-template";
import { mailRouter } from "./routers/mail";
import { quarantineRouter } from "./routers/quarantine";
import { kbRouter } from "./routers/kb";
import { priorityRouter } from "./routers/priority";
import { customFieldRouter } from "./routers/custom-field";
import { authRouter } from "./routers/auth";
import { rateLinkRouter } from "./routers/rate-link";
import { notificationRouter } from "./routers/notification";
import { viewRouter } from "./routers/view";
import { liveRouter } from "./routers/live";

export const appRouter = createTRPCRouter({
  ticket: ticketRouter,
  settings: settingsRouter,
  meta: metaRouter,
  attachment: attachmentRouter,
  status: statusRouter,
  category: categoryRouter,
  user: userRouter,
  team: teamRouter,
  cannedReply: cannedReplyRouter,
  apiToken: apiTokenRouter,
  report: reportRouter,
  outbox: outboxRouter,
  mailTemplate: mailTemplateRouter,
  mail: mailRouter,
  quarantine: quarantineRouter,
  kb: kbRouter,
  priority: priorityRouter,
  customField: customFieldRouter,
  auth: authRouter,
  rateLink: rateLinkRouter,
  notification: notificationRouter,
  view: viewRouter,
  live: liveRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
