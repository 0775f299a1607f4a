// First-start data: the four statuses of the legacy product and one category. Idempotent:
// runs after every migration pass and only fills what is missing.
import type { Db } from "@/server/db/client";

export const SEEDED_STATUSES = [
  { key: "new", nameRu: "Новая", nameEn: "New", color: "#2563eb", isDefault: true, isClosed: false, sortOrder: 10 },
  { key: "in_progress", nameRu: "В работе", nameEn: "In progress", color: "#d97706", isDefault: false, isClosed: false, sortOrder: 20 },
  { key: "waiting", nameRu: "Ожидает ответа клиента", nameEn: "Waiting for customer", color: "#7c3aed", isDefault: false, isClosed: false, sortOrder: 30 },
  { key: "closed", nameRu: "Закрыта", nameEn: "Closed", color: "#16a34a", isDefault: false, isClosed: true, sortOrder: 40 },
];

export async function seedDefaults(db: Db) {
  if ((await db.status.count()) === 0) {
    await db.status.createMany({ data: SEEDED_STATUSES, skipDuplicates: true });
  }
  if ((await db.category.count()) === 0) {
    await db.category.create({ data: { nameRu: "Общие вопросы", nameEn: "General", sortOrder: 10 } });
  }
}
