// A deterministic Patchesoft data set for the importer's tests: the same seed gives the same
// rows. Cyrillic in every text field, some of it double-encoded (written through a latin1
// connection, see services/import/patchesoft/mojibake.ts), zero dates, replies whose ticket
// is gone, tickets of deleted users, guests, invalid addresses, files on disk (some missing),
// priorities, a three-level category tree and custom field values (mariadb-patchesoft-fields.ts).
import fsp from "node:fs/promises";
import path from "node:path";
import bcrypt from "bcryptjs";
import type { Connection } from "mysql2/promise";
import { PATCHESOFT_DDL, PATCHESOFT_ROLES } from "./mariadb-patchesoft-ddl";
import { doubleEncode } from "@/server/services/import/patchesoft/mojibake";
import { phpassPortable } from "@/server/auth/legacy-password";
import { rng } from "@/bench/vocab";
import { categoryOf, fieldValues, loadCategoriesAndFields, priorityOf } from "./mariadb-patchesoft-fields";

/** `firstTicketId`: where the ticket numbers start (an e2e database already has low numbers) */
export type DataSetOptions = { tickets: number; repliesPerTicket?: number; filesDir: string; firstTicketId?: number };
export const STAFF = 6;
export const KNOWN_PASSWORD = "Старый-пароль-1";
export const TICKET_STRING = "## Номер заявки:";
export const TICKET_TITLE = "Служба поддержки";

const FIRST = ["Иван", "Мария", "Пётр", "Ольга", "Сергей", "Анна", "Юрий", "Елена"];
const LAST = ["Иванов", "Петрова", "Сидоров", "Смирнова", "Козлов", "Орлова"];
const THINGS = ["принтер", "почта", "счёт", "доставка", "пароль", "сеть", "отчёт"];

export type DataSet = {
  tickets: number;
  ticketIds: number[];
  maxTicketId: number;
  replies: number;
  orphanReplies: number;
  files: number;
  missingFiles: number;
  customers: number;
  invalidEmails: number;
  deletedUserIds: number[];
  guestEmails: string[];
  notes: number;
  zeroDateTickets: number;
  /** customer with a bcrypt ($2a$) hash of KNOWN_PASSWORD, and one with a portable phpass ($P$) hash */
  bcryptUser: string;
  phpassUser: string;
  /** a "Ticket Manager" (Patchesoft role 7) with a bcrypt hash of KNOWN_PASSWORD */
  managerUser: string;
  fieldValues: number;
  invalidFieldValues: number;
};

const mb = (i: number, n: number, s: string) => (i % n === 0 ? doubleEncode(s) : s);

async function insert(c: Connection, table: string, cols: string[], rows: unknown[][]) {
  for (let i = 0; i < rows.length; i += 2000) {
    await c.query(`INSERT INTO ${table} (${cols.join(", ")}) VALUES ?`, [rows.slice(i, i + 2000)]);
  }
}

async function users(c: Connection, customers: number) {
  await insert(c, "user_roles", ["ID", "name", "admin", "banned", "ticket_manager", "ticket_worker", "client", "admin_members"],
    PATCHESOFT_ROLES.map(([id, name, f]) => [id, name, f.admin ?? 0, f.banned ?? 0, f.ticket_manager ?? 0, f.ticket_worker ?? 0, f.client ?? 0, f.admin_members ?? 0]));
  const bcryptHash = bcrypt.hashSync(KNOWN_PASSWORD, bcrypt.genSaltSync(4)).replace(/^\$2b\$/, "$2a$");
  const portable = phpassPortable(KNOWN_PASSWORD, "$P$7abcdefgh")!;
  const rows: unknown[][] = [];
  let invalid = 0;
  for (let id = 1; id <= STAFF + customers; id++) {
    const staff = id <= STAFF;
    const role = id === 1 ? 1 : staff ? (id <= 3 ? 7 : 8) : id % 97 === 0 ? 6 : 10;
    const bad = !staff && (id % 400 === 0 || id === STAFF + 13);
    if (bad) invalid++;
    const email = bad ? `не-адрес-${id}` : staff ? `agent${id}@old.example` : `client${id}@mail.example`;
    const hash = id === STAFF + 2 ? portable : bcryptHash;
    const first = staff ? "Оператор" : FIRST[id % FIRST.length]!;
    rows.push([id, email, hash, `user${id}`, mb(id, 7, first), mb(id, 7, LAST[id % LAST.length]!), 1_400_000_000 + id, role, 1]);
  }
  await insert(c, "users", ["ID", "email", "password", "username", "first_name", "last_name", "joined", "user_role", "active"], rows);
  return { invalid, bcryptUser: `client${STAFF + 1}@mail.example`, phpassUser: `client${STAFF + 2}@mail.example` };
}

async function taxonomy(c: Connection) {
  await loadCategoriesAndFields(c, insert, mb);
  // a latin1 table can hold Cyrillic only double-encoded: that is how such installs have it
  const statuses = [[1, "Новая", 0], [2, "В работе", 0], [3, "Ждём клиента", 0], [4, "Закрыта", 1]] as const;
  await insert(c, "custom_statuses", ["ID", "name", "color", "`close`", "text_color"], statuses.map(([id, n, cl]) => [id, doubleEncode(n), "79d7ef", cl, "FFFFFF"]));
}

function ticketRow(i: number, customers: number, deleted: number[]) {
  const thing = THINGS[i % THINGS.length]!;
  const guest = i % 10 === 0;
  let userid = guest ? 0 : STAFF + 1 + (i % customers);
  if (!guest && i % 250 === 5) {
    userid = STAFF + customers + 1 + (i % 50);
    deleted.push(userid);
  }
  const ts = i % 500 === 0 || i === 42 ? 0 : 1_500_000_000 + i * 600;
  const status = 1 + (i % 4);
  const body = i % 50 === 0 ? `<p>Не работает ${thing}</p><script>alert("xss")</script><img src="http://tracker.example/p.gif">` : `<p>Здравствуйте! У нас не работает ${thing}, заявка ${i}.</p>`;
  return [i, mb(i, 9, `Проблема: ${thing} №${i}`), mb(i, 9, body), userid, i % 3 === 0 ? 2 + (i % 5) : 0, ts, categoryOf(i), status, priorityOf(i),
    ts + 3600, userid, i % 5 === 0 ? mb(i, 2, `Внутренняя заметка по заявке ${i}`) : "", `hash${i}`, guest ? `guest${i}@mail.example` : "", guest ? "pl41nText" : "",
    "", i % 7 === 0 ? 1 + (i % 5) : 0, ts ? "01-1-2018" : "0000-00-00", status === 4 ? "02-1-2018" : "", 0, 0, status === 4 && ts ? ts + 7200 : 0];
}

const TICKET_COLS = ["ID", "title", "body", "userid", "assignedid", "timestamp", "categoryid", "status", "priority", "last_reply_timestamp",
  "last_reply_userid", "notes", "message_id_hash", "guest_email", "guest_password", "last_reply_string", "rating", "ticket_date",
  "close_ticket_date", "archived", "public", "close_timestamp"];

/** Creates the tables and fills them; the files go to `filesDir`. */
export async function loadPatchesoftDataSet(c: Connection, o: DataSetOptions): Promise<DataSet> {
  const rand = rng(17);
  const per = o.repliesPerTicket ?? 5;
  const customers = Math.max(40, Math.round(o.tickets / 5));
  for (const ddl of PATCHESOFT_DDL) await c.query(ddl);
  const u = await users(c, customers);
  await taxonomy(c);
  const tickets: unknown[][] = [];
  const ticketIds: number[] = [];
  const gone: number[] = [];
  const deleted: number[] = [];
  for (let id = o.firstTicketId ?? 1; ticketIds.length < o.tickets; id++) {
    if (id % 101 === 0) {
      gone.push(id);
      continue;
    }
    tickets.push(ticketRow(id, customers, deleted));
    ticketIds.push(id);
  }
  await insert(c, "tickets", TICKET_COLS, tickets);
  const replies: unknown[][] = [];
  const files: unknown[][] = [];
  let missing = 0;
  await fsp.mkdir(o.filesDir, { recursive: true });
  for (const [n, t] of tickets.entries()) {
    const tid = t[0] as number;
    for (let k = 0; k < per; k++) {
      const rid = replies.length + 1;
      const staff = k % 2 === 1;
      const ts = rid % 1000 === 0 ? 0 : (t[5] as number) + (k + 1) * 900 + Math.floor(rand() * 60);
      replies.push([rid, tid, staff ? 2 + (rid % 5) : t[3], mb(rid, 11, staff ? `<p>Ответ специалиста №${rid}: проверьте ${THINGS[rid % 7]}.</p>` : `<p>Спасибо, жду. Ответ №${rid}</p>`), ts, 0, 0, ""]);
      if (k === 0 && n % 20 === 0) {
        const name = `${(tid * 2654435761 >>> 0).toString(16)}${tid}.txt`;
        if (files.length % 10 === 9) missing++;
        else await fsp.writeFile(path.join(o.filesDir, name), `Вложение к заявке ${tid}\n`);
        files.push([files.length + 1, tid, name, "text/plain", ".txt", "1", ts, rid, t[3]]);
      }
    }
  }
  for (const g of gone) replies.push([replies.length + 1, g, 2, "<p>Ответ на удалённую заявку</p>", 1_500_000_000, 0, 0, ""]);
  await insert(c, "ticket_replies", ["ID", "ticketid", "userid", "body", "timestamp", "replyid", "files", "hash"], replies);
  await insert(c, "ticket_files", ["ID", "ticketid", "upload_file_name", "file_type", "extension", "file_size", "timestamp", "replyid", "userid"], files);
  await insert(c, "ticket_history", ["ticketid", "userid", "message", "timestamp"], tickets.map((t) => [t[0], 0, "Заявка создана", t[5]]));
  const values = fieldValues(ticketIds);
  await insert(c, "ticket_user_custom_fields", ["fieldid", "ticketid", "value", "itemname", "support", "error"], values.rows.map((v) => [...v, "", 0, ""]));
  await extras(c);
  return {
    tickets: ticketIds.length, ticketIds, maxTicketId: ticketIds[ticketIds.length - 1]!, replies: ticketIds.length * per, orphanReplies: gone.length,
    files: files.length - missing, missingFiles: missing, customers, invalidEmails: u.invalid, deletedUserIds: [...new Set(deleted)],
    guestEmails: tickets.filter((t) => t[3] === 0).map((t) => t[13] as string), notes: tickets.filter((t) => t[11] !== "").length,
    zeroDateTickets: tickets.filter((t) => t[5] === 0).length, bcryptUser: u.bcryptUser, phpassUser: u.phpassUser, managerUser: "agent2@old.example",
    fieldValues: values.rows.length - values.invalid, invalidFieldValues: values.invalid,
  };
}

async function extras(c: Connection) {
  await insert(c, "canned_responses", ["title", "body"], [1, 2, 3].map((i) => [mb(i, 2, `Шаблон ${i}`), `<p>Добрый день! Шаблонный ответ ${i}.</p>`]));
  await insert(c, "knowledge_categories", ["ID", "name", "description", "image", "parent_category"], [[1, "Справка", "<p>Основное</p>", "", 0], [2, "Принтеры", "<p>Всё о печати</p>", "", 1]]);
  await insert(c, "knowledge_articles", ["title", "body", "userid", "timestamp", "catid", "last_updated_timestamp", "useful_yes", "useful_total"],
    [1, 2, 3].map((i) => [mb(i, 2, `Как настроить ${THINGS[i]}`), `<p>Шаг ${i}: откройте <b>настройки</b>, <i>затем</i> <a href="https://help.example/${i}">справку</a>.</p><ul><li>команда <code>lpstat</code></li><li>перезапуск</li></ul><script>alert(1)</script>`, 1, 1_500_000_000, 1 + (i % 2), 0, 0, 0]));
  await insert(c, "faq_categories", ["ID", "name", "description"], [[1, doubleEncode("Частые вопросы"), doubleEncode("Ответы")]]);
  await insert(c, "faq", ["question", "answer", "catid"], [1, 2].map((i) => [doubleEncode(`Вопрос ${i}?`), doubleEncode(`Ответ ${i}.`), 1]));
  await c.query("INSERT INTO site_settings SET ?", [{
    site_name: "Поддержка", site_email: "support@old.example", upload_path: "/var/www/uploads", file_types: "gif|png|jpg|txt|pdf", file_size: 2048,
    enable_ticket_uploads: 1, enable_ticket_guests: 1, enable_ticket_edit: 0, require_login: 0, protocol: 1, protocol_path: "imap.old.example:993",
    protocol_email: "support@old.example", protocol_password: "пароль-imap", ticket_title: TICKET_TITLE, protocol_ssl: 1, ticket_rating: 1,
    default_category: 1, imap_ticket_string: TICKET_STRING, imap_reply_string: "## - Ответьте выше этой строки - ##", ticket_note_close: 1,
    default_status: 1, close_ticket_reply: 0, disable_cert: 1, staff_status: 2, client_status: 3,
  }]);
}
