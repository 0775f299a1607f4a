// What a transport gets (one outbox row, ready to put on the wire) and what it answers.
export type WireMail = {
  /** outbox row id: the idempotency key */
  id: number;
  from: string;
  fromName: string;
  to: string;
  cc: string[];
  replyTo: string | null;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  headers: Record<string, string>;
  /** files of a staff reply when outbound.attachToReplies is on */
  attachments?: { filename: string; contentType: string; content: Buffer }[];
};

export type SendResult =
  | { ok: true; providerId?: string | null }
  /** retry: try again later (rate limit, 5xx, network); retryAfterMs when the server said so */
  | { ok: false; retry: boolean; retryAfterMs?: number; error: string };

export interface Transport {
  readonly name: "resend" | "smtp" | "outbox";
  send(mail: WireMail): Promise<SendResult>;
  close?(): Promise<void>;
}

/** `"Support" <support@example.com>` with the name quoted safely. */
export function formatFrom(name: string, address: string): string {
  const n = name.replace(/[\r\n"\\]/g, "").trim();
  return n ? `"${n}" <${address}>` : address;
}
