// A typed client for other TypeScript projects: createHelpdeskClient(url, token) calls the
// same procedures as the web app, authenticated with a staff API token.
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import superjson from "superjson";
import type { AppRouter } from "./root";

export type { AppRouter };

export function createHelpdeskClient(baseUrl: string, token: string) {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: new URL("/api/trpc", baseUrl).toString(),
        transformer: superjson,
        headers: () => ({ authorization: `Bearer ${token}` }),
      }),
    ],
  });
}
