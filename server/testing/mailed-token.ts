// Test helper: the one-time token in the newest account mail of a template to an address, as
// the owner of the mailbox would find it.
import { db } from "@/server/db/client";

export async function mailedToken(to: string, template: string): Promise<string | null> {
  const mail = await db().outboxMail.findFirst({ where: { toEmail: to.toLowerCase(), template }, orderBy: { id: "desc" } });
  return mail ? (/[?&]token=([A-Za-z0-9_-]+)/.exec(mail.text)?.[1] ?? null) : null;
}

export async function mailsTo(to: string) {
  return db().outboxMail.findMany({ where: { toEmail: to.toLowerCase() }, orderBy: { id: "asc" }, select: { template: true, text: true, locale: true } });
}
