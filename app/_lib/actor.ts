import "server-only";
// The current actor for Server Components (per request). A database that is down sends the
// visitor to a clear "unavailable" page instead of a crash (server/auth/actor.ts pageActor).
import { cache } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { pageActor } from "@/server/auth/actor";
import type { Actor } from "@/server/domain/actor";

export const getActor = cache(async (): Promise<Actor> => {
  const actor = await pageActor(new Headers(await headers()));
  if (actor === "unavailable") redirect("/unavailable");
  return actor;
});
