// The notification templates that exist and their languages: pure data, so the admin pages can
// list them without reaching into server/mail (placeholders and texts: server/mail/outbound/templates).
export const TEMPLATE_KEYS = [
  "ticket.created",
  "reply.staff",
  "ticket.closed",
  "reply.refused",
  "account.set-password",
  "password.reset",
  "agent.invite",
  "staff.new-ticket",
  "staff.customer-reply",
  "guest.ticket-link",
  "guest.account-exists",
  "account.verify-email",
  "account.exists",
  "account.magic-link",
  "ticket.merged",
  "ticket.reminder",
  "staff.notice",
] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];
export const TEMPLATE_LOCALES = ["ru", "en"] as const;
export type TemplateLocale = (typeof TEMPLATE_LOCALES)[number];

export function isTemplateKey(k: string): k is TemplateKey {
  return (TEMPLATE_KEYS as readonly string[]).includes(k);
}
