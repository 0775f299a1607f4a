// The language of an incoming mail, for the answers we send and the tickets it opens.
import type { ParsedMail } from "./parse-mail";

/** Russian when the mail has Cyrillic in it; the ticket's mails go out in that language. */
export const guessLocale = (p: Pick<ParsedMail, "subject" | "text">) => (/[А-Яа-яЁё]/.test(`${p.subject}\n${p.text.slice(0, 4000)}`) ? "ru" : "en");
