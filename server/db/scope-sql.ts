// The one SQL form of category scoping (server/domain/scope.ts): a condition on a ticket's
// category column, or nothing for an unrestricted scope. Every list, count, search, report and
// CSV of tickets adds it; the ids come from the decider, never from the request.
import { Prisma } from "@/server/generated/prisma/client";
import type { Scope } from "@/server/domain/scope";

export function scopeSql(scope: Scope, column: Prisma.Sql = Prisma.sql`t.category_id`): Prisma.Sql | null {
  if (scope.all) return null;
  return Prisma.sql`${column} = ANY(${scope.categoryIds}::int[])`;
}

/** `AND <scope>` or nothing, for statements that already have a WHERE. */
export function andScope(scope: Scope, column?: Prisma.Sql): Prisma.Sql {
  const s = scopeSql(scope, column);
  return s ? Prisma.sql` AND ${s}` : Prisma.empty;
}
