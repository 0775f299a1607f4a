// Staff notification mails follow category scoping (issue 16): an agent never gets a mail about
// a ticket they could not open. Asks the same decider as every read path (server/domain/scope.ts)
// with the facts of the one category concerned.
import type { Tx } from "@/server/db/client";
import type { Role } from "@/server/domain/actor";
import { inScope, staffScope } from "@/server/domain/scope";

type Recipient = { id: number; role: Role; email: string; name: string; locale: string };

export async function withinScope<R extends Recipient>(tx: Tx, recipients: R[], categoryId: number): Promise<R[]> {
  if (recipients.length === 0) return recipients;
  const links = await tx.teamCategory.findMany({ where: { categoryId }, select: { teamId: true, categoryId: true } });
  if (links.length === 0) return recipients; // a category linked to no team is open to every agent
  const members = await tx.teamMember.findMany({ where: { teamId: { in: links.map((l) => l.teamId) }, userId: { in: recipients.map((r) => r.id) } }, select: { teamId: true, userId: true } });
  return recipients.filter((r) => {
    const actor = { kind: "user" as const, userId: r.id, role: r.role, email: r.email, name: r.name, locale: r.locale, via: "mail" as const };
    const scope = staffScope(actor, { categoryIds: [categoryId], links, myTeamIds: members.filter((m) => m.userId === r.id).map((m) => m.teamId) });
    return inScope(scope, categoryId);
  });
}
