// The delivery worker. Claims due rows with FOR UPDATE SKIP LOCKED (so any number of workers —
// after-request kicks, the cron, several app instances — never take the same row), holds them
// with status SENDING + locked_until, sends through the configured transport and marks them
// SENT / FAILED or schedules a retry with exponential backoff. The row id is the idempotency
// key: a row is only re-sent when its lock expired (the worker died mid-send), and Resend then
// deduplicates by Idempotency-Key `outbox-<id>`.
import type { Db } from "@/server/db/client";
import { db as getDb } from "@/server/db/client";
import { logger } from "@/server/logger";
import { loadSettings } from "@/server/platform/settings/settings-store";
import type { MailSettings, OutboundSettings } from "@/server/domain/settings/schema";
import { fromAddress } from "./compose";
import type { Transport, WireMail } from "./transports/types";
import { outboxTransport } from "./transports/outbox";
import { resendTransport } from "./transports/resend";
import { smtpTransport } from "./transports/smtp";
import { storage } from "@/server/platform/storage/storage";

export const MAX_ATTEMPTS = 8;
const LOCK_MS = 2 * 60 * 1000;
const BASE_BACKOFF_MS = 30 * 1000;
const MAX_BACKOFF_MS = 6 * 60 * 60 * 1000;
/** above this the files are not attached (the body links them anyway) */
const MAX_ATTACH_BYTES = 20 * 1024 * 1024;

/** 30 s, 1 min, 2 min, … capped at 6 h, with ±10 % jitter. */
export function backoffMs(attempt: number, random = Math.random()): number {
  const base = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.9 + 0.2 * random));
}

/** The transport the settings ask for; falls back to the outbox when it is not usable. */
export async function configuredTransport(client: Db = getDb()): Promise<Transport> {
  const s = await loadSettings("outbound", { withSecrets: true, db: client });
  return transportFor(s);
}

export function transportFor(s: OutboundSettings): Transport {
  if (s.transport === "resend" && s.resendApiKey) return resendTransport({ apiKey: s.resendApiKey });
  if (s.transport === "smtp" && s.smtpHost) {
    return smtpTransport({ host: s.smtpHost, port: s.smtpPort, secure: s.smtpSecure, user: s.smtpUsername, password: s.smtpPassword });
  }
  if (s.transport !== "outbox") logger.warn("outbound transport not configured, keeping mail in the outbox", { transport: s.transport });
  return outboxTransport();
}

export type DeliverResult = { claimed: number; sent: number; retried: number; failed: number };

export async function deliverDue(opts: { db?: Db; transport?: Transport; limit?: number; timeBudgetMs?: number; now?: () => Date } = {}): Promise<DeliverResult> {
  const client = opts.db ?? getDb();
  const now = opts.now ?? (() => new Date());
  const started = Date.now();
  const budget = opts.timeBudgetMs ?? 50_000;
  const result: DeliverResult = { claimed: 0, sent: 0, retried: 0, failed: 0 };
  const outbound = await loadSettings("outbound", { withSecrets: true, db: client });
  const mail = await loadSettings("mail", { db: client });
  const transport = opts.transport ?? transportFor(outbound);
  try {
    while (Date.now() - started < budget) {
      const ids = await claim(client, Math.min(opts.limit ?? 20, 20), now());
      if (ids.length === 0) break;
      result.claimed += ids.length;
      for (const id of ids) {
        if (Date.now() - started >= budget) {
          // out of time: hand the rest back untouched
          await client.outboxMail.updateMany({ where: { id, status: "SENDING" }, data: { status: "PENDING", lockedUntil: null, attempts: { decrement: 1 } } });
          continue;
        }
        const outcome = await deliverOne(client, id, transport, { outbound, mail }, now());
        result[outcome] += 1;
      }
      if (opts.limit && result.claimed >= opts.limit) break;
    }
  } finally {
    await transport.close?.();
  }
  return result;
}

/** Marks up to `limit` due rows SENDING (attempt counted) and returns their ids. */
async function claim(client: Db, limit: number, now: Date): Promise<number[]> {
  const lockedUntil = new Date(now.getTime() + LOCK_MS);
  const rows = await client.$queryRaw<{ id: number }[]>`
    UPDATE outbox_mails SET status = 'SENDING', locked_until = ${lockedUntil}, attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM outbox_mails
      WHERE (status = 'PENDING' AND next_attempt_at <= ${now})
         OR (status = 'SENDING' AND locked_until < ${now})
      ORDER BY next_attempt_at, id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id`;
  return rows.map((r) => r.id).sort((a, b) => a - b);
}

async function deliverOne(client: Db, id: number, transport: Transport, s: { outbound: OutboundSettings; mail: MailSettings }, now: Date): Promise<"sent" | "retried" | "failed"> {
  const row = await client.outboxMail.findUniqueOrThrow({ where: { id } });
  const mail: WireMail = {
    id: row.id,
    // rows written by others may lack From; the settings decide then
    from: row.fromEmail || fromAddress(s.mail, s.outbound),
    fromName: s.outbound.fromName,
    to: row.toEmail,
    cc: row.cc,
    replyTo: row.replyTo,
    subject: row.subject,
    text: row.text,
    html: row.html,
    messageId: row.messageIdHeader,
    headers: (row.headers ?? {}) as Record<string, string>,
    attachments: row.attachmentIds.length ? await loadAttachments(client, row.attachmentIds) : [],
  };
  let res;
  try {
    res = await transport.send(mail);
  } catch (e) {
    res = { ok: false as const, retry: true, error: String(e) };
  }
  const mine = { id, status: "SENDING" as const };
  if (res.ok) {
    await client.outboxMail.updateMany({ where: mine, data: { status: "SENT", transport: transport.name, sentAt: new Date(), lockedUntil: null, lastError: null, providerId: res.providerId ?? null } });
    return "sent";
  }
  const error = res.error.slice(0, 2000);
  // a rate-limit answer does not use up an attempt
  const attempts = res.retryAfterMs !== undefined ? row.attempts - 1 : row.attempts;
  if (!res.retry || attempts >= MAX_ATTEMPTS) {
    await client.outboxMail.updateMany({ where: mine, data: { status: "FAILED", transport: transport.name, lockedUntil: null, lastError: error, attempts } });
    logger.warn("outbound mail failed", { id, to: row.toEmail, attempts, error });
    return "failed";
  }
  const delay = res.retryAfterMs ?? backoffMs(attempts);
  await client.outboxMail.updateMany({
    where: mine,
    data: { status: "PENDING", transport: transport.name, lockedUntil: null, lastError: error, attempts, nextAttemptAt: new Date(now.getTime() + delay) },
  });
  logger.info("outbound mail will be retried", { id, attempts, delayMs: delay, error });
  return "retried";
}

/** Staff "resend": a new attempt of the same row (same Message-ID) as soon as the worker runs. */
export async function requeue(client: Db, id: number): Promise<boolean> {
  const r = await client.outboxMail.updateMany({
    where: { id, status: { in: ["SENT", "FAILED", "PENDING"] } },
    data: { status: "PENDING", attempts: 0, nextAttemptAt: new Date(), lockedUntil: null, lastError: null, sentAt: null },
  });
  return r.count === 1;
}

async function loadAttachments(client: Db, ids: string[]): Promise<NonNullable<WireMail["attachments"]>> {
  const rows = await client.attachment.findMany({ where: { id: { in: ids } }, select: { id: true, fileName: true, contentType: true, size: true, storageKey: true } });
  if (rows.reduce((n, r) => n + r.size, 0) > MAX_ATTACH_BYTES) return [];
  const out: NonNullable<WireMail["attachments"]> = [];
  for (const r of rows) {
    const content = await storage().get(r.storageKey);
    if (content) out.push({ filename: r.fileName, contentType: r.contentType, content });
  }
  return out;
}
