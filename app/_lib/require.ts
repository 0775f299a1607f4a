import "server-only";
import { notFound, redirect } from "next/navigation";
import { getActor } from "./actor";
import { isStaff, isAdmin } from "@/server/domain/actor";

/** Page-level guard for the staff area (procedures check again on every call). */
export async function requireStaff(path: string) {
  const actor = await getActor();
  if (actor.kind !== "user") redirect(`/sign-in?next=${encodeURIComponent(path)}`);
  if (!isStaff(actor)) notFound();
  return actor;
}

export async function requireAdmin(path: string) {
  const actor = await requireStaff(path);
  if (!isAdmin(actor)) notFound();
  return actor;
}
