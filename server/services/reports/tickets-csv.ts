// ticket.exportCsv: the staff queue (same filters, same SQL) as CSV, with the priority,
// category (parent / child) and one column per custom field (issue 15.1–15.3). Bounded: at most
// EXPORT_MAX rows, read in keyset pages, so an export never holds a million tickets in memory.
import type { Actor } from "@/server/domain/actor";
import { formatFieldValue, type FieldValues } from "@/server/domain/tickets/custom-fields";
import { db } from "@/server/db/client";
import { listQueue, type QueueFilter } from "@/server/services/tickets/list-queue";
import { loadFieldDefs } from "@/server/services/tickets/field-defs";
import { csvLine } from "./csv-cell";

export const EXPORT_MAX = 5000;
const HEAD = {
  en: ["Number", "Title", "Status", "Priority", "Category", "Requester", "Requester email", "Assignee", "Created", "Last activity"],
  ru: ["Номер", "Тема", "Статус", "Приоритет", "Категория", "Клиент", "Email клиента", "Исполнитель", "Создана", "Последняя активность"],
};

export async function ticketsCsv(actor: Actor, filter: Omit<QueueFilter, "cursor" | "limit">, locale: "ru" | "en") {
  const [defs, cats] = await Promise.all([loadFieldDefs(db(), { includeArchived: true }), db().category.findMany({ select: { id: true, parentId: true, nameRu: true, nameEn: true } })]);
  const cat = new Map(cats.map((c) => [c.id, c]));
  const catName = (id: number) => {
    const c = cat.get(id);
    const own = (x: typeof c) => (x ? (locale === "ru" ? x.nameRu : x.nameEn) : "");
    return c?.parentId ? `${own(cat.get(c.parentId))} / ${own(c)}` : own(c);
  };
  const lines: unknown[][] = [[...HEAD[locale], ...defs.map((d) => d.name[locale])]];
  let cursor: string | null = null;
  let truncated = false;
  do {
    const page: Awaited<ReturnType<typeof listQueue>> = await listQueue(actor, { ...filter, cursor, limit: 100 });
    for (const t of page.items) {
      const values = (t.customFields ?? {}) as FieldValues;
      lines.push([
        t.number, t.title, t.status.name[locale], t.priority.name[locale], catName(t.category.id), t.requester.name, t.requester.email,
        t.assignee?.name ?? "", t.createdAt.toISOString(), t.lastActivityAt.toISOString(),
        ...defs.map((d) => formatFieldValue(d, values[String(d.id)], locale)),
      ]);
    }
    cursor = page.nextCursor;
    if (lines.length > EXPORT_MAX && cursor) truncated = true;
  } while (cursor && !truncated);
  return { fileName: `tickets-${new Date().toISOString().slice(0, 10)}.csv`, csv: lines.map(csvLine).join("\r\n") + "\r\n", rows: lines.length - 1, truncated };
}
