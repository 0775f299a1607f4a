// SMTP through nodemailer (most small firms send through the mailbox they receive on). The
// password is decrypted from the settings by the caller. 4xx answers and connection problems
// are retried; 5xx answers are permanent.
import nodemailer from "nodemailer";
import { formatFrom, type SendResult, type Transport, type WireMail } from "./types";

export type SmtpOptions = {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  password: string;
  /** tests: the sink's self-signed certificate */
  rejectUnauthorized?: boolean;
};

export function smtpTransport(o: SmtpOptions): Transport {
  const t = nodemailer.createTransport({
    host: o.host,
    port: o.port,
    secure: o.secure,
    ...(o.user ? { auth: { user: o.user, pass: o.password } } : {}),
    tls: { rejectUnauthorized: o.rejectUnauthorized ?? true },
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
  return {
    name: "smtp",
    async send(m: WireMail): Promise<SendResult> {
      const { "In-Reply-To": inReplyTo, References: references, ...headers } = m.headers;
      try {
        const info = await t.sendMail({
          from: formatFrom(m.fromName, m.from),
          to: m.to,
          ...(m.cc.length ? { cc: m.cc } : {}),
          ...(m.replyTo ? { replyTo: m.replyTo } : {}),
          subject: m.subject,
          text: m.text,
          ...(m.html ? { html: m.html } : {}),
          messageId: m.messageId,
          ...(inReplyTo ? { inReplyTo } : {}),
          ...(references ? { references } : {}),
          headers,
          ...(m.attachments?.length ? { attachments: m.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })) } : {}),
        });
        return { ok: true, providerId: info.messageId ?? null };
      } catch (e) {
        const err = e as { responseCode?: number; message?: string; code?: string };
        const code = err.responseCode;
        return { ok: false, retry: code === undefined || code < 500, error: `smtp ${code ?? err.code ?? "error"}: ${err.message ?? String(e)}` };
      }
    },
    async close() {
      t.close();
    },
  };
}
