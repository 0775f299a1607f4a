// The tRPC door for browsers and API clients. Before tRPC parses anything: a mutation must come
// from this site or say it is an API call, never as a form post (ASVS 5.0 V3.5.1, V3.5.2), and
// the body is bounded — small for anonymous callers, the upload size for the base64 upload
// (ASVS 5.0 V15.2.2). See server/api/request-guards.ts.
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import { actorFromHeaders } from "@/server/auth/actor";
import { BodyTooLarge, crossSiteRefusal, forbiddenCrossSite, payloadTooLarge, withBoundedBody } from "@/server/api/request-guards";
import { trpcBodyLimit } from "@/server/api/body-limits";

async function handler(req: Request): Promise<Response> {
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

export { handler as GET, handler as POST };
