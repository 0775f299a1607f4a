// "Away" (issue 16 point 2): a staff member marks themselves away and automatic assignment
// (round-robin, fewest open) skips them until they come back. Only their own flag.
import { db } from "@/server/db/client";
import type { Actor } from "@/server/domain/actor";
import { assertStaff } from "@/server/services/tickets/staff-write";

export async function getAway(actor: Actor) {
  assertStaff(actor);
  const u = await db().user.findUniqueOrThrow({ where: { id: actor.userId }, select: { away: true } });
  return { away: u.away };
}

export async function setAway(actor: Actor, away: boolean) {
  assertStaff(actor);
  await db().user.update({ where: { id: actor.userId }, data: { away } });
  return { away };
}
