// Replies to notifications the previous helpdesk (Patchesoft Support Centre) sent before an
// import (issue 17). Its subjects read "<ticket title setting> [ID: 1042]: <title>" and its
// bodies carry "<ticket string> 1042" (e.g. "## Номер заявки: 1042") — both unsigned. They
// count only for imported ticket numbers (≤ maxTicketId: new tickets continue above it), and
// like the subject token they are unsigned: the sender check decides, never staff.

/** the settings row the importer writes (server/services/import/patchesoft/settings.ts) */
export const LEGACY_SETTING_KEY = "legacy.patchesoft";

export type LegacyThreading = {
  /** Patchesoft's imap_ticket_string, e.g. "## Номер заявки:" */
  ticketStrings: string[];
  /** Patchesoft's ticket_title, e.g. "Support Ticket" (informational: the [ID: n] token is matched anywhere) */
  subjectTitles: string[];
  /** Patchesoft's imap_reply_string: cuts the quoted old notification off a reply */
  replyStrings: string[];
  /** the highest imported ticket number */
  maxTicketId: number;
};

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function imported(digits: string, max: number): number | null {
  if (!/^[1-9]\d{0,9}$/.test(digits)) return null;
  const n = Number(digits);
  return n <= max ? n : null;
}

/** "[ID: 1042]" in the subject (Patchesoft's own search looks for "<title> [ID:"). */
export function findLegacySubjectId(subject: string, legacy: LegacyThreading): number | null {
  const m = /\[ID:\s*(\d+)\]/i.exec(subject ?? "");
  return m ? imported(m[1]!, legacy.maxTicketId) : null;
}

/** "<ticket string> 1042" at the start of a line (behind quote marks) with no signature after the number. */
export function findLegacyBodyId(text: string, legacy: LegacyThreading): number | null {
  const strings = legacy.ticketStrings.map((s) => s.trim()).filter(Boolean);
  if (!text || !strings.length) return null;
  const alternatives = strings.map((s) => escapeRe(s).replace(/\s+/g, "\\s+")).join("|");
  const re = new RegExp(`^[> \\t\\u00a0]*(?:${alternatives})[ \\t\\u00a0]*(\\d+)(?![-\\d])`, "gimu");
  for (const m of text.replace(/\r\n?/g, "\n").matchAll(re)) {
    const id = imported(m[1]!, legacy.maxTicketId);
    if (id !== null) return id;
  }
  return null;
}

/** Whether any line carries a ticket string with a signature-shaped suffix ("1042-7fa3c1"), right or wrong. */
export function hasSignedShapedRef(text: string, ticketStrings: string[]): boolean {
  const strings = ticketStrings.map((s) => s.trim()).filter(Boolean);
  if (!text || !strings.length) return false;
  const alternatives = strings.map((s) => escapeRe(s).replace(/\s+/g, "\\s+")).join("|");
  return new RegExp(`^[> \\t\\u00a0]*(?:${alternatives})[ \\t\\u00a0]*\\d+-[0-9a-f]`, "imu").test(text.replace(/\r\n?/g, "\n"));
}

/** The row as stored, or null when absent or malformed (no import happened). */
export function parseLegacyThreading(v: unknown): LegacyThreading | null {
  if (!v || typeof v !== "object") return null;
  const o = v as Record<string, unknown>;
  const list = (x: unknown) => (Array.isArray(x) ? x.filter((s): s is string => typeof s === "string" && s.trim().length >= 3) : []);
  const max = typeof o.maxTicketId === "number" && Number.isSafeInteger(o.maxTicketId) ? o.maxTicketId : 0;
  if (max <= 0) return null;
  return { ticketStrings: list(o.ticketStrings), subjectTitles: list(o.subjectTitles), replyStrings: list(o.replyStrings), maxTicketId: max };
}
