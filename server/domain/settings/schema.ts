// The typed shape of every setting, with defaults. One row per key in the `settings` table;
// a missing row means the default. The admin pages, settings.update, and the CLI's
// `settings:set key=value` all validate through these schemas.
import { z } from "zod";

const statusRef = z.union([z.literal("none"), z.number().int().positive()]);

export const DEFAULT_FILE_TYPES = ["jpg", "jpeg", "png", "gif", "webp", "pdf", "txt", "csv", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "zip", "rtf"];

export const ticketSettingsSchema = z.object({
  allowUploads: z.boolean().default(true),
  allowGuestTickets: z.boolean().default(true),
  allowTicketEdit: z.boolean().default(true),
  requireLogin: z.boolean().default(false),
  allowRating: z.boolean().default(true),
  closeNotesOnClose: z.boolean().default(true),
  noRepliesAfterClose: z.boolean().default(true),
  statusOnStaffReply: statusRef.default("none"),
  statusOnClientReply: statusRef.default("none"),
  maxUploadMb: z.number().int().min(1).max(100).default(20),
  allowedFileTypes: z.array(z.string().regex(/^[a-z0-9]{1,10}$/)).min(1).default(DEFAULT_FILE_TYPES),
  autoCloseDays: z.number().int().min(0).max(365).default(0),
  autoCloseStatusId: statusRef.default("none"),
  /** issue 15.1: customers pick a priority on the new-ticket form */
  customerSetsPriority: z.boolean().default(false),
  /** customers may add Cc's to their ticket in the portal (issue 15.6) */
  customersMayAddCc: z.boolean().default(false),
  /** minutes in which staff may edit or delete their own reply; 0 = never (issue 15.8) */
  replyEditMinutes: z.number().int().min(0).max(1440).default(15),
  /** days before auto-closing to mail the customer a reminder; 0 = none (must be < autoCloseDays) */
  autoCloseReminderDays: z.number().int().min(0).max(364).default(0),
});

export const mailSettingsSchema = z.object({
  protocol: z.enum(["imap", "pop3"]).default("imap"),
  host: z.string().max(255).default(""),
  port: z.number().int().min(1).max(65535).default(993),
  secure: z.boolean().default(true),
  allowInvalidCertificate: z.boolean().default(false),
  caPem: z.string().max(20000).default(""),
  username: z.string().max(255).default(""),
  /** encrypted at rest (server/platform/settings/secret-box.ts); never sent to the browser */
  password: z.string().max(1000).default(""),
  folder: z.string().max(255).default("INBOX"),
  defaultTitle: z.string().min(1).max(200).default("Support Ticket"),
  defaultCategoryId: z.union([z.literal("auto"), z.number().int().positive()]).default("auto"),
  defaultStatusId: z.union([z.literal("auto"), z.number().int().positive()]).default("auto"),
  ticketStringRu: z.string().min(3).max(100).default("## Номер заявки:"),
  ticketStringEn: z.string().min(3).max(100).default("## Ticket ID:"),
  replyStringRu: z.string().min(5).max(200).default("##- Введите свой ответ над этой строкой -##"),
  replyStringEn: z.string().min(5).max(200).default("##- Please type your reply above this line -##"),
  unknownSenderReply: z.enum(["new-ticket", "quarantine"]).default("new-ticket"),
  afterProcessing: z.string().regex(/^(mark-seen|leave|move:.+)$/).default("mark-seen"),
  plusAddressing: z.boolean().default(false),
  acknowledgeMailTickets: z.boolean().default(true),
  maxMailMb: z.number().int().min(1).max(100).default(25),
  batchSize: z.number().int().min(1).max(1000).default(200),
  timeBudgetSeconds: z.number().int().min(5).max(600).default(50),
  /** Cc addresses of a new ticket's mail that become its participants; the rest are noted, not added */
  maxParticipantsFromMail: z.number().int().min(0).max(200).default(20),
  /** issue 15.1: priority of mail-born tickets; "auto" = the priority marked default */
  defaultPriorityId: z.union([z.literal("auto"), z.number().int().positive()]).default("auto"),
});

export const outboundSettingsSchema = z.object({
  transport: z.enum(["outbox", "smtp", "resend"]).default("outbox"),
  fromName: z.string().max(200).default("Support"),
  /** empty → the mailbox username */
  fromEmail: z.string().max(255).default(""),
  smtpHost: z.string().max(255).default(""),
  smtpPort: z.number().int().min(1).max(65535).default(465),
  smtpSecure: z.boolean().default(true),
  smtpUsername: z.string().max(255).default(""),
  smtpPassword: z.string().max(1000).default(""),
  resendApiKey: z.string().max(500).default(""),
  attachToReplies: z.boolean().default(false),
});

export const settingsSchemas = {
  tickets: ticketSettingsSchema,
  mail: mailSettingsSchema,
  outbound: outboundSettingsSchema,
} as const;

export type SettingsGroup = keyof typeof settingsSchemas;
export type TicketSettings = z.infer<typeof ticketSettingsSchema>;
export type MailSettings = z.infer<typeof mailSettingsSchema>;
export type OutboundSettings = z.infer<typeof outboundSettingsSchema>;
export type AllSettings = { tickets: TicketSettings; mail: MailSettings; outbound: OutboundSettings };

/** Keys whose values are encrypted at rest and never leave the server. */
export const SECRET_KEYS = new Set(["mail.password", "outbound.smtpPassword", "outbound.resendApiKey"]);

export function defaults(): AllSettings {
  return {
    tickets: ticketSettingsSchema.parse({}),
    mail: mailSettingsSchema.parse({}),
    outbound: outboundSettingsSchema.parse({}),
  };
}

/** Parses a CLI value ("true", "20", "a,b", "none") into the type the key's schema expects. */
export function coerceCliValue(group: SettingsGroup, key: string, raw: string): unknown {
  const shape = settingsSchemas[group].shape as Record<string, z.ZodType>;
  const field = shape[key];
  if (!field) throw new Error(`Unknown setting ${group}.${key}`);
  const sample = (settingsSchemas[group].parse({}) as Record<string, unknown>)[key];
  if (typeof sample === "boolean") {
    if (/^(true|yes|on|1)$/i.test(raw)) return true;
    if (/^(false|no|off|0)$/i.test(raw)) return false;
    return raw;
  }
  if (typeof sample === "number") return /^-?\d+$/.test(raw) ? Number(raw) : raw;
  if (Array.isArray(sample)) return raw.split(",").map((s) => s.trim()).filter(Boolean);
  if (/^\d+$/.test(raw) && (key.endsWith("Id") || key.startsWith("statusOn"))) return Number(raw);
  return raw;
}
