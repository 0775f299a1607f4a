// Resend through the official SDK. The SDK returns { data, error, headers } and never throws or
// retries: we map errors to retry / permanent, honour 429 retry-after, keep to Resend's default
// 2 requests per second, and send the outbox row id as Idempotency-Key (Resend keeps it 24 h),
// so a retry after a lost answer never sends the mail twice.
import { Resend } from "resend";
import { env } from "@/server/env";
import { formatFrom, type SendResult, type Transport, type WireMail } from "./types";

const MIN_INTERVAL_MS = 500; // 2 requests per second
let lastRequestAt = 0;

async function throttle() {
  const wait = lastRequestAt + MIN_INTERVAL_MS - Date.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  lastRequestAt = Date.now();
}

export function resendTransport(opts: { apiKey: string; baseUrl?: string }): Transport {
  const baseUrl = opts.baseUrl ?? env().RESEND_BASE_URL;
  const client = new Resend(opts.apiKey, baseUrl ? { baseUrl: baseUrl.replace(/\/+$/, "") } : undefined);
  return {
    name: "resend",
    async send(m: WireMail): Promise<SendResult> {
      await throttle();
      const res = await client.emails.send(
        {
          from: formatFrom(m.fromName, m.from),
          to: [m.to],
          ...(m.cc.length ? { cc: m.cc } : {}),
          ...(m.replyTo ? { replyTo: m.replyTo } : {}),
          subject: m.subject,
          text: m.text,
          ...(m.html ? { html: m.html } : {}),
          headers: { ...m.headers, "Message-ID": m.messageId },
          ...(m.attachments?.length ? { attachments: m.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content.toString("base64") })) } : {}),
        },
        { idempotencyKey: `outbox-${m.id}` },
      );
      if (!res.error) return { ok: true, providerId: res.data?.id ?? null };
      const status = (res.error as { statusCode?: number | null }).statusCode ?? null;
      const error = `resend ${status ?? "network"}: ${res.error.name}: ${res.error.message}`;
      if (status === 429) {
        const h = (res as { headers?: Record<string, string> | null }).headers ?? {};
        const secs = Number(h["retry-after"] ?? h["ratelimit-reset"] ?? 1);
        return { ok: false, retry: true, retryAfterMs: Math.max(1, Number.isFinite(secs) ? secs : 1) * 1000, error };
      }
      // network errors, 5xx and 409 (a concurrent request with the same key) are worth retrying
      const retry = status === null || status >= 500 || status === 409;
      return { ok: false, retry, error };
    },
  };
}

/** for tests */
export function resetResendThrottle() {
  lastRequestAt = 0;
}
