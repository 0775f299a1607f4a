// Small shared reads used by several ticket use-cases.
import type { Db, Tx } from "@/server/db/client";
import { badRequest } from "@/server/domain/errors";

export async function defaultStatus(tx: Db | Tx) {
  const s = (await tx.status.findFirst({ where: { isDefault: true } })) ?? (await tx.status.findFirst({ where: { isClosed: false }, orderBy: { sortOrder: "asc" } }));
  if (!s) throw new Error("No statuses configured");
  return s;
}

export async function activeCategory(tx: Db | Tx, id: number) {
  const c = await tx.category.findUnique({ where: { id } });
  if (!c || c.archivedAt) throw badRequest("UNKNOWN_CATEGORY");
  return c;
}

export async function statusById(tx: Db | Tx, id: number) {
  const s = await tx.status.findUnique({ where: { id } });
  if (!s) throw badRequest("UNKNOWN_STATUS");
  return s;
}
