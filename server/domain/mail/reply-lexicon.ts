// The words mail clients write around a quote or a forward, in the languages our customers use
// (en, ru, uk, de, fr, es, it, pt, nl, da, nb, sv, fi, pl, cs, tr, ja, zh, ko, vi). Gathered
// from the clients' own localized reply/forward formats (Gmail, Outlook, Apple Mail,
// Thunderbird, Yandex, Mail.ru). Kept apart from the line logic so a language is one edit here.
// Every list is used inside a larger regex: alternatives only, no groups that capture.

/** "---------- Forwarded message ----------" and its translations: the separator line's words. */
export const FORWARD_SEPARATOR_WORDS = [
  "forwarded message", "weitergeleitete nachricht", "message transféré", "mensaje reenviado", "messaggio inoltrato",
  "mensagem encaminhada", "mensagem reencaminhada", "doorgestuurd bericht", "videresendt besked", "videresendt melding",
  "vidarebefordrat meddelande", "välitetty viesti", "przekazana wiadomość", "wiadomość przekazana dalej", "přeposlaná zpráva",
  "yönlendirilen ileti", "iletilen ileti", "İletilen ileti", "пересылаемое сообщение", "пересланное сообщение", "переадресованное сообщение",
  "начало переадресованного сообщения", "пересланий лист", "переслане повідомлення", "転送メッセージ", "転送されたメッセージ",
  "转发的邮件", "轉寄的郵件", "전달된 메일", "전달된 메시지", "thư đã chuyển tiếp", "thư được chuyển tiếp",
].join("|");

/** "-----Original Message-----": a quote when replying, a forward when the subject says so. */
export const ORIGINAL_SEPARATOR_WORDS = [
  "original message", "ursprüngliche nachricht", "original-nachricht", "mensaje original", "message d'origine",
  "messaggio originale", "oorspronkelijk bericht", "mensagem original", "wiadomość oryginalna", "oryginalna wiadomość",
  "původní zpráva", "opprinnelig melding", "oprindelig meddelelse", "ursprungligt meddelande", "alkuperäinen viesti",
  "orijinal ileti", "özgün ileti", "özgün İleti", "orijinal İleti", "исходное сообщение", "оригинальное сообщение", "вихідне повідомлення",
  "оригінальне повідомлення", "元のメッセージ", "原始邮件", "原始郵件", "원본 메시지", "thư gốc",
].join("|");

/** Apple Mail's "Begin forwarded message:" line (a whole line ending in a colon). */
export const BEGIN_FORWARD_PHRASES = [
  "begin forwarded message", "anfang der weitergeleiteten nachricht", "début du message réexpédié", "début du message transféré",
  "inicio del mensaje reenviado", "inizio messaggio inoltrato", "início da mensagem reencaminhada", "início da mensagem encaminhada",
  "begin doorgestuurd bericht", "start på videresendt besked", "start på videresendt melding", "videresendt melding",
  "vidarebefordrat mejl", "början på vidarebefordrat meddelande", "välitetty viesti alkaa", "początek przekazywanej wiadomości",
  "začátek přeposlané zprávy", "iletilen ileti başlangıcı", "İletilen ileti başlangıcı", "начало переадресованного сообщения", "начало пересылаемого сообщения",
  "початок пересланого листа", "початок листа, що пересилається", "転送されたメッセージ", "以下是转发的邮件", "转发的邮件",
  "轉寄的郵件", "전달된 메시지", "bắt đầu tin nhắn được chuyển tiếp",
].join("|");

/** Subject prefixes that mark the whole mail as a forward ("Fwd:", "WG:", "TR:", "ПЕРЕСЛ:" …). */
export const FORWARD_SUBJECT = new RegExp(
  "^\\s*(?:\\[[^\\]]{0,40}\\]\\s*)?(?:fwd?|fw|wg|tr|rv|enc|i|doorst|vs|vb|vl|vid|pd|ilt|İlt|pf|přeposlat|转发|轉寄|転送|전달|" +
    "пересл|переслать|пер|fwd?)\\s*(?:\\[\\d+\\])?\\s*[:：]",
  "iu",
);

/**
 * "VS:" is a forward in Danish and Norwegian (videresendt) but a reply in Finnish (vastaus):
 * with Finnish header labels it is a reply.
 */
export const FINNISH_REPLY = { subject: /^\s*vs\s*:/i, header: /^[ \t*]*(?:lähettäjä|lähetetty|vastaanottaja|aihe)[ \t]*:/i };

/** Labels of the From/Sent/To/Subject block (Outlook, Gmail forwards, Mail.ru, Yandex). */
export const HEADER_KEYS = [
  "from", "sent", "to", "cc", "bcc", "subject", "date", "reply-to", "sent date",
  "von", "gesendet", "an", "betreff", "datum", "kopie",
  "de", "envoyé", "envoyé le", "à", "objet", "cc",
  "enviado", "enviado el", "enviada em", "para", "asunto", "fecha", "assunto", "data",
  "da", "inviato", "a", "oggetto", "risposta",
  "van", "verzonden", "aan", "onderwerp",
  "fra", "sendt", "til", "emne", "dato",
  "från", "skickat", "till", "ämne", "kopia",
  "lähettäjä", "lähetetty", "vastaanottaja", "aihe", "kopio", "päivämäärä",
  "od", "wysłano", "do", "temat", "wysłane",
  "odesláno", "komu", "předmět", "datum odeslání",
  "kimden", "gönderildi", "gönderilme", "kime", "konu", "tarih", "bilgi",
  "от", "от кого", "отправлено", "кому", "тема", "дата", "копия", "ответить",
  "від", "надіслано", "відправлено",
  "差出人", "送信日時", "宛先", "件名", "日付", "送信者",
  "发件人", "发送时间", "收件人", "主题", "抄送", "日期", "寄件者", "傳送時間", "收件者", "主旨", "副本",
  "보낸 사람", "보낸 날짜", "받는 사람", "제목", "참조", "날짜",
  "từ", "đã gửi", "đến", "chủ đề", "ngày", "gửi",
].map((k) => k.replace(/[-\s]/g, (c) => (c === "-" ? "-" : "[ \\t\\u00a0]"))).join("|");

/** The verb of an attribution line ("wrote", "schrieb", "пишет", "đã viết", "写道" …). */
export const ATTRIBUTION_VERBS = [
  "wrote", "writes", "sent", "schrieb", "geschrieben", "schreef", "a écrit", "escribió", "escreveu", "ha scritto", "scrisse",
  "skrev", "napisał\\(a\\)", "napisała", "napisał", "pisze", "napsal\\(a\\)", "napsala", "napsal", "kirjoitti", "yazdı",
  "написал\\(а\\)", "написала", "написал", "пишет", "написав\\(ла\\)", "написав", "написала", "пише", "írta",
  "đã viết", "写道", "寫道", "のメッセージ", "のメール", "書きました", "작성", "님이 작성",
].join("|");

/** Words an attribution may begin with, besides a digit, a weekday or a name with an address. */
export const ATTRIBUTION_STARTS = [
  "on", "am", "le", "el", "em", "il", "il giorno", "op", "den", "dnia", "w dniu", "at", "dne", "в", "во", "på", "vào",
  "ngày", "在", "於", "于",
].join("|");

/** Weekdays other than English ("понедельник,", "pon.,"): only with a dot, comma or day number after them. */
export const WEEKDAYS_LONG = [
  "понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье",
  "понеділок", "вівторок", "середа", "четвер", "пʼятниця", "субота", "неділя", "pon", "śr", "czw", "sob", "niedz",
  "pzt", "sal", "çar", "per", "cum", "cmt", "paz", "lun", "mar", "mer", "mié", "jeu", "jue", "ven", "vie", "sáb", "dom", "seg", "ter",
  "qua", "qui", "sex", "man", "tir", "ons", "tor", "fre", "lør", "søn", "mån", "tis", "lör", "sön",
].join("|");

/** Two-letter weekdays ("ma 6. lokak.", "пн, 6 окт."): only with a dot, comma or day number after them. */
export const WEEKDAYS_SHORT = [
  "пн", "вт", "ср", "чт", "пт", "сб", "вс", "ma", "ti", "ke", "to", "pe", "la", "su", "wt", "pt", "po", "út", "st", "čt", "pá", "so", "ne",
  "mo", "di", "mi", "do", "fr", "sa", "zo", "wo", "th",
].join("|");
