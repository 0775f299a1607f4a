// Teams (admin, issue 16): a named group of staff linked to categories. An agent sees the
// tickets of their teams' categories; a category linked to no team stays open to every agent.
// Saving a team replaces its members and categories in one transaction.
import { db } from "@/server/db/client";
import { STAFF_ROLES } from "@/server/domain/actor";
import { badRequest, conflict, notFound } from "@/server/domain/errors";
import { isUniqueViolation } from "@/server/db/errors";

export type TeamInput = { id?: number; name: string; memberIds: number[]; categoryIds: number[] };

export async function listTeams() {
  const rows = await db().team.findMany({
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: {
      id: true, name: true,
      members: { select: { user: { select: { id: true, name: true, email: true, role: true } } }, orderBy: { userId: "asc" } },
      categories: { select: { category: { select: { id: true, nameRu: true, nameEn: true } } }, orderBy: { categoryId: "asc" } },
    },
  });
  return rows.map((t) => ({
    id: t.id, name: t.name,
    members: t.members.map((m) => m.user),
    categories: t.categories.map((c) => ({ id: c.category.id, name: { ru: c.category.nameRu, en: c.category.nameEn } })),
  }));
}

export async function saveTeam(input: TeamInput) {
  const memberIds = [...new Set(input.memberIds)];
  const categoryIds = [...new Set(input.categoryIds)];
  return db().$transaction(async (tx) => {
    const staff = await tx.user.count({ where: { id: { in: memberIds }, role: { in: [...STAFF_ROLES] } } });
    if (staff !== memberIds.length) throw badRequest("UNKNOWN_MEMBER");
    if ((await tx.category.count({ where: { id: { in: categoryIds } } })) !== categoryIds.length) throw badRequest("UNKNOWN_CATEGORY");
    let id = input.id;
    try {
      if (id) {
        const r = await tx.team.updateMany({ where: { id }, data: { name: input.name } });
        if (!r.count) throw notFound();
      } else {
        id = (await tx.team.create({ data: { name: input.name }, select: { id: true } })).id;
      }
    } catch (e) {
      if (isUniqueViolation(e)) throw conflict("TEAM_NAME_TAKEN");
      throw e;
    }
    await tx.teamMember.deleteMany({ where: { teamId: id } });
    await tx.teamCategory.deleteMany({ where: { teamId: id } });
    await tx.teamMember.createMany({ data: memberIds.map((userId) => ({ teamId: id!, userId })) });
    await tx.teamCategory.createMany({ data: categoryIds.map((categoryId) => ({ teamId: id!, categoryId })) });
    return { id };
  });
}

export async function deleteTeam(id: number) {
  const r = await db().team.deleteMany({ where: { id } });
  if (!r.count) throw notFound();
  return { id };
}
