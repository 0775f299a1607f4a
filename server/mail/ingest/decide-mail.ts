// What ingest will do with one parsed mail, decided before anything is written: automatic or
// not, which ticket and by which rule, whether the sender may add to it, and the cut reply.
// process-mail.ts executes the plan inside its transaction; `mail:inspect` and the quarantine
// page print it without touching anything. Reads only.
import type { Db, Tx } from "@/server/db/client";
import type { EnqueueContext } from "@/server/mail/outbound/enqueue";
import type { MailSettings, OutboundSettings, TicketSettings } from "@/server/domain/settings/schema";
import { classifyAutomatic, type AutomaticVerdict } from "@/server/domain/mail/auto-reply";
import { matchThread, senderMayReply, type ThreadMatch } from "@/server/domain/mail/thread-match";
import { cutReply, mailCutOptions, type CutBy } from "@/server/domain/mail/reply-cut";
import { loadSettings } from "@/server/services/settings/settings-store";
import { fromAddress, markerKey } from "@/server/mail/outbound/compose";
import type { ParsedMail } from "./parse-mail";

export type IngestContext = {
  mail: MailSettings;
  outbound: OutboundSettings;
  tickets: TicketSettings;
  ownAddresses: string[];
  /** the same settings in the shape notify() takes, so it does not re-read them per mail */
  enqueue: EnqueueContext;
  /**
   * Per-run memo of lookups that do not change while a run lasts (default category/status,
   * the active staff addresses). Filled lazily; a fresh context (quarantine retry, inspect)
   * starts empty.
   */
  memo: IngestMemo;
};

export type IngestMemo = {
  staffEmails?: Set<string>;
  /**
   * The senders' accounts of the batch being processed (null: none), read in one query at the
   * start of its transaction (process-mail.ts) and kept true while it runs: an account created
   * for a mail is added, the entry of a mail rolled back to its savepoint is dropped.
   */
  senders?: Map<string, SenderUser | null>;
  category?: unknown;
  status?: unknown;
};

export const userSelect = { id: true, role: true, email: true, name: true, locale: true, isActive: true, passwordHash: true } as const;
/** `passwordHash` only tells the notifications whether the sender has a password (portal link) or is a guest */
export type SenderUser = { id: number; role: "CUSTOMER" | "AGENT" | "ADMIN"; email: string; name: string; locale: string; isActive: boolean; passwordHash: string | null };

/** Fills ctx.memo.senders for these addresses with one query (see IngestMemo.senders). */
export async function preloadSenders(client: Db | Tx, ctx: IngestContext, addresses: string[]): Promise<void> {
  const wanted = [...new Set(addresses.filter((a) => a.includes("@")))];
  const rows = wanted.length ? ((await client.user.findMany({ where: { email: { in: wanted } }, select: userSelect })) as SenderUser[]) : [];
  const byEmail = new Map(rows.map((u) => [u.email, u]));
  ctx.memo.senders = new Map(wanted.map((a) => [a, byEmail.get(a) ?? null]));
}

export async function loadIngestContext(client?: Db | Tx): Promise<IngestContext> {
  const mail = await loadSettings("mail", { withSecrets: true, db: client });
  const outbound = await loadSettings("outbound", { db: client });
  const tickets = await loadSettings("tickets", { db: client });
  const own = [mail.username, outbound.fromEmail, fromAddress(mail, outbound)].map((a) => a.trim().toLowerCase()).filter((a) => a.includes("@"));
  return { mail, outbound, tickets, ownAddresses: [...new Set(own)], enqueue: { mail, outbound }, memo: {} };
}

export type SenderKind = "requester" | "cc" | "staff" | "stranger";

export type MailPlan =
  /** store on the matched ticket as a reply (automatic mail: staff-only, no side effects) */
  | { action: "append"; ticketId: number; sender: SenderKind; automatic: boolean }
  /** a new ticket; `refusedTicketId` when the mail claimed a ticket its sender may not add to */
  | { action: "create"; refusedTicketId: number | null }
  /** a reply to a closed ticket with noRepliesAfterClose: refused politely, quarantined for staff */
  | { action: "refuse-closed"; ticketId: number }
  | { action: "quarantine"; reason: QuarantineReason; ticketId: number | null; answer: "unknown-sender" | "login-required" | null };

export type QuarantineReason =
  | "unknown-sender" | "login-required" | "automatic" | "no-sender" | "sender-inactive"
  | "too-big" | "parse-failed" | "processing-failed" | "ticket-closed";

export type Decision = {
  plan: MailPlan;
  automatic: AutomaticVerdict;
  match: ThreadMatch;
  /** the matched ticket's requester, for the report */
  reply: { text: string; cutBy: CutBy };
  /** the sender's account when the decision already looked it up (null: none exists) */
  senderUser?: SenderUser | null;
};

export const replyStrings = (m: MailSettings) => [m.replyStringRu, m.replyStringEn];
export const ticketStrings = (m: MailSettings) => [m.ticketStringRu, m.ticketStringEn];

/** Active staff addresses, read once per context (a run): the sender check needs only membership. */
async function isStaff(client: Db | Tx, ctx: IngestContext, email: string): Promise<boolean> {
  if (!ctx.memo.staffEmails) {
    const rows = await client.user.findMany({ where: { isActive: true, role: { in: ["AGENT", "ADMIN"] } }, select: { email: true } });
    ctx.memo.staffEmails = new Set(rows.map((r) => r.email.toLowerCase()));
  }
  return ctx.memo.staffEmails.has(email.toLowerCase());
}

async function senderKind(client: Db | Tx, ctx: IngestContext, ticketId: number, sender: string): Promise<{ kind: SenderKind; closed: boolean } | null> {
  const t = await client.ticket.findUnique({
    where: { id: ticketId },
    select: { status: { select: { isClosed: true } }, requester: { select: { email: true } }, participants: { select: { email: true } } },
  });
  if (!t) return null;
  const staff = await isStaff(client, ctx, sender);
  const ccEmails = t.participants.map((p) => p.email);
  const closed = t.status.isClosed;
  if (!senderMayReply({ sender, requesterEmail: t.requester.email, ccEmails, isStaff: !!staff })) return { kind: "stranger", closed };
  if (staff) return { kind: "staff", closed };
  return { kind: t.requester.email.toLowerCase() === sender ? "requester" : "cc", closed };
}

export async function decideMail(client: Db | Tx, p: ParsedMail, ctx: IngestContext): Promise<Decision> {
  const automatic = classifyAutomatic(p.headers, { ownAddresses: ctx.ownAddresses, contentType: p.contentType, from: p.from.address });
  const match = matchThread(
    { inReplyTo: p.inReplyTo, references: p.references, toAddresses: [...p.to, ...p.cc, ...p.deliveredTo], text: p.text, subject: p.subject },
    { key: markerKey(), ticketStrings: ticketStrings(ctx.mail) },
  );
  const reply = cutReply(p.text, mailCutOptions(p, replyStrings(ctx.mail)));
  const d = (plan: MailPlan): Decision => ({ plan, automatic, match, reply });

  if (!p.from.address.includes("@")) return d({ action: "quarantine", reason: "no-sender", ticketId: match.ticketId, answer: null });
  const found = match.ticketId !== null ? await senderKind(client, ctx, match.ticketId, p.from.address) : null;

  if (automatic.automatic) {
    // Signed rules prove the mail answers ours; an unsigned subject token must also pass the sender check.
    if (found && (match.rule !== "subject" || found.kind !== "stranger")) {
      return d({ action: "append", ticketId: match.ticketId!, sender: found.kind, automatic: true });
    }
    return d({ action: "quarantine", reason: "automatic", ticketId: null, answer: null });
  }

  if (found && found.kind !== "stranger") {
    if (found.closed && found.kind !== "staff" && ctx.tickets.noRepliesAfterClose) return d({ action: "refuse-closed", ticketId: match.ticketId! });
    return d({ action: "append", ticketId: match.ticketId!, sender: found.kind, automatic: false });
  }
  // A stranger on a real ticket, or a forged marker: the original ticket is never touched.
  const claimed = found ? match.ticketId : null;
  if ((claimed !== null || match.forged) && ctx.mail.unknownSenderReply === "quarantine") {
    return d({ action: "quarantine", reason: "unknown-sender", ticketId: claimed, answer: "unknown-sender" });
  }
  const known = ctx.memo.senders?.get(p.from.address);
  const existing = known !== undefined ? known : ((await client.user.findUnique({ where: { email: p.from.address }, select: userSelect })) as SenderUser | null);
  if (existing && !existing.isActive) return d({ action: "quarantine", reason: "sender-inactive", ticketId: null, answer: null });
  if (!existing && ctx.tickets.requireLogin) return d({ action: "quarantine", reason: "login-required", ticketId: null, answer: "login-required" });
  return { ...d({ action: "create", refusedTicketId: claimed }), senderUser: existing };
}
