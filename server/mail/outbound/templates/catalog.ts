// Which notification templates exist, which placeholders each may use, and sample values for
// the live preview and the tests. The texts themselves are in ./en.ts and ./ru.ts.
import type { TemplateVars } from "../render";
import { safeHtml } from "../render";
import { TEMPLATE_KEYS, type TemplateKey, type TemplateLocale } from "@/server/domain/mail/template-keys";


export type TemplateText = { subject: string; text: string; html: string };

const common = ["site.name", "link"];
const ticket = ["ticket.number", "ticket.title", "ticket.status", "customer.name"];

export const PLACEHOLDERS: Record<TemplateKey, readonly string[]> = {
  "ticket.created": [...common, ...ticket, "ticket.text", "password.link", "reply.accepted"],
  "reply.staff": [...common, ...ticket, "agent.name", "reply.text", "attachments"],
  "ticket.closed": [...common, ...ticket, "agent.name", "rating.link", "reply.reopens", "reply.adds", "reply.refused", "newticket.link"],
  "reply.refused": [...common, "ticket.number", "ticket.title", "customer.name", "original.subject", "reason.closed", "reason.unknownSender", "reason.loginRequired", "reason.guestsDisabled"],
  "account.set-password": [...common, "user.name", "user.email"],
  "password.reset": [...common, "user.name", "user.email"],
  "agent.invite": [...common, "user.name", "user.email", "agent.name"],
  "staff.new-ticket": [...common, ...ticket, "agent.name", "ticket.text", "customer.email"],
  "staff.customer-reply": [...common, ...ticket, "agent.name", "reply.text", "customer.email"],
  "guest.ticket-link": [...common, "ticket.number", "ticket.title", "customer.name"],
  "guest.account-exists": [...common, "user.name", "user.email", "original.subject"],
  "account.verify-email": [...common, "user.name", "user.email"],
  "account.exists": [...common, "user.name", "user.email"],
  "account.magic-link": [...common, "user.name", "user.email"],
  "ticket.merged": [...common, "ticket.number", "ticket.title", "customer.name", "target.number", "target.title"],
  "ticket.reminder": [...common, ...ticket, "close.days"],
  // issue 16 point 3: assigned to the agent, a colleague's reply, an @mention in an internal note
  "staff.notice": [...common, ...ticket, "agent.name", "customer.email", "actor.name", "reply.text", "notice.assigned", "notice.reply", "notice.mention"],
};

const allowedSets = new Map<TemplateKey, ReadonlySet<string>>(TEMPLATE_KEYS.map((k) => [k, new Set(PLACEHOLDERS[k])]));
export function allowedPlaceholders(key: TemplateKey): ReadonlySet<string> {
  return allowedSets.get(key)!;
}


export function templateLocale(l: string | null | undefined): TemplateLocale {
  return l === "en" ? "en" : "ru";
}

/** Every placeholder filled: used by the preview page and by the tests. */
export function sampleVars(key: TemplateKey, locale: TemplateLocale): TemplateVars {
  const ru = locale === "ru";
  const base: TemplateVars = {
    "site.name": ru ? "Служба поддержки" : "Support",
    link: "https://support.example.com/tickets/1042",
    "ticket.number": 1042,
    "ticket.title": ru ? "Не приходит счёт <за март>" : "Invoice <for March> missing",
    "ticket.status": ru ? "Закрыта" : "Closed",
    "ticket.text": ru ? "Добрый день!\nСчёт за март так и не пришёл." : "Hello,\nthe invoice for March never arrived.",
    "customer.name": ru ? "Анна Петрова" : "Anna Peters",
    "customer.email": "anna@example.com",
    "agent.name": ru ? "Иван Смирнов" : "John Smith",
    "reply.text": ru ? "Анна, счёт отправлен повторно.\nПроверьте, пожалуйста, папку «Спам»." : "Anna, we have sent the invoice again.\nPlease check your spam folder.",
    attachments: safeHtml(
      '<ul><li><a href="https://support.example.com/api/attachments/abc">invoice-03.pdf</a></li></ul>',
      "- invoice-03.pdf: https://support.example.com/api/attachments/abc",
    ),
    "rating.link": "https://support.example.com/rate?token=1042.7.1790000000.sample",
    "original.subject": ru ? "Re: Счёт за март" : "Re: Invoice for March",
    "reason.closed": key === "reply.refused",
    "reason.unknownSender": false,
    "reason.loginRequired": false,
    "reason.guestsDisabled": false,
    "password.link": "https://support.example.com/set-password?token=sample",
    "reply.accepted": true,
    "reply.reopens": true,
    "reply.adds": false,
    "reply.refused": false,
    "newticket.link": "https://support.example.com/tickets/new",
    "user.name": ru ? "Анна Петрова" : "Anna Peters",
    "user.email": "anna@example.com",
    "target.number": 1040,
    "target.title": ru ? "Счета за первый квартал" : "Invoices for the first quarter",
    "close.days": 2,
    "actor.name": ru ? "Мария Соколова" : "Mary Sokolova",
    "notice.assigned": false,
    "notice.reply": false,
    "notice.mention": key === "staff.notice",
  };
  if (key === "guest.account-exists") base.link = "https://support.example.com/sign-in?next=%2Ftickets%2Fnew";
  if (key.startsWith("account.") || key === "password.reset" || key === "agent.invite") base.link = "https://support.example.com/set-password?token=sample";
  if (key.startsWith("staff.")) base.link = "https://support.example.com/staff/tickets/1042";
  if (key === "guest.ticket-link") base.link = "https://support.example.com/t/1042.7.1790000000.sample";
  const allowed = allowedPlaceholders(key);
  return Object.fromEntries(Object.entries(base).filter(([k]) => allowed.has(k)));
}
