// A tRPC caller for a given actor: integration tests call the real procedures.
import { createCaller } from "@/server/api/root";
import { contextFor } from "@/server/api/trpc";
import type { Actor } from "@/server/domain/actor";
import { anonymous } from "@/server/domain/actor";

export function callerFor(actor: Actor = anonymous) {
  return createCaller(contextFor(actor));
}
