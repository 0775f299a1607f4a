// First-start data: the four statuses of the legacy product and one category. Idempotent:
// runs after every migration pass and only fills what is missing.
import type { Db } from "@/server/db/client";

export const SEEDED_STATUSES = [
  { key: "new", nameRu: "Новая", nameEn: "New", color: "#2563eb", isDefault: true, isClosed: false, sortOrder: 10 },
  { key: "in_progress", nameRu: "В работе", nameEn: "In progress", color: "#d97706", isDefault: false, isClosed: false, sortOrder: 20 },
  { key: "waiting", nameRu: "Ожидает ответа клиента", nameEn: "Waiting for customer", color: "#7c3aed", isDefault: false, isClosed: false, sortOrder: 30 },
  { key: "closed", nameRu: "Закрыта", nameEn: "Closed", color: "#16a34a", isDefault: false, isClosed: true, sortOrder: 40 },
];

/** Same rows as migration 0015 seeds (a TRUNCATE in tests or a wiped table gets them back). */
export const SEEDED_PRIORITIES = [
  { key: "low", nameRu: "Низкий", nameEn: "Low", color: "#64748b", isDefault: false, isUrgent: false, sortOrder: 10 },
  { key: "normal", nameRu: "Обычный", nameEn: "Normal", color: "#2563eb", isDefault: true, isUrgent: false, sortOrder: 20 },
  { key: "high", nameRu: "Высокий", nameEn: "High", color: "#d97706", isDefault: false, isUrgent: false, sortOrder: 30 },
  { key: "urgent", nameRu: "Срочный", nameEn: "Urgent", color: "#dc2626", isDefault: false, isUrgent: true, sortOrder: 40 },
];

export async function seedDefaults(db: Db) {
  if ((await db.priority.count()) === 0) {
    await db.priority.createMany({ data: SEEDED_PRIORITIES, skipDuplicates: true });
  }
  if ((await db.status.count()) === 0) {
    await db.status.createMany({ data: SEEDED_STATUSES, skipDuplicates: true });
  }
  if ((await db.category.count()) === 0) {
    await db.category.create({ data: { nameRu: "Общие вопросы", nameEn: "General", sortOrder: 10 } });
  }
}
