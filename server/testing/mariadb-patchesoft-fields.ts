// The ticket model part of the Patchesoft test data set (issue 17 after #15/#16): a category
// tree three levels deep, custom fields of every Patchesoft type (0 text, 1 textarea, 2
// checkboxes, 3 radio, 4 select) with category links, and their values — a few of them invalid
// (an option the field does not have, text longer than a text field holds, a deleted field).
import type { Connection } from "mysql2/promise";
import { doubleEncode } from "@/server/services/import/patchesoft/mojibake";

type Insert = (c: Connection, table: string, cols: string[], rows: unknown[][]) => Promise<void>;

/** id, name, parent, no_tickets: "Техподдержка" takes no tickets itself; "Лазерные принтеры" is a third level */
export const CATEGORIES = [
  [1, "Общие вопросы", 0, 0], [2, "Оплата", 0, 0], [3, "Техподдержка", 0, 1], [4, "Доставка", 0, 0],
  [5, "Принтеры", 3, 0], [6, "Сеть", 3, 0], [7, "Лазерные принтеры", 5, 0],
] as const;
/** the categories tickets go to (never "Техподдержка", which takes none) */
const TICKET_CATS = [1, 2, 4, 5, 6, 7];
export const categoryOf = (i: number) => TICKET_CATS[i % TICKET_CATS.length]!;
/** Patchesoft priority numbers: 0 low … 3 urgent, and a 4 its views never had (a priority of its own here) */
export const priorityOf = (i: number) => i % 5;

/** id, name, type, options, required, all_cats, hide_clientside, categories */
export const FIELDS: Array<[number, string, number, string, number, number, number, number[]]> = [
  [1, "Номер договора", 0, "", 0, 1, 0, []],
  [2, "Модель устройства", 0, "", 0, 0, 0, [5]],
  [3, "Описание проблемы", 1, "", 1, 1, 0, []],
  [4, "Срочность", 4, "Низкая,Средняя,Высокая", 0, 1, 0, []],
  [5, "Способ связи", 3, "Телефон, Почта", 0, 1, 0, []],
  [6, "Затронутые системы", 2, "Почта,Сеть,Печать", 0, 1, 0, []],
  [7, "Согласие на удалённый доступ", 2, "Да", 0, 1, 0, []],
  // linked to two top-level categories: one category field here cannot say that → every category
  [8, "Внутренний код", 0, "", 0, 0, 1, [1, 2]],
];
export const LEVELS = ["Низкая", "Средняя", "Высокая"];

export async function loadCategoriesAndFields(c: Connection, insert: Insert, mb: (i: number, n: number, s: string) => string) {
  await insert(c, "ticket_categories", ["ID", "name", "description", "cat_parent", "image", "no_tickets", "auto_assign"],
    CATEGORIES.map(([id, name, parent, none]) => [id, mb(id, 4, name), `<p>Категория «${name}»</p>`, parent, "", none, 0]));
  await insert(c, "ticket_custom_fields", ["ID", "name", "type", "options", "help_text", "required", "all_cats", "hide_clientside"],
    FIELDS.map(([id, name, type, options, req, all, hide]) => [id, id === 6 ? doubleEncode(name) : name, type, options, id === 1 ? "Например, Д-123" : "", req, all, hide]));
  await insert(c, "ticket_custom_field_cats", ["fieldid", "catid"], FIELDS.flatMap(([id, , , , , , , cats]) => cats.map((cat) => [id, cat])));
}

/** Source values per ticket: [fieldid, ticketid, value]; `invalid` counts those that cannot be stored in their field. */
export function fieldValues(ticketIds: number[]) {
  const rows: Array<[number, number, string]> = [];
  let invalid = 0;
  for (const id of ticketIds) {
    if (id % 3 === 0) rows.push([1 + (id % 2), id, `Д-${id}-значение`]);
    if (id % 4 === 0) rows.push([4, id, id % 40 === 0 ? "Критическая" : LEVELS[id % 3]!]);
    if (id % 6 === 0) rows.push([5, id, "Почта"]);
    if (id % 5 === 0) rows.push([6, id, "Почта, Печать"]);
    if (id % 7 === 0) rows.push([7, id, "Да"]);
    if (id % 11 === 0) rows.push([3, id, `<p>Подробно: <b>не печатает</b> заявка ${id}</p>`]);
    if (id % 13 === 0) rows.push([8, id, id % 130 === 0 ? "код ".repeat(200) : `К-${id}`]);
    if (id % 150 === 0) rows.push([99, id, "значение удалённого поля"]);
    invalid += [40, 130, 150].filter((n) => id % n === 0).length;
  }
  return { rows, invalid };
}
