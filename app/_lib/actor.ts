import "server-only";
// The current actor for Server Components (per request). A database that is down sends the
// visitor to a clear "unavailable" page instead of a crash.
import { cache } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { actorFromHeaders } from "@/server/auth/actor";
import { isConnectionError } from "@/server/db/errors";
import type { Actor } from "@/server/domain/actor";

export const getActor = cache(async (): Promise<Actor> => {
  try {
    return await actorFromHeaders(new Headers(await headers()));
  } catch (e) {
    if (isConnectionError(e)) redirect("/unavailable");
    throw e;
  }
});
