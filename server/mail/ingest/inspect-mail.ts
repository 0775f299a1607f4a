// What ingest would do with one mail, touching nothing: used by `helpdesk mail:inspect` and the
// quarantine page's "inspect an uploaded .eml". Reads settings and tickets, writes nothing.
import { db, type Db, type Tx } from "@/server/db/client";
import { decideMail, loadIngestContext, type MailPlan } from "./decide-mail";
import { attachmentSize, parseMail } from "./parse-mail";

export type MailInspection = {
  messageId: string | null;
  messageKey: string;
  from: string;
  fromName: string;
  to: string[];
  cc: string[];
  subject: string;
  size: number;
  automatic: { automatic: boolean; kind: string | null; reason: string | null };
  match: { ticketId: number | null; rule: string | null; forged: boolean; ticketExists: boolean };
  plan: MailPlan;
  duplicate: boolean;
  tooBig: boolean;
  reply: { text: string; cutBy: string };
  attachments: { fileName: string; contentType: string; size: number; inline: boolean; contentId: string | null }[];
};

export async function inspectMail(raw: Buffer, client: Db | Tx = db()): Promise<MailInspection> {
  const ctx = await loadIngestContext(client);
  const p = await parseMail(raw);
  const d = await decideMail(client, p, ctx);
  const dup = await client.inboundMail.findFirst({ where: { messageKey: p.messageKey }, select: { id: true } });
  const ticketExists = d.match.ticketId !== null && (await client.ticket.count({ where: { id: d.match.ticketId } })) > 0;
  return {
    messageId: p.messageId,
    messageKey: p.messageKey,
    from: p.from.address,
    fromName: p.from.name,
    to: p.to,
    cc: p.cc,
    subject: p.subject,
    size: p.size,
    automatic: d.automatic,
    match: { ...d.match, ticketExists },
    plan: d.plan,
    duplicate: !!dup,
    tooBig: p.size > ctx.mail.maxMailMb * 1024 * 1024,
    reply: d.reply,
    attachments: p.attachments.map((a) => ({ fileName: a.fileName, contentType: a.contentType, size: attachmentSize(a), inline: a.inline, contentId: a.contentId })),
  };
}

const planText = (p: MailPlan): string => {
  switch (p.action) {
    case "append": return `append to ticket #${p.ticketId} (sender: ${p.sender}${p.automatic ? ", stored as automatic, no notifications" : ""})`;
    case "create": return p.refusedTicketId ? `new ticket (sender may not add to #${p.refusedTicketId})` : "new ticket";
    case "refuse-closed": return `refuse: ticket #${p.ticketId} is closed (sender gets a polite answer)`;
    case "quarantine": return `quarantine: ${p.reason}${p.answer ? ` (sender is answered: ${p.answer})` : ""}`;
  }
};

export function formatInspection(i: MailInspection): string {
  const lines = [
    `Message-ID:   ${i.messageId ?? "(none)"}${i.messageId ? "" : `  → dedupe key ${i.messageKey}`}`,
    `From:         ${i.fromName ? `${i.fromName} <${i.from}>` : i.from || "(none)"}`,
    `Subject:      ${i.subject || "(none)"}`,
    `Size:         ${i.size} bytes${i.tooBig ? " — over the size limit, would be quarantined" : ""}`,
    `Automatic:    ${i.automatic.automatic ? `yes, ${i.automatic.kind} (${i.automatic.reason})` : "no"}`,
    `Ticket:       ${i.match.ticketId ? `#${i.match.ticketId} by ${i.match.rule}${i.match.ticketExists ? "" : " (no such ticket)"}` : i.match.forged ? "none — forged ticket marker" : "none"}`,
    `Would:        ${i.duplicate ? "skip — already stored (duplicate)" : planText(i.plan)}`,
    `Attachments:  ${i.attachments.length ? "" : "none"}`,
    ...i.attachments.map((a) => `  - ${a.fileName} (${a.contentType}, ${a.size} bytes${a.inline ? `, inline cid:${a.contentId}` : ""})`),
    `Reply text (cut by ${i.reply.cutBy}):`,
    ...i.reply.text.split("\n").map((l) => `  | ${l}`),
  ];
  return lines.join("\n");
}
