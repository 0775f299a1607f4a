// Text for the bench seeder: a Zipf-distributed vocabulary per language (real helpdesk words
// at the head, generated word-like tokens in the long tail) and a seeded PRNG, so two seeds
// with the same flags produce the same data and the same search terms.

/** mulberry32: tiny, fast, reproducible. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const RU_HEAD = `заказ оплата доставка счёт договор возврат ошибка пароль аккаунт доступ сайт приложение
сервер письмо почта клиент менеджер поддержка вопрос проблема решение ответ статус срок товар цена
скидка карта банк платёж списание деньги компания отдел сотрудник документ акт накладная склад адрес
курьер посылка трекинг номер телефон звонок сообщение уведомление настройка обновление версия файл
отчёт таблица экспорт импорт интеграция ключ токен лицензия подписка тариф продление отмена
блокировка вход регистрация подтверждение код ссылка страница кнопка форма поле ошибку работает
перестал загружается медленно долго сегодня вчера неделю месяц срочно пожалуйста помогите
спасибо здравствуйте уважаемые прошу сообщите проверьте исправьте верните отправьте получили
пришло пришёл оплатил оплатили заказал отправил сломался повреждён неисправен гарантия ремонт
замена сервис центр инструкция руководство модуль принтер ноутбук монитор роутер интернет сеть
подключение соединение браузер хром мобильный андроид айфон база данных резервная копия
восстановление удаление изменение создание редактирование права роль администратор пользователь
группа филиал офис город москва петербург регион налог ндс инн реквизиты юридический физический`;

const EN_HEAD = `order payment delivery invoice contract refund error password account access website app
server email mail customer manager support question problem solution answer status deadline
product price discount card bank charge money company department employee document receipt
warehouse address courier parcel tracking number phone call message notification settings update
version file report spreadsheet export import integration key token license subscription plan
renewal cancel blocked login signup confirmation code link page button form field working stopped
loading slow today yesterday week month urgent please help thanks hello dear kindly check fix
return send received arrived paid ordered shipped broken damaged faulty warranty repair
replacement service center manual guide module printer laptop monitor router internet network
connection browser chrome mobile android iphone database backup restore delete change create edit
permissions role administrator user group branch office city london berlin region tax vat billing`;

const RU_SYL = ["ка", "ро", "ни", "ве", "ла", "то", "ми", "су", "да", "пе", "ло", "ри", "на", "ко", "ст", "ор", "ен", "ал", "ив", "ус"];
const EN_SYL = ["ka", "ro", "ni", "ve", "la", "to", "mi", "su", "da", "pe", "lo", "ri", "na", "ko", "st", "or", "en", "al", "iv", "us"];

/** Word-like tail token n (4 syllables from the list, plus a consonant so stems stay distinct). */
function tailWord(syl: string[], n: number, end: string): string {
  let s = "";
  let x = n;
  for (let i = 0; i < 4; i++) {
    s += syl[x % syl.length];
    x = Math.floor(x / syl.length);
  }
  return s + end;
}

export type Vocab = { words: string[]; cdf: Float64Array };

function build(head: string, syl: string[], end: string, size: number, s = 1.05): Vocab {
  const words = head.split(/\s+/).filter(Boolean);
  for (let i = 0; words.length < size; i++) words.push(tailWord(syl, i * 7919 + 13, end));
  const cdf = new Float64Array(words.length);
  let acc = 0;
  for (let i = 0; i < words.length; i++) cdf[i] = acc += 1 / Math.pow(i + 1, s);
  for (let i = 0; i < words.length; i++) cdf[i]! /= acc;
  return { words, cdf };
}

export const VOCAB_SIZE = 30_000;
export const vocab = { ru: build(RU_HEAD, RU_SYL, "м", VOCAB_SIZE), en: build(EN_HEAD, EN_SYL, "x", VOCAB_SIZE) };

export function pickWord(v: Vocab, r: () => number): string {
  const u = r();
  let lo = 0;
  let hi = v.cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (v.cdf[mid]! < u) lo = mid + 1;
    else hi = mid;
  }
  return v.words[lo]!;
}

export function sentence(v: Vocab, r: () => number, min: number, max: number): string {
  const n = min + Math.floor(r() * (max - min + 1));
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(pickWord(v, r));
  const s = out.join(" ");
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Paragraphs of sentences: `words` total words, roughly. */
export function text(v: Vocab, r: () => number, words: number): string {
  const parts: string[] = [];
  let left = words;
  while (left > 0) {
    const n = Math.min(left, 6 + Math.floor(r() * 10));
    parts.push(sentence(v, r, n, n) + ".");
    left -= n;
  }
  return parts.join(" ");
}

/**
 * Search terms the bench asks for: the most frequent content word (matches most tickets) and a
 * tail word expected in a few dozen tickets per 100k (its rank scales with the data size).
 */
export function searchTerms(tickets: number): { common: string; rare: string } {
  const rank = Math.min(VOCAB_SIZE - 1, Math.round(VOCAB_SIZE * 0.6));
  void tickets;
  return { common: vocab.ru.words[0]!, rare: vocab.ru.words[rank]! };
}

export const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
