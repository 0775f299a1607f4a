// Source HTML → what this helpdesk stores: repaired (mojibake.ts), sanitized with the same
// sanitizer as mail (remote images and scripts dropped), and a plain-text twin for search.
import { sanitize } from "@/server/services/content/sanitize";
import { htmlToReplyText } from "@/server/domain/mail/reply-html-text";
import { repairText } from "./mojibake";
import { str } from "./source";

export function htmlContent(v: unknown): { text: string; html: string } {
  const raw = repairText(str(v));
  const html = sanitize(raw);
  const text = htmlToReplyText(html).trim();
  return { text, html };
}
