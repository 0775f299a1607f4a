import "server-only";
// Server Components: the tRPC v11 RSC pattern. The caller and query client are per request
// (React cache), never module-level, so one request's session cannot leak into another.
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { headers } from "next/headers";
import { cache } from "react";
import { createContext } from "@/server/api/trpc";
import { appRouter, createCaller } from "@/server/api/root";
import { makeQueryClient } from "./query-client";

export const getQueryClient = cache(makeQueryClient);
const getContext = cache(async () => createContext({ headers: new Headers(await headers()) }));

export const trpc = createTRPCOptionsProxy({ ctx: getContext, router: appRouter, queryClient: getQueryClient });

/** A direct caller for Server Components and server actions. */
export const caller = cache(async () => createCaller(await getContext()));

export function HydrateClient({ children }: { children: React.ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}
