// What ingest will do with one parsed mail, decided before anything is written: automatic or
// not, which ticket and by which rule, whether the sender may add to it, and the cut reply.
// process-mail.ts executes the plan inside its transaction; `mail:inspect` and the quarantine
// page print it without touching anything. Reads only.
import { db, type Db, type Tx } from "@/server/db/client";
import type { EnqueueContext } from "@/server/mail/outbound/enqueue";
import type { MailSettings, OutboundSettings, TicketSettings } from "@/server/domain/settings/schema";
import { classifyAutomatic, type AutomaticVerdict } from "@/server/domain/mail/auto-reply";
import { matchThread, type ThreadMatch } from "@/server/domain/mail/thread-match";
import { mailSender, requesterAfterCreate, system, unprovenSignUp as isUnproven, type Actor, type MailSenderKind } from "@/server/domain/actor";
import { canCreateTicket, canReply, canUpload, type Decision as PolicyDecision, type PolicyReason } from "@/server/domain/tickets/policies";
import { followMerge } from "@/server/domain/tickets/action-policies";
import { guessLocale } from "./guess-locale";
import { cutReply, mailCutOptions, type CutBy } from "@/server/domain/mail/reply-cut";
import { loadSettings } from "@/server/platform/settings/settings-store";
import { fromAddress, markerKey } from "@/server/mail/outbound/compose";
import type { ParsedMail } from "./parse-mail";
import { LEGACY_SETTING_KEY, parseLegacyThreading, type LegacyThreading } from "@/server/domain/mail/legacy-thread";

export type IngestContext = {
  mail: MailSettings;
  /** old notifications of an imported helpdesk (issue 17); null when nothing was imported */
  legacy?: LegacyThreading | null;
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

export const userSelect = { id: true, role: true, email: true, name: true, locale: true, isActive: true, passwordHash: true, emailVerifiedAt: true } as const;
/** `passwordHash` only tells the notifications whether the sender has a password (portal link) or is a guest */
export type SenderUser = { id: number; role: "CUSTOMER" | "AGENT" | "ADMIN" | "MANAGER"; email: string; name: string; locale: string; isActive: boolean; passwordHash: string | null; emailVerifiedAt: Date | null };

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
  const legacyRow = await (client ?? db()).setting.findUnique({ where: { key: LEGACY_SETTING_KEY }, select: { value: true } });
  const own = [mail.username, outbound.fromEmail, fromAddress(mail, outbound)].map((a) => a.trim().toLowerCase()).filter((a) => a.includes("@"));
  return { mail, legacy: parseLegacyThreading(legacyRow?.value), outbound, tickets, ownAddresses: [...new Set(own)], enqueue: { mail, outbound, tickets }, memo: {} };
}

export type SenderKind = MailSenderKind;
export type QuarantineAnswer = "unknown-sender" | "login-required" | "guests-disabled";

export type MailPlan =
  /** store on the matched ticket as a reply (automatic mail: staff-only, no side effects) */
  | { action: "append"; ticketId: number; sender: SenderKind; automatic: boolean; actor: Actor; uploads: PolicyDecision }
  /**
   * a new ticket; `refusedTicketId` when the mail claimed a ticket its sender may not add to;
   * `reclaimUserId`: an unproven sign-up of this address, handed to the mailbox owner (its password cleared)
   */
  | { action: "create"; refusedTicketId: number | null; sender: SenderKind; reclaimUserId: number | null; uploads: PolicyDecision }
  /** a reply the reply policy refused on a closed ticket: answered politely, quarantined for staff */
  | { action: "refuse-closed"; ticketId: number }
  | { action: "quarantine"; reason: QuarantineReason; ticketId: number | null; answer: QuarantineAnswer | null };

export type QuarantineReason =
  | "unknown-sender" | "login-required" | "automatic" | "no-sender" | "sender-inactive"
  | "too-big" | "parse-failed" | "processing-failed" | "ticket-closed"
  | "guests-disabled" | "unverified-staff";

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

async function senderAccount(client: Db | Tx, ctx: IngestContext, email: string): Promise<SenderUser | null> {
  const known = ctx.memo.senders?.get(email);
  return known !== undefined ? known : ((await client.user.findUnique({ where: { email }, select: userSelect })) as SenderUser | null);
}

const claimSelect = { id: true, requesterId: true, mergedIntoId: true, status: { select: { isClosed: true } }, participants: { select: { email: true } } } as const;

/** The ticket a mail claims; a merged ticket's mail goes to the ticket it was merged into (issue 15.4). */
async function claimedTicket(client: Db | Tx, ticketId: number | null) {
  if (ticketId === null) return null;
  let t = await client.ticket.findUnique({ where: { id: ticketId }, select: claimSelect });
  if (t && followMerge(t) !== t.id) t = await client.ticket.findUnique({ where: { id: followMerge(t) }, select: claimSelect });
  return t && { id: t.id, requesterId: t.requesterId, isClosed: t.status.isClosed, mergedIntoId: t.mergedIntoId, ccEmails: t.participants.map((p) => p.email) };
}

const SIGNED = new Set(["message-id", "plus-token", "ticket-string"]);
/** The policy reasons a mail's sender is told about, and how. */
const ANSWER: Partial<Record<PolicyReason, { reason: QuarantineReason; answer: QuarantineAnswer | null }>> = {
  LOGIN_REQUIRED: { reason: "login-required", answer: "login-required" },
  GUESTS_DISABLED: { reason: "guests-disabled", answer: "guests-disabled" },
  // a deactivated account is not answered: the address may be a former employee's, now anyone's
  ACCOUNT_INACTIVE: { reason: "sender-inactive", answer: null },
};
const refusal = (r: PolicyReason) => ANSWER[r] ?? { reason: "unknown-sender" as const, answer: "unknown-sender" as const };

/**
 * Who the sender is (server/domain/actor.ts) and what the ticket policies let that actor do: the
 * mail door asks the same functions as the web and the API, it decides no ticket rule itself.
 */
export async function decideMail(client: Db | Tx, p: ParsedMail, ctx: IngestContext): Promise<Decision> {
  const automatic = classifyAutomatic(p.headers, { ownAddresses: ctx.ownAddresses, contentType: p.contentType, from: p.from.address });
  const match = matchThread(
    { inReplyTo: p.inReplyTo, references: p.references, toAddresses: [...p.to, ...p.cc, ...p.deliveredTo], text: p.text, subject: p.subject },
    { key: markerKey(), ticketStrings: ticketStrings(ctx.mail), legacy: ctx.legacy },
  );
  const reply = cutReply(p.text, mailCutOptions(p, [...replyStrings(ctx.mail), ...(ctx.legacy?.replyStrings ?? [])]));
  let account: SenderUser | null | undefined = undefined;
  const d = (plan: MailPlan): Decision => ({ plan, automatic, match, reply, senderUser: account });

  if (!p.from.address.includes("@")) return d({ action: "quarantine", reason: "no-sender", ticketId: match.ticketId, answer: null });
  account = await senderAccount(client, ctx, p.from.address);
  const t = await claimedTicket(client, match.ticketId);
  const user = account && { ...account, hasPassword: account.passwordHash !== null, verified: account.emailVerifiedAt !== null };
  const sender = mailSender({ email: p.from.address, user, ticket: t, signed: SIGNED.has(match.rule ?? ""), locale: guessLocale(p) });
  const onTicket = sender.kind === "staff" || sender.kind === "requester" || sender.kind === "cc";

  if (automatic.automatic) {
    // stored staff-only on the ticket it answers (signed rule, or the subject token plus the sender check)
    if (t && (SIGNED.has(match.rule ?? "") || onTicket)) return d({ action: "append", ticketId: t.id, sender: sender.kind, automatic: true, actor: system, uploads: { ok: true } });
    return d({ action: "quarantine", reason: "automatic", ticketId: null, answer: null });
  }
  // a staff address without a signed marker of the ticket it names: never a staff reply, never answered
  if (sender.kind === "unverified-staff") return d({ action: "quarantine", reason: "unverified-staff", ticketId: t?.id ?? null, answer: null });

  if (t && onTicket) {
    const verdict = canReply(sender.actor, t, ctx.tickets);
    if (verdict.ok) return d({ action: "append", ticketId: t.id, sender: sender.kind, automatic: false, actor: sender.actor, uploads: canUpload(sender.actor, ctx.tickets) });
    if (verdict.reason === "REPLIES_CLOSED") return d({ action: "refuse-closed", ticketId: t.id });
    const r = refusal(verdict.reason);
    return d({ action: "quarantine", reason: r.reason, ticketId: t.id, answer: r.answer });
  }
  // A stranger on a real ticket, or a forged marker: the original ticket is never touched.
  const claimed = t ? t.id : null;
  if ((claimed !== null || match.forged) && ctx.mail.unknownSenderReply === "quarantine") {
    return d({ action: "quarantine", reason: "unknown-sender", ticketId: claimed, answer: "unknown-sender" });
  }
  const create = canCreateTicket(sender.actor, ctx.tickets);
  if (!create.ok) {
    const r = refusal(create.reason);
    return d({ action: "quarantine", reason: r.reason, ticketId: null, answer: r.answer });
  }
  // an unproven sign-up of this address: the new ticket goes to the mailbox owner, not to it
  const reclaimUserId = sender.kind === "unknown" ? unprovenSignUp(account) : null;
  const uploads = canUpload(requesterAfterCreate(sender, account?.id ?? 0), ctx.tickets);
  return d({ action: "create", refusedTicketId: claimed, sender: sender.kind, reclaimUserId, uploads });
}

/** The id of an unproven sign-up of this address (server/domain/actor.ts), else null. */
export function unprovenSignUp(u: SenderUser | null | undefined): number | null {
  return u && isUnproven({ role: u.role, hasPassword: u.passwordHash !== null, verified: u.emailVerifiedAt !== null }) ? u.id : null;
}
