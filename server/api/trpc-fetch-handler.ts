// The tRPC door for browsers and API clients, shared by Next's route (app/api/trpc/[trpc]) and
// bin/serve.ts's direct path for Bearer-token mutations (server/api/direct-reads.ts). Before
// tRPC parses anything: a mutation must come from this site or say it is an API call, never as
// a form post (ASVS 5.0 V3.5.1, V3.5.2), and the body is bounded — small for anonymous callers,
// the upload size for the base64 upload (ASVS 5.0 V15.2.2). See request-guards.ts.
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "./root";
import { createContext } from "./trpc";
import { actorFromHeaders } from "@/server/auth/actor";
import { BodyTooLarge, crossSiteRefusal, forbiddenCrossSite, payloadTooLarge, withBoundedBody } from "./request-guards";
import { trpcBodyLimit } from "./body-limits";

export async function trpcFetchHandler(req: Request): Promise<Response> {
  const refused = crossSiteRefusal(req);
  if (refused) return forbiddenCrossSite(refused);
  const actor = await actorFromHeaders(req.headers);
  let bounded: Request;
  try {
    bounded = await withBoundedBody(req, await trpcBodyLimit(actor, new URL(req.url).pathname));
  } catch (e) {
    if (e instanceof BodyTooLarge) return payloadTooLarge(e.maxBytes);
    throw e;
  }
  return fetchRequestHandler({ endpoint: "/api/trpc", req: bounded, router: appRouter, createContext: () => createContext({ headers: req.headers, actor }) });
}
