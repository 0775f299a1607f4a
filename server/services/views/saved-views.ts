// Saved queue views (issue 16.4): list (own + shared with my teams, with my pins in my order),
// create, update (rename, re-filter, share), delete, pin and reorder. The rules are in
// server/domain/views/saved-view.ts; a view the actor may not see answers NOT_FOUND.
import { db } from "@/server/db/client";
import type { Actor } from "@/server/domain/actor";
import { badRequest, forbidden, notFound } from "@/server/domain/errors";
import { canEditView, canSeeView, canShareViews, MAX_OWN_VIEWS, viewParams, type ViewParams } from "@/server/domain/views/saved-view";
import { assertStaff } from "@/server/services/tickets/staff-write";

type Staff = Extract<Actor, { kind: "user" }>;

export async function myTeamIds(actor: Staff): Promise<number[]> {
  return (await db().teamMember.findMany({ where: { userId: actor.userId }, select: { teamId: true } })).map((m) => m.teamId);
}

async function visibleView(actor: Staff, id: number) {
  const v = await db().savedView.findUnique({ where: { id } });
  if (!v || !canSeeView(actor, v, await myTeamIds(actor))) throw notFound("VIEW_NOT_FOUND");
  return v;
}

async function editableView(actor: Staff, id: number) {
  const v = await db().savedView.findUnique({ where: { id } });
  if (!v) throw notFound("VIEW_NOT_FOUND");
  if (!canEditView(actor, v)) {
    // one that is shared with me: I know it exists, so say why; anything else does not exist
    if (canSeeView(actor, v, await myTeamIds(actor))) throw forbidden("VIEW_NOT_YOURS");
    throw notFound("VIEW_NOT_FOUND");
  }
  return v;
}

async function validTeams(actor: Staff, teamIds: number[] | undefined) {
  if (teamIds === undefined) return undefined;
  if (teamIds.length && !canShareViews(actor)) throw forbidden("SHARE_NOT_ALLOWED");
  const ids = [...new Set(teamIds)];
  if ((await db().team.count({ where: { id: { in: ids } } })) !== ids.length) throw badRequest("UNKNOWN_TEAM");
  return ids;
}

export async function listViews(a: Actor) {
  assertStaff(a);
  const teams = await myTeamIds(a);
  const views = await db().savedView.findMany({
    where: { OR: [{ ownerId: a.userId }, ...(teams.length ? [{ teamIds: { hasSome: teams } }] : [])] },
    include: { pins: { where: { userId: a.userId } } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  const owners = new Map((await db().user.findMany({ where: { id: { in: [...new Set(views.map((v) => v.ownerId))] } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  const items = views.map((v) => ({
    id: v.id, name: v.name, params: viewParams.parse(v.params), teamIds: v.teamIds,
    mine: v.ownerId === a.userId, ownerName: owners.get(v.ownerId) ?? "", canEdit: canEditView(a, v),
    pinned: v.pins.length > 0, position: v.pins[0]?.position ?? 0,
  }));
  items.sort((x, y) => Number(y.pinned) - Number(x.pinned) || x.position - y.position);
  const shareTeams = canShareViews(a) ? await db().team.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }) : [];
  return { items, shareTeams };
}

async function nextPosition(userId: number) {
  const last = await db().savedViewPin.aggregate({ where: { userId }, _max: { position: true } });
  return (last._max.position ?? -1) + 1;
}

export async function createView(a: Actor, input: { name: string; params: ViewParams; teamIds?: number[]; pinned?: boolean }) {
  assertStaff(a);
  if ((await db().savedView.count({ where: { ownerId: a.userId } })) >= MAX_OWN_VIEWS) throw badRequest("TOO_MANY_VIEWS");
  const teamIds = (await validTeams(a, input.teamIds)) ?? [];
  const position = await nextPosition(a.userId);
  const v = await db().savedView.create({
    data: { ownerId: a.userId, name: input.name, params: viewParams.parse(input.params), teamIds, ...(input.pinned === false ? {} : { pins: { create: { userId: a.userId, position } } }) },
  });
  return { id: v.id };
}

export async function updateView(a: Actor, input: { id: number; name?: string; params?: ViewParams; teamIds?: number[] }) {
  assertStaff(a);
  await editableView(a, input.id);
  const teamIds = await validTeams(a, input.teamIds);
  await db().savedView.update({
    where: { id: input.id },
    data: { ...(input.name !== undefined ? { name: input.name } : {}), ...(input.params ? { params: viewParams.parse(input.params) } : {}), ...(teamIds ? { teamIds } : {}) },
  });
  return { id: input.id };
}

export async function deleteView(a: Actor, id: number) {
  assertStaff(a);
  await editableView(a, id);
  await db().savedView.delete({ where: { id } }); // pins go with it (ON DELETE CASCADE)
  return { id };
}

export async function pinView(a: Actor, input: { id: number; pinned: boolean }) {
  assertStaff(a);
  await visibleView(a, input.id);
  const key = { userId_viewId: { userId: a.userId, viewId: input.id } };
  if (!input.pinned) await db().savedViewPin.deleteMany({ where: { userId: a.userId, viewId: input.id } });
  else await db().savedViewPin.upsert({ where: key, create: { userId: a.userId, viewId: input.id, position: await nextPosition(a.userId) }, update: {} });
  return { id: input.id, pinned: input.pinned };
}

/** My side list in this order; every id must be a view I see (pinned on the way if it was not). */
export async function reorderViews(a: Actor, ids: number[]) {
  assertStaff(a);
  const unique = [...new Set(ids)];
  for (const id of unique) await visibleView(a, id);
  await db().$transaction(unique.map((viewId, position) => db().savedViewPin.upsert({
    where: { userId_viewId: { userId: a.userId, viewId } }, create: { userId: a.userId, viewId, position }, update: { position },
  })));
  return { ids: unique };
}
