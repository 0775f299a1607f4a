import "server-only";
// Loads a ticket for a page through the same procedure the API uses; a ticket the actor may
// not see is a 404 page.
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { caller } from "@/app/_trpc/server";

export async function loadTicketForPage(idParam: string) {
  const id = Number(idParam);
  if (!Number.isInteger(id) || id <= 0) notFound();
  try {
    return await (await caller()).ticket.byId({ id });
  } catch (e) {
    if (e instanceof TRPCError && (e.code === "NOT_FOUND" || e.code === "FORBIDDEN" || e.code === "UNAUTHORIZED")) notFound();
    throw e;
  }
}
